// End-to-end tests in a real browser (issue 5, requirement 4), run with node's test runner:
//   node web/e2e/run.mjs <path to reparto>        (or REPARTO_BINARY=<path>)
// Starts a demo database and `reparto serve` on a free port serving web/dist, then:
//   (a) a member logs in and sees the live value change,
//   (b) a manager saves a new coefficient version and downloads the distributor file,
//   (c) a manager uploads a malformed file and sees the server's error.
// Screenshots and downloads go to REPARTO_E2E_ARTIFACTS (default build/e2e-artifacts).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { accountsScenario } from './accounts.mjs';
import { billingScenario } from './billing.mjs';
import { closeBrowser, launch } from './browser.mjs';
import { accessScenario, exportsScenario, languageScenario } from './member.mjs';
import { pickAccount, startServer } from './server.mjs';
import { tariffsScenario } from './tariffs.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const binaryArg = process.env.REPARTO_BINARY || process.argv[2] || '';
const binary = binaryArg === 'mock' ? 'mock' : path.resolve(binaryArg);
const webRoot = path.resolve(process.env.REPARTO_WEB_ROOT || path.join(repo, 'web', 'dist'));
const artefacts = path.resolve(repo, process.env.REPARTO_E2E_ARTIFACTS || 'build/e2e-artifacts');
const verbose = !!process.env.REPARTO_E2E_VERBOSE;

fs.mkdirSync(artefacts, { recursive: true });

let server;

async function withPage(name, fn) {
  const browser = await launch();
  const page = await browser.context.newPage();
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  try {
    await fn(page);
    assert.deepEqual(problems, [], 'no script errors or CSP violations');
  } catch (e) {
    await page.screenshot({ path: path.join(artefacts, `${name}-failure.png`), fullPage: true }).catch(() => {});
    throw e;
  } finally {
    await browser.close();
  }
}

async function login(page, account) {
  await page.goto(server.url);
  await page.waitForSelector('[data-testid=login-email]');
  await page.fill('[data-testid=login-email]', account.email);
  await page.fill('[data-testid=login-password]', account.password);
  await page.click('[data-testid=login-submit]');
  await page.waitForSelector('[data-testid=user-menu]', { timeout: 15_000 });
}

async function openCommunityTab(page, tab) {
  await page.goto(`${server.url}#/communities`);
  const link = page.locator('[data-testid=community-link]').first();
  await link.waitFor({ timeout: 15_000 });
  const href = await link.getAttribute('href');
  await page.goto(`${server.url}${href}/${tab}`);
}

