// Browser scenario for the Accounts page (#/accounts), registered by run.mjs:
//   1. the demo admin logs in, opens Accounts from the user menu, sees a too-short password
//      refused next to the form, then adds a member account with a grant on one supply point of
//      the demo community, and logs out;
//   2. the new member logs in and sees only that supply point (their dashboard; the API's
//      community detail lists just it), and gets "not allowed" on the accounts page;
//   3. the admin (another browser) resets that member's password: the member's open session ends
//      (their next API call sends them to the login page); the old password is refused and the
//      new one works.
// Screenshots go to the artefacts folder (accounts-*.png).
import assert from 'node:assert/strict';
import path from 'node:path';

import { launch } from './browser.mjs';
import { helpers } from './helpers.mjs';
import { pickAccount } from './server.mjs';

async function open(name, artefacts, problems) {
  const browser = await launch();
  const page = await browser.context.newPage();
  page.on('pageerror', (e) => problems.push(`${name}: page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) {
      problems.push(`${name}: ${m.text()}`);
    }
  });
  return { browser, page };
}

async function openAccounts(page) {
  await page.click('[data-testid=user-menu]');
  await page.click('[data-testid=nav-accounts]');
  await page.waitForSelector('[data-testid=accounts] [data-testid=account-row]', { timeout: 15_000 });
}

// The API seen from the page (cookie and CSRF token of its session).
function apiStatus(page, apiPath) {
  return page.evaluate(async (p) => (await fetch(p, { credentials: 'same-origin' })).status, apiPath);
}

export async function accountsScenario({ server, artefacts }) {
  const admin = pickAccount(server.accounts, 'admin', 'REPARTO_E2E_ADMIN');
  const { login, logout } = helpers({ server, artefacts });
  const shot = (page, name) =>
    page.screenshot({ path: path.join(artefacts, `accounts-${name}.png`), fullPage: true });
  const problems = [];
  const stamp = Date.now();
  const member = { email: `new.member.${stamp}@example.org`, password: `first-${stamp}` };
  const renewed = `renewed-${stamp}`;
  const opened = [];
  let current = null;
  try {
    // 1. The admin adds the account.
    const a = await open('admin', artefacts, problems);
    opened.push(a.browser);
    current = a.page;
    await login(a.page, admin);
    await openAccounts(a.page);
    const before = await a.page.locator('[data-testid=account-row]').count();
    assert.ok(before >= 4, `the demo accounts are listed (${before})`);
    await a.page.fill('[data-testid=account-email]', member.email);
    await a.page.fill('[data-testid=account-name]', 'Nuria E2E');
    await a.page.selectOption('[data-testid=account-role]', 'member');
    await a.page.selectOption('[data-testid=account-language]', 'en');
    const communities = await a.page.locator('[data-testid=account-grant-community] option').evaluateAll(
      (os) => os.map((o) => o.value).filter(Boolean));
    assert.ok(communities.length >= 1, 'the demo community is offered');
    await a.page.selectOption('[data-testid=account-grant-community]', communities[0]);
    await a.page.waitForSelector('[data-testid=account-grant-participant]:not([disabled])', { timeout: 15_000 });
    const points = await a.page.locator('[data-testid=account-grant-participant] option').evaluateAll(
      (os) => os.map((o) => o.value).filter(Boolean));
    assert.ok(points.length >= 2, `the community's supply points are offered (${points.length})`);
    const granted = points[points.length - 1];
    await a.page.selectOption('[data-testid=account-grant-participant]', granted);
    // A too-short password: the message is shown next to the form, nothing is sent.
    await a.page.fill('[data-testid=account-password]', 'short');
    await a.page.click('[data-testid=account-submit]');
    const addMessage = a.page.locator('[data-testid=account-add-message] .msg.error');
    await addMessage.waitFor({ timeout: 10_000 });
    assert.match(await addMessage.textContent(), /at least 10 characters/);
    await shot(a.page, 'add-refused');
    await a.page.fill('[data-testid=account-password]', member.password);
    await a.page.click('[data-testid=account-submit]');
    await a.page.waitForSelector('[data-testid=account-add-message] .msg.ok', { timeout: 15_000 });
    const row = a.page.locator(`[data-testid=account-row][data-email="${member.email}"]`);
    await row.waitFor({ timeout: 15_000 });
    assert.match(await row.textContent(), new RegExp(granted));
    assert.equal(await a.page.locator('[data-testid=account-row]').count(), before + 1);
    await shot(a.page, 'added');
    // The same e-mail again: the API's 422 is shown next to the form.
    await a.page.fill('[data-testid=account-email]', member.email);
    await a.page.fill('[data-testid=account-password]', member.password);
    await a.page.selectOption('[data-testid=account-grant-community]', communities[0]);
    await a.page.waitForSelector('[data-testid=account-grant-participant]:not([disabled])');
    await a.page.selectOption('[data-testid=account-grant-participant]', granted);
    await a.page.click('[data-testid=account-submit]');
    await a.page.waitForSelector('[data-testid=account-add-message] .msg.error', { timeout: 15_000 });
    assert.match(await addMessage.textContent(), /email/i);
    await logout(a.page);
    await a.browser.close();
    opened.splice(opened.indexOf(a.browser), 1);

    // 2. The member sees only their supply point, and no accounts.
    const m = await open('member', artefacts, problems);
    opened.push(m.browser);
    current = m.page;
    await login(m.page, member);
    await m.page.waitForSelector('.member .page-title', { timeout: 15_000 });
    assert.match(await m.page.textContent('.member .page-title'), new RegExp(granted));
    assert.equal(await m.page.locator('.member nav.tabs a').count(), 0, 'one supply point: no tabs');
    const detail = await m.page.evaluate(async (c) =>
      (await (await fetch(`/api/communities/${encodeURIComponent(c)}`)).json()), communities[0]);
    const visible = (detail.participants || []).map((p) => p.id || p.participant);
    assert.deepEqual(visible, [granted]);
    for (const other of points.filter((p) => p !== granted)) {
      assert.equal(await apiStatus(m.page,
        `/api/communities/${encodeURIComponent(communities[0])}/participants/${encodeURIComponent(other)}/invoices`), 403);
    }
    await shot(m.page, 'member-dashboard');
    assert.equal(await m.page.locator('[data-testid=nav-accounts]').count(), 0, 'no Accounts link for members');
    await m.page.goto(`${server.url}#/accounts`);
    await m.page.waitForSelector('[data-testid=accounts-forbidden]', { timeout: 15_000 });
    assert.match(await m.page.textContent('[data-testid=accounts-forbidden]'), /not allowed/i);
    assert.equal(await apiStatus(m.page, '/api/users'), 403);
    await shot(m.page, 'member-not-allowed');
    await m.page.goto(`${server.url}#/me`);
    await m.page.waitForSelector('.member .page-title', { timeout: 15_000 });

    // 3. The admin resets the member's password; the member's open session ends.
    const a2 = await open('admin-again', artefacts, problems);
    opened.push(a2.browser);
    current = a2.page;
    await login(a2.page, admin);
    await openAccounts(a2.page);
    await a2.page.locator(`[data-testid=account-row][data-email="${member.email}"] [data-testid=account-edit-open]`).click();
    await a2.page.waitForSelector('[data-testid=account-edit]');
    await a2.page.fill('[data-testid=edit-password]', renewed);
    await a2.page.click('[data-testid=edit-password-save]');
    await a2.page.waitForSelector('[data-testid=account-password-message] .msg.ok', { timeout: 15_000 });
    await shot(a2.page, 'password-reset');

    current = m.page;
    // The member's next API call (opening another page of the app) answers 401: to the login page.
    await m.page.goto(`${server.url}#/me?sp=${encodeURIComponent(granted)}&date=2025-06-01`);
    await m.page.waitForSelector('[data-testid=login-email]', { timeout: 15_000 });
    assert.match(m.page.url(), /#\/login/);
    await shot(m.page, 'member-session-ended');
    // The old password no longer works; the new one does.
    await m.page.fill('[data-testid=login-email]', member.email);
    await m.page.fill('[data-testid=login-password]', member.password);
    await m.page.click('[data-testid=login-submit]');
    await m.page.locator('.login-message[role=alert]').waitFor({ timeout: 10_000 });
    await login(m.page, { email: member.email, password: renewed });
    await m.page.waitForSelector('.member .page-title', { timeout: 15_000 });
    assert.deepEqual(problems, [], 'no script errors or CSP violations');
  } catch (e) {
    if (current) await current.screenshot({ path: path.join(artefacts, 'accounts-failure.png'), fullPage: true }).catch(() => {});
    throw e;
  } finally {
    for (const b of opened) await b.close().catch(() => {});
  }
}
