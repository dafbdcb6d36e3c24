// What a new user does with Swagger UI at the gateway, in a real headless Chromium (driven by SwaggerUiBrowserIT):
// open /q/swagger-ui, read the operations listed, Authorize with the authorization-code flow + PKCE against the demo
// realm, log in on Keycloak's page, then "Try it out" on one operation and execute it.
// Prints one JSON report on stdout (the Java test asserts on it); exits 1 with a message when a step cannot be done.
//
// Environment: PUPPETEER_CORE (module directory), CHROMIUM (executable), SWAGGER_UI_URL, USERNAME, PASSWORD,
// OPERATION_PATH (e.g. /api/accounts/official), SCREENSHOT_DIR (where to leave a screenshot when a step fails).
'use strict';

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

async function main() {
  const report = { steps: [] };
  const step = (name) => { report.steps.push(name); process.stderr.write(`[swagger-ui] ${name}\n`); };
  const browser = await puppeteer.launch({
    executablePath: env('CHROMIUM'),
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--no-first-run', '--no-default-browser-check'],
  });
  let page;
  try {
    page = await browser.newPage();
    page.setDefaultTimeout(STEP_TIMEOUT);
    await page.setViewport({ width: 1400, height: 1000 });

    step('open Swagger UI');
    await page.goto(env('SWAGGER_UI_URL'), { waitUntil: 'load' });
    await page.waitForSelector('.opblock-summary-path');
    report.title = await page.$eval('.info .title', (e) => e.textContent.trim()).catch(() => null);
    report.operations = await page.$$eval('.opblock', (blocks) => blocks.map((b) => {
      const method = b.querySelector('.opblock-summary-method');
      const p = b.querySelector('.opblock-summary-path');
      return `${method ? method.textContent.trim() : '?'} ${p ? (p.getAttribute('data-path') || p.textContent.trim()) : '?'}`;
    }));

    step('Authorize: open the dialog');
    await page.click('.auth-wrapper .btn.authorize');
    await page.waitForSelector('.modal-ux .auth-container');
    report.clientId = await page.$eval('.modal-ux input[data-name="clientId"]', (e) => e.value).catch(() => null);
    const scopes = await page.$$('.modal-ux .scopes input[type=checkbox]');
    for (const scope of scopes) {
      const checked = await scope.evaluate((e) => e.checked);
      if (!checked) {
        await scope.evaluate((e) => e.click());
      }
    }

    step('Authorize: Keycloak login page in the pop-up');
    const popupOpened = new Promise((resolve) => page.once('popup', resolve));
    await page.click('.modal-ux .auth-btn-wrapper .btn.modal-btn.auth.authorize');
    const popup = await popupOpened;
    popup.setDefaultTimeout(STEP_TIMEOUT);
    await popup.waitForSelector('#username');
    report.loginPageUrl = popup.url().split('?')[0];
    await popup.type('#username', env('USERNAME'));
    await popup.type('#password', env('PASSWORD'));
    await popup.click('#kc-login');

    step('Authorize: back in Swagger UI with a token');
    await page.waitForFunction(() => [...document.querySelectorAll('.modal-ux .auth-btn-wrapper button')]
      .some((b) => b.textContent.trim() === 'Logout'));
    report.authorized = true;
    report.authErrors = await page.$$eval('.modal-ux .errors', (es) => es.map((e) => e.textContent.trim()));
    await page.click('.modal-ux .btn-done');
    await page.waitForSelector('.modal-ux', { hidden: true });

    step('Try it out on GET ' + env('OPERATION_PATH'));
    const block = await page.waitForSelector(
      `.opblock-get:has(.opblock-summary-path[data-path="${env('OPERATION_PATH')}"])`);
    // the expand handler is on the summary's button, not on the summary row around it
    const control = (await block.$('.opblock-summary-control')) || (await block.$('.opblock-summary'));
    await control.scrollIntoView();
    await control.click();
    await block.waitForSelector('.try-out__btn');
    await (await block.$('.try-out__btn')).click();
    await block.waitForSelector('.execute');
    const answered = page.waitForResponse((r) => r.url().includes(env('OPERATION_PATH')) && r.request().method() === 'GET');
    await (await block.$('.execute')).click();
    const response = await answered;
    report.requestUrl = response.url();
    report.requestHadBearer = /^Bearer ./.test(response.request().headers()['authorization'] || '');
    report.networkStatus = response.status();
    // the table's first row is its header ("Code"); the answer is the row of class "response"
    await block.waitForSelector('.live-responses-table tr.response .response-col_status');
    report.shownStatus = await block.$eval('.live-responses-table tr.response .response-col_status',
      (e) => e.textContent.trim());
    report.shownBody = await block.$eval('.live-responses-table .response-col_description pre',
      (e) => e.textContent).catch(() => null);
    step('done');
    process.stdout.write(JSON.stringify(report) + '\n');
  } catch (error) {
    if (page && process.env.SCREENSHOT_DIR) {
      await page.screenshot({ path: path.join(process.env.SCREENSHOT_DIR, 'swagger-ui-failure.png'), fullPage: false })
        .catch(() => {});
    }
    process.stderr.write(`[swagger-ui] failed after steps ${JSON.stringify(report.steps)}: ${error.stack || error}\n`);
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  process.stderr.write(`[swagger-ui] ${error.stack || error}\n`);
  process.exitCode = 1;
});
