// Browser scenario for the manager's tariffs tab, registered by run.mjs: the table shows each
// member's contract (the demo's community default); "Change" fills the form with it; a
// malformed energy price is refused before anything is sent, with a message naming the field
// and its period; correct prices are saved as a new version of the billing file and, after a
// reload, the member's row shows its own contract with them. Screenshots: tariffs-*.png.
import assert from 'node:assert/strict';

import { helpers } from './helpers.mjs';
import { pickAccount } from './server.mjs';

const FROM = '2027-01-01';

export async function tariffsScenario({ server, artefacts }) {
  const { shot, withPage, login, openCommunityTab } = helpers({ server, artefacts });
  const manager = pickAccount(server.accounts, 'manager', 'REPARTO_E2E_MANAGER');
  await withPage('tariffs', async (page) => {
    await login(page, manager);
    await openCommunityTab(page, 'tariffs');
    const edit = page.locator('[data-testid=member-tariffs] [data-testid=tariff-edit]');
    await edit.first().waitFor({ timeout: 15_000 });
    assert.ok(await edit.count() >= 2, 'one row per member');
    // The third member, to stay clear of the first rows other scenarios look at.
    const button = edit.nth(2);
    const id = await button.getAttribute('data-participant');
    const row = () => page.locator('[data-testid=member-tariffs] tbody tr').filter({
      has: page.locator(`[data-participant="${id}"]`) });
    assert.match(await row().textContent(), /community default/);
    assert.match(await row().textContent(), /2\.0TD/);

    // "Change" fills the form with the contract in force (the demo's default prices).
    await button.click();
    assert.equal(await page.inputValue('[data-testid=tariff-member]'), id);
    assert.equal(await page.inputValue('[data-testid=tariff-tariff]'), '2.0TD');
    assert.equal(await page.inputValue('[data-testid=tariff-energy-1]'), '0.199');
    assert.equal(await page.locator('[data-testid^=tariff-energy-]').count(), 3, '2.0TD: 3 energy periods');
    assert.equal(await page.locator('[data-testid^=tariff-power-]').count(), 2, '2.0TD: 2 power periods');

    // A malformed price: refused in the page, naming the field and period; nothing is sent.
    const puts = [];
    page.on('request', (r) => { if (r.method() === 'PUT' && r.url().includes('/billing-config')) puts.push(r.url()); });
    await page.fill('[data-testid=tariff-from]', FROM);
    await page.fill('[data-testid=tariff-energy-1]', '0.1812');
    await page.fill('[data-testid=tariff-energy-2]', '0.12.34');
    await page.fill('[data-testid=tariff-energy-3]', '0,0876');
    await page.click('[data-testid=tariff-submit]');
    const problems = page.locator('[data-testid=tariff-problems] li');
    await problems.first().waitFor({ timeout: 5_000 });
    const text = await problems.first().textContent();
    assert.match(text, /Energy price P2 \(€\/kWh\)/, `names the field: ${text}`);
    assert.match(text, /0\.12\.34/, 'quotes the value');
    assert.equal(await page.getAttribute('[data-testid=tariff-energy-2]', 'aria-invalid'), 'true');
    assert.deepEqual(puts, [], 'nothing sent');
    await shot(page, 'tariffs-refused');

    // Correct prices: saved as a new version of the billing file.
    await page.fill('[data-testid=tariff-energy-2]', '0.1234');
    await page.selectOption('[data-testid=tariff-surplus]', 'fixed');
    await page.fill('[data-testid=tariff-surplus-price]', '0,05');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/billing-config') && r.request().method() === 'PUT',
        { timeout: 15_000 }),
      page.click('[data-testid=tariff-submit]'),
    ]);
    assert.ok(response.ok(), `saved (${response.status()}: ${await response.text()})`);
    await page.locator('[data-testid=tariff-result] .msg.ok').waitFor({ timeout: 15_000 });
    assert.equal(await problems.count(), 0);

    // Persisted: after a reload the member has its own contract with these prices.
    await page.reload();
    await row().waitFor({ timeout: 15_000 });
    const after = await row().textContent();
    assert.match(after, /own, since 1 Jan 2027/, after);
    assert.match(after, /0\.1812 · 0\.1234 · 0\.0876/);
    assert.match(after, /0\.05 €\/kWh/);
    // The others keep the default.
    const other = await edit.nth(3).getAttribute('data-participant');
    const otherRow = page.locator('[data-testid=member-tariffs] tbody tr').filter({
      has: page.locator(`[data-participant="${other}"]`) });
    assert.match(await otherRow.textContent(), /community default/);
    // The new version is listed with its date.
    await page.click('.file-editor summary');
    assert.match(await page.textContent('[data-testid=tariff-versions]'), /1 Jan 2027/);
    await shot(page, 'tariffs-saved');
  });
}
