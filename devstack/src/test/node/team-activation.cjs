// A newly invited member activates their account in a real headless Chromium (driven by TeamActivationBrowserIT):
// open the console client's authorization URL (code flow + PKCE, built by the Java test), sign in on Keycloak's own
// page with the one-time secret, then go through the required actions Keycloak asks for, in whatever order: set a
// password, and enrol TOTP from the secret shown on the "unable to scan" page, with a code computed here (RFC 6238).
// The redirect back to the console is intercepted, never loaded: its authorization code is the result.
// Prints one JSON report on stdout; exits 1 with a message when a step cannot be done.
//
// Environment: PUPPETEER_CORE, CHROMIUM, AUTH_URL, REDIRECT_PREFIX, USERNAME, SECRET (one-time), NEW_PASSWORD,
// SCREENSHOT_DIR.
'use strict';

const crypto = require('crypto');
const path = require('path');
const puppeteer = require(process.env.PUPPETEER_CORE);

const STEP_TIMEOUT = Number(process.env.STEP_TIMEOUT_MS || 90000);
const env = (name) => {
  const value = process.env[name];
  if (!value) {
    throw new Error(`missing environment variable ${name}`);
  }
  return value;
};

function base32Decode(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const clean = text.replace(/[\s=]/g, '').toUpperCase();
  let bits = 0;
  let value = 0;
  const out = [];
  for (const ch of clean) {
    const index = alphabet.indexOf(ch);
    if (index < 0) {
      throw new Error(`not base32: ${text}`);
    }
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

// RFC 6238 with Keycloak's default OTP policy (HmacSHA1, 6 digits, 30 s)
function totp(secret, algorithm, digits, period, when) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(when / 1000 / period)));
  const mac = crypto.createHmac(algorithm, base32Decode(secret)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const binary = ((mac[offset] & 0x7f) << 24) | (mac[offset + 1] << 16) | (mac[offset + 2] << 8) | mac[offset + 3];
  return String(binary % 10 ** digits).padStart(digits, '0');
}

async function main() {
  const report = { steps: [], pages: [] };
  const step = (name) => { report.steps.push(name); process.stderr.write(`[activation] ${name}\n`); };
  const redirectPrefix = env('REDIRECT_PREFIX');
  const browser = await puppeteer.launch({
    executablePath: env('CHROMIUM'),
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--no-first-run', '--no-default-browser-check'],
  });
  let page;
  try {
    page = await browser.newPage();
    page.setDefaultTimeout(STEP_TIMEOUT);
    let redirected = null;
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (request.url().startsWith(redirectPrefix)) {
        redirected = request.url();
        request.respond({ status: 200, contentType: 'text/plain', body: 'signed in' });
      } else {
        request.continue();
      }
    });

    step('open the sign-in page');
    await page.goto(env('AUTH_URL'), { waitUntil: 'load' });
    await page.waitForSelector('#username');
    report.loginPageUrl = page.url().split('?')[0];
    await page.type('#username', env('USERNAME'));
    await page.type('#password', env('SECRET'));
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('#kc-login')]);

    for (let round = 0; round < 6 && !redirected; round++) {
      if (await page.$('#password-new')) {
        step('required action: set a password');
        report.pages.push('UPDATE_PASSWORD');
        await page.type('#password-new', env('NEW_PASSWORD'));
        await page.type('#password-confirm', env('NEW_PASSWORD'));
        await Promise.all([page.waitForNavigation({ waitUntil: 'load' }),
          page.click('#kc-passwd-update-form [type=submit]')]);
      } else if (await page.$('#kc-totp-settings-form')) {
        step('required action: enrol TOTP');
        report.pages.push('CONFIGURE_TOTP');
        if (!(await page.$('#kc-totp-secret-key'))) {
          await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('#mode-manual')]);
        }
        const secret = await page.$eval('#kc-totp-secret-key', (e) => e.textContent.trim());
        const text = (selector) => page.$eval(selector, (e) => e.textContent).catch(() => '');
        const algorithm = /SHA512/i.test(await text('#kc-totp-algorithm')) ? 'sha512'
          : /SHA256/i.test(await text('#kc-totp-algorithm')) ? 'sha256' : 'sha1';
        const digits = Number(((await text('#kc-totp-digits')).match(/\d+/) || ['6'])[0]);
        const period = Number(((await text('#kc-totp-period')).match(/\d+/) || ['30'])[0]);
        report.totp = { secret: secret.replace(/\s/g, ''), algorithm, digits, period };
        await page.type('#totp', totp(secret, algorithm, digits, period, Date.now()));
        await page.type('#userLabel', 'Vigie e2e');
        await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('#saveTOTPBtn')]);
      } else if (!redirected) {
        const errors = await page.$$eval('.pf-v5-c-alert, .kc-feedback-text, [id^=input-error]',
          (es) => es.map((e) => e.textContent.trim())).catch(() => []);
        throw new Error(`unexpected page ${page.url()}: ${JSON.stringify(errors)}`);
      }
    }
    if (!redirected) {
      throw new Error(`never redirected back to ${redirectPrefix}; last page ${page.url()}`);
    }
    step('back at the console with an authorization code');
    const url = new URL(redirected);
    report.code = url.searchParams.get('code');
    report.state = url.searchParams.get('state');
    report.error = url.searchParams.get('error');
    step('done');
    process.stdout.write(JSON.stringify(report) + '\n');
  } catch (error) {
    if (page && process.env.SCREENSHOT_DIR) {
      await page.screenshot({ path: path.join(process.env.SCREENSHOT_DIR, 'team-activation-failure.png') }).catch(() => {});
      const html = await page.content().catch(() => '');
      require('fs').writeFileSync(path.join(process.env.SCREENSHOT_DIR, 'team-activation-failure.html'), html);
    }
    process.stderr.write(`[activation] failed after steps ${JSON.stringify(report.steps)}: ${error.stack || error}\n`);
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  process.stderr.write(`[activation] ${error.stack || error}\n`);
  process.exitCode = 1;
});
