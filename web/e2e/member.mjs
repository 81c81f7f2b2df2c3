// Browser scenarios registered by run.mjs, about what people see rather than what managers edit:
//   languageScenario: a browser set to Portuguese gets Portuguese pages before anyone chooses;
//     a member switches to Spanish (the choice survives a reload and follows the account to
//     another browser) and to English;
//   exportsScenario: a member downloads the savings chart as CSV (header row) and XLSX (a ZIP),
//     a manager the members table as CSV (made by the server, one line per member);
//   accessScenario: a member typing a manager's address gets a polite "not allowed" page and no
//     data is asked for; after logging out the dashboard's address leads to the login page.
// Texts are compared with the dictionaries of web/src/i18n. Screenshots: language-*, exports-*,
// access-*.png.
import assert from 'node:assert/strict';

import en from '../src/i18n/en.js';
import es from '../src/i18n/es.js';
import pt from '../src/i18n/pt.js';
import { helpers, nthAccount } from './helpers.mjs';
import { DEMO_ACCOUNTS, pickAccount } from './server.mjs';

const heading = (page) => page.locator('main h2').first();

export async function languageScenario({ server, artefacts }) {
  const { shot, withPage, login } = helpers({ server, artefacts });
  // Another member than the other scenarios' (the language is stored on the account).
  const member = process.env.REPARTO_E2E_MEMBER2
    ? pickAccount([], 'member', 'REPARTO_E2E_MEMBER2')
    : nthAccount(server.accounts, 'member', 1, DEMO_ACCOUNTS.find((a) => a.email.startsWith('member2')));

  await withPage('language', async (page) => {
    // Nothing chosen yet: the browser's language.
    await page.goto(server.url);
    await page.waitForSelector('[data-testid=login-email]', { timeout: 15_000 });
    assert.equal(await page.textContent('h1'), pt['login.title']);
    assert.equal(await page.getAttribute('html', 'lang'), 'pt');
    await shot(page, 'language-login-pt');
    await login(page, member);
    await page.waitForSelector('[data-testid=live-status]', { timeout: 15_000 });
    assert.equal((await heading(page).textContent()).trim(), pt['live.title']);

    // Spanish from the menu.
    await page.selectOption('[data-testid=language]', 'es');
    await page.waitForFunction((text) => document.querySelector('main h2')?.textContent.trim() === text,
      es['live.title'], { timeout: 10_000 });
    assert.equal(await page.getAttribute('html', 'lang'), 'es');
    assert.match(await page.textContent('main'), new RegExp(es['energy.title']));
    // Numbers follow the language too: a decimal comma in Spanish.
    await page.waitForFunction(() => /\d kWh$/.test(
      document.querySelector('[data-testid=total-consumption]')?.textContent || ''), null, { timeout: 15_000 });
    assert.match(await page.textContent('[data-testid=total-consumption]'), /^[\d.]+,\d kWh$/);
    await shot(page, 'language-es');
    // ... survives a reload.
    await page.reload();
    await page.waitForSelector('[data-testid=live-status]', { timeout: 15_000 });
    assert.equal((await heading(page).textContent()).trim(), es['live.title']);
    assert.equal(await page.inputValue('[data-testid=language]'), 'es');
  }, { locale: 'pt-PT' });

  // The choice is stored on the account: another browser (still Portuguese) shows Spanish once
  // the member is logged in; then English is chosen and kept.
  await withPage('language-account', async (page) => {
    await page.goto(server.url);
    await page.waitForSelector('[data-testid=login-email]', { timeout: 15_000 });
    assert.equal(await page.textContent('h1'), pt['login.title']);
    await login(page, member);
    await page.waitForFunction((text) => document.querySelector('main h2')?.textContent.trim() === text,
      es['live.title'], { timeout: 15_000 });
    await page.selectOption('[data-testid=language]', 'en');
    await page.waitForFunction((text) => document.querySelector('main h2')?.textContent.trim() === text,
      en['live.title'], { timeout: 10_000 });
    await page.reload();
    await page.waitForSelector('[data-testid=live-status]', { timeout: 15_000 });
    assert.equal((await heading(page).textContent()).trim(), en['live.title']);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await shot(page, 'language-en');
  }, { locale: 'pt-PT' });
}

