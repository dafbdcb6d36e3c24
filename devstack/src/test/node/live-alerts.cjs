// Opens the live-alerts page (served by LiveAlertsBrowserIT) in headless Chromium, waits until it is connected,
// signals the test (a line "CONNECTED" on stdout) and waits for the alert the test then raises to appear in the DOM.
// Prints one JSON line: {"connected":..., "alert":"<text of the alert's element>", "requests":[...urls seen...]}.
'use strict';
const puppeteer = require(process.env.PUPPETEER_CORE);

(async () => {
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--no-first-run', '--no-default-browser-check'],
  });
  const requests = [];
  try {
    const page = await browser.newPage();
    page.on('request', (r) => requests.push({ url: r.url(), authorization: Boolean(r.headers()['authorization']) }));
    page.on('console', (m) => process.stderr.write('page: ' + m.text() + '\n'));
    await page.goto(process.env.PAGE_URL, { waitUntil: 'load' });
    await page.waitForSelector('#status[data-state="open"]', { timeout: 60000 });
    process.stdout.write('CONNECTED\n');
    await page.waitForSelector('#alerts li', { timeout: 120000 });
    const alert = await page.$eval('#alerts li', (li) => li.textContent);
    process.stdout.write(JSON.stringify({ connected: true, alert, requests }) + '\n');
  } catch (e) {
    await (await browser.pages())[1]?.screenshot({ path: process.env.SCREENSHOT }).catch(() => {});
    process.stderr.write(String(e && e.stack || e) + '\n');
    process.stdout.write(JSON.stringify({ connected: false, error: String(e), requests }) + '\n');
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
})();
