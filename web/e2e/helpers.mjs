// Shared steps of the browser scenarios (billing.mjs, tariffs.mjs, member.mjs; accounts.mjs uses
// login and logout): a page in a fresh browser context that fails on script errors or CSP
// violations (and leaves <name>-failure.png), logging in, opening a community tab, screenshots,
// and downloads saved into the artefacts folder.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import { launch } from './browser.mjs';

export function helpers({ server, artefacts }) {
  const shot = (page, name) =>
    page.screenshot({ path: path.join(artefacts, `${name}.png`), fullPage: true });

  // fn(page, context) in a new context; `locale` is the browser's language.
  async function withPage(name, fn, { locale } = {}) {
    const browser = await launch({ locale });
    const page = await browser.context.newPage();
    const problems = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) {
        problems.push(m.text());
      }
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    try {
      await fn(page, browser.context);
      assert.deepEqual(problems, [], 'no script errors or CSP violations');
    } catch (e) {
      await shot(page, `${name}-failure`).catch(() => {});
      throw e;
    } finally {
      await browser.close();
    }
  }

  async function login(page, account) {
    await page.goto(server.url);
    await page.waitForSelector('[data-testid=login-email]', { timeout: 15_000 });
    await page.fill('[data-testid=login-email]', account.email);
    await page.fill('[data-testid=login-password]', account.password);
    await page.click('[data-testid=login-submit]');
    await page.waitForSelector('[data-testid=user-menu]', { timeout: 15_000 });
  }

  async function logout(page) {
    await page.click('[data-testid=user-menu]');
    await page.click('[data-testid=logout]');
    await page.waitForSelector('[data-testid=login-email]', { timeout: 15_000 });
  }

  // The first community of the manager's list (its id, from the link).
  async function firstCommunity(page) {
    await page.goto(`${server.url}#/communities`);
    const link = page.locator('[data-testid=community-link]').first();
    await link.waitFor({ timeout: 15_000 });
    const href = await link.getAttribute('href');
    return decodeURIComponent(href.replace(/^#\/communities\//, ''));
  }

  async function openCommunityTab(page, tab) {
    const community = await firstCommunity(page);
    await page.goto(`${server.url}#/communities/${encodeURIComponent(community)}/${tab}`);
    return community;
  }

  // Clicks `selector`, waits for the download and saves it as artefacts/<saveAs or its name>.
  // Returns {name, bytes}.
  async function download(page, selector, saveAs) {
    const [file] = await Promise.all([
      page.waitForEvent('download', { timeout: 15_000 }),
      page.click(selector),
    ]);
    const name = file.suggestedFilename();
    const saved = path.join(artefacts, saveAs || name);
    await file.saveAs(saved);
    return { name, bytes: fs.readFileSync(saved) };
  }

  return { shot, withPage, login, logout, firstCommunity, openCommunityTab, download };
}

// The account of `role` to use, the n-th one when the server printed several (0 = the first).
export function nthAccount(accounts, role, n, fallback) {
  const all = accounts.filter((a) => a.role === role && a.password);
  return all[n] || all[0] || fallback;
}