export async function exportsScenario({ server, artefacts }) {
  const { shot, withPage, login, openCommunityTab, download } = helpers({ server, artefacts });
  const member = pickAccount(server.accounts, 'member', 'REPARTO_E2E_MEMBER');
  const manager = pickAccount(server.accounts, 'manager', 'REPARTO_E2E_MANAGER');

  await withPage('exports-member', async (page) => {
    await login(page, member);
    // The savings come from the economics endpoint, the slowest of the dashboard (~2 s in Debug).
    await page.waitForSelector('[data-testid=savings-chart] .uplot', { timeout: 45_000 });
    const months = await page.locator('[data-testid=savings-table] tbody tr').count();
    assert.ok(months >= 1, 'a savings table');
    const csv = await download(page, '[data-testid=savings-csv]', 'exports-savings.csv');
    assert.match(csv.name, /^savings_.*\.csv$/);
    const lines = csv.bytes.toString('utf8').trim().split(/\r?\n/);
    assert.equal(lines[0], 'month,bill_without_eur,bill_with_eur,fee_eur,savings_eur,cumulative_eur,' +
      'expected_eur,expected_cumulative_eur,co2_avoided_kg');
    assert.equal(lines.length, months + 1, 'one line per month of the table');
    assert.match(lines[1], /^\d{4}-\d{2},/);
    const xlsx = await download(page, '[data-testid=savings-xlsx]', 'exports-savings.xlsx');
    assert.match(xlsx.name, /^savings_.*\.xlsx$/);
    assert.equal(xlsx.bytes.subarray(0, 4).toString('latin1'), 'PK\u0003\u0004', 'a ZIP file');
    assert.ok(xlsx.bytes.includes(Buffer.from('xl/worksheets/sheet1.xml')), 'with a worksheet');
    await shot(page, 'exports-member');
  });

  await withPage('exports-manager', async (page) => {
    await login(page, manager);
    const community = await openCommunityTab(page, 'members');
    const rows = page.locator('[data-testid=members] tbody tr');
    await rows.first().waitFor({ timeout: 15_000 });
    const count = await rows.count();
    const csv = await download(page, '[data-testid=members-csv]', 'exports-members.csv');
    assert.equal(csv.name, `members_${community}.csv`);
    const lines = csv.bytes.toString('utf8').trim().split(/\r?\n/);
    assert.match(lines[0], /^participant,name,role,joined,left,/);
    assert.equal(lines.length, count + 1, 'one line per member shown');
    const firstId = (await rows.first().locator('td').nth(1).textContent()).trim();
    assert.ok(lines.some((l) => l.startsWith(`${firstId},`)), `${firstId} is in the file`);
    await shot(page, 'exports-manager');
  });
}

export async function accessScenario({ server, artefacts }) {
  const { shot, withPage, login, logout } = helpers({ server, artefacts });
  const member = pickAccount(server.accounts, 'member', 'REPARTO_E2E_MEMBER');

  await withPage('access', async (page) => {
    await login(page, member);
    const me = await page.evaluate(async () => (await fetch('/api/me')).json());
    const community = me.grants[0].community;
    const asked = [];
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (u.pathname.startsWith(`/api/communities/${community}/`)) asked.push(u.pathname);
    });

    for (const tab of ['members', 'billing', 'coefficients']) {
      asked.length = 0;
      await page.goto(`${server.url}#/communities/${encodeURIComponent(community)}/${tab}`);
      const box = page.locator('[data-testid=not-allowed]');
      await box.waitFor({ timeout: 10_000 });
      assert.equal((await box.locator('h1').textContent()).trim(), en['access.title']);
      assert.match(await box.textContent(), /Sorry, this page is for the community’s managers/);
      await page.waitForTimeout(300);
      assert.equal(await page.locator('table').count(), 0, 'no table of data');
      // Only what a member's own dashboard asks for (still loading when the address was typed).
      const managerOnly = asked.filter((p) => !p.endsWith('/live') && !p.includes('/participants/'));
      assert.deepEqual(managerOnly, [], `nothing asked for on ${tab}`);
      if (tab === 'members') await shot(page, 'access-not-allowed');
    }
    // The server refuses too, whatever the page does.
    const status = await page.evaluate(async (c) =>
      (await fetch(`/api/communities/${encodeURIComponent(c)}/members`)).status, community);
    assert.equal(status, 403);
    // The link goes back to the member's own dashboard.
    await page.click('[data-testid=not-allowed-home]');
    await page.waitForSelector('[data-testid=live-status]', { timeout: 15_000 });

    // After logging out, the dashboard's address leads to the login page.
    await logout(page);
    await page.goto(`${server.url}#/me`);
    await page.waitForSelector('[data-testid=login-email]', { timeout: 15_000 });
    assert.match(page.url(), /#\/login$/);
    assert.equal(await page.locator('[data-testid=live-status]').count(), 0);
    const after = await page.evaluate(async () => (await fetch('/api/me')).status);
    assert.equal(after, 401, 'the session is gone on the server');
    await shot(page, 'access-logged-out');
  });
}