describe('reparto in a browser', { concurrency: false }, () => {
  before(async () => {
    server = await startServer({ binary, webRoot, log: verbose ? (t) => process.stderr.write(t) : null });
    if (verbose) process.stderr.write(`server at ${server.url}\n`);
  });

  after(async () => {
    await closeBrowser();
    if (server) {
      fs.writeFileSync(path.join(artefacts, 'serve.log'), server.output());
      await server.stop();
    }
  });

  test('a wrong password is refused with a readable message', async () => {
    await withPage('login-refused', async (page) => {
      await page.goto(server.url);
      await page.fill('[data-testid=login-email]', 'nobody@example.org');
      await page.fill('[data-testid=login-password]', 'wrong password');
      await page.click('[data-testid=login-submit]');
      const message = page.locator('.login-message[role=alert]');
      await message.waitFor({ timeout: 10_000 });
      assert.notEqual((await message.textContent()).trim(), '');
      assert.match(page.url(), /#\/login/);
    });
  });

  test('too many failed logins show the waiting time', async () => {
    await withPage('login-rate-limited', async (page) => {
      await page.goto(server.url);
      const message = page.locator('.login-message[role=alert]');
      // 5 failures per e-mail are allowed in 15 minutes (docs/auth.md); the next gets 429.
      let text = '';
      for (let i = 0; i < 8 && !/\d+/.test(text); i++) {
        await page.fill('[data-testid=login-email]', 'rate-limit-e2e@example.org');
        await page.fill('[data-testid=login-password]', `wrong password ${i}`);
        await page.click('[data-testid=login-submit]');
        await message.waitFor({ timeout: 10_000 });
        await page.waitForFunction(() => !document.querySelector('[data-testid=login-submit]').disabled);
        text = (await message.textContent()).trim();
      }
      assert.match(text, /Too many attempts\. Try again in \d+ seconds\./);
      await page.screenshot({ path: path.join(artefacts, 'login-rate-limited.png') });
    });
  });

  test('a member logs in and sees the live value change', async () => {
    const member = pickAccount(server.accounts, 'member', 'REPARTO_E2E_MEMBER');
    await withPage('member-live', async (page) => {
      await login(page, member);
      await page.waitForSelector('[data-testid=live-status][data-state=open]', { timeout: 15_000 });
      const updated = page.locator('[data-testid=live-updated]');
      await page.waitForFunction(
        () => document.querySelector('[data-testid=live-updated]')?.dataset.time, null,
        { timeout: 15_000 });
      const first = await updated.getAttribute('data-time');
      const firstValue = await page.textContent('[data-testid=live-consumption]');
      assert.notEqual(firstValue.trim(), '–');
      await page.screenshot({ path: path.join(artefacts, 'member-dashboard.png'), fullPage: true });
      // A new event arrives within a few seconds: the instant (and usually the value) moves on.
      await page.waitForFunction(
        (before) => document.querySelector('[data-testid=live-updated]')?.dataset.time !== before,
        first, { timeout: 20_000 });
      const second = await updated.getAttribute('data-time');
      assert.notEqual(second, first);
      await page.screenshot({ path: path.join(artefacts, 'member-live-updated.png') });

      // The energy chart downloads as CSV and XLSX (made in the browser).
      await page.waitForSelector('[data-testid=energy-chart] .uplot', { timeout: 15_000 });
      for (const kind of ['csv', 'xlsx']) {
        const [file] = await Promise.all([
          page.waitForEvent('download', { timeout: 10_000 }),
          page.click(`[data-testid=energy-${kind}]`),
        ]);
        assert.match(file.suggestedFilename(), new RegExp(`\\.${kind}$`));
        const saved = path.join(artefacts, `member-energy.${kind}`);
        await file.saveAs(saved);
        const bytes = fs.readFileSync(saved);
        if (kind === 'csv') assert.match(bytes.toString('utf8'), /^time,consumption_wh,imputed_wh/);
        else assert.equal(bytes.subarray(0, 2).toString(), 'PK');
      }
    });
  });

  test('a manager saves a new coefficient version and downloads the distributor file', async () => {
    const manager = pickAccount(server.accounts, 'manager', 'REPARTO_E2E_MANAGER');
    await withPage('manager-coefficients', async (page) => {
      await login(page, manager);
      await openCommunityTab(page, 'coefficients');
      await page.waitForSelector('[data-testid=coef-editor]', { timeout: 15_000 });
      const inputs = page.locator('[data-testid=coef-input]');
      const n = await inputs.count();
      assert.ok(n >= 2, `the editor lists the members (${n})`);
      // Live validation: a negative value is refused before anything is sent.
      await inputs.nth(0).fill('-0.1');
      await page.waitForSelector('[data-testid=coef-problems] li');
      assert.equal(await page.isDisabled('[data-testid=coef-submit]'), true);
      // Equal shares add up to exactly 1.
      await page.click('[data-testid=coef-equal]');
      assert.equal((await page.textContent('[data-testid=coef-sum]')).trim(), '1.000000');
      assert.equal(await page.isDisabled('[data-testid=coef-submit]'), false);
      const year = new Date().getFullYear() + 1;
      await page.fill('[data-testid=coef-valid-from]', `${year}-01-01`);
      const note = `e2e equal shares ${Date.now()}`;
      await page.fill('[data-testid=coef-note]', note);
      await page.check('[data-testid=coef-accept]');
      await page.click('[data-testid=coef-submit]');
      await page.waitForSelector('.editor .msg.ok', { timeout: 15_000 });
      // The history shows the new version after the reload.
      await page.waitForSelector(`[data-testid=coef-history] td:has-text("${note}")`, { timeout: 15_000 });
      await page.screenshot({ path: path.join(artefacts, 'manager-coefficients.png'), fullPage: true });

      await page.fill('[data-testid=coef-year]', String(year));
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 15_000 }),
        page.click('[data-testid=coef-download]'),
      ]);
      const name = download.suggestedFilename();
      assert.match(name, new RegExp(`_${year}\\.txt$`));
      const saved = path.join(artefacts, name);
      await download.saveAs(saved);
      const text = fs.readFileSync(saved, 'utf8');
      assert.ok(text.trim().split('\n').length >= n, 'one line per supply point at least');
    });
  });

  test('a manager uploads a malformed file and sees the error', async () => {
    const manager = pickAccount(server.accounts, 'manager', 'REPARTO_E2E_MANAGER');
    await withPage('manager-import', async (page) => {
      await login(page, manager);
      await openCommunityTab(page, 'imports');
      await page.waitForSelector('[data-testid=import-file]', { timeout: 15_000 });
      await page.setInputFiles('[data-testid=import-file]', {
        name: 'broken.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('CUPS;Fecha;Hora;AE_kWh\nES0000000000000000XX;not a date;25;abc\n'),
      });
      await page.click('[data-testid=import-submit]');
      const error = page.locator('[data-testid=import-error]');
      await error.waitFor({ timeout: 15_000 });
      const message = (await error.textContent()).trim();
      assert.ok(message.length > 10, `the server's message is shown: ${message}`);
      assert.doesNotMatch(message, /^\d{3}\b/, 'a readable message, not a bare status');
      await page.screenshot({ path: path.join(artefacts, 'manager-import-error.png'), fullPage: true });
    });
  });

  const real = { skip: binary === 'mock' && 'needs reparto serve' };
  const ctx = () => ({ server, artefacts });
  test('a manager previews and finalises a month, downloads an invoice PDF and records payments',
    real, () => billingScenario(ctx()));
  test('a manager changes a member\'s contract; a malformed price names its field', real,
    () => tariffsScenario(ctx()));
  test('pages follow the browser\'s language, then the chosen one, across reloads and browsers',
    real, () => languageScenario(ctx()));
  test('a member downloads a chart as CSV and XLSX, a manager the members table as CSV', real,
    () => exportsScenario(ctx()));
  test('a member gets a polite refusal on manager pages; logged out, the dashboard asks for login',
    real, () => accessScenario(ctx()));

  test('an admin adds a member account; the member sees only their supply point; a password reset ends their session',
    { skip: binary === 'mock' && 'the mock server has no accounts API' },
    () => accountsScenario({ server, artefacts }));
});
