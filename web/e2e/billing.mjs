// Browser scenario for the manager's billing tab, registered by run.mjs: preview March 2025 of the
// demo community (draft invoices with amounts, no numbers), finalise the run after the
// confirmation (invoice numbers appear), download one invoice's PDF (%PDF, named after its
// number), refuse a malformed payment amount in the page naming the field, record a
// partial payment (the balance turns "partly paid" with the paid and outstanding amounts), then
// the rest (it turns "paid"); the member of that supply point finds only their invoices on their
// dashboard and downloads the PDF. Screenshots: billing-*.png.
import assert from 'node:assert/strict';

import { helpers } from './helpers.mjs';
import { pickAccount } from './server.mjs';

const MONTH = '2025-03';

// "€1.23" / "1,23 €" -> cents.
function cents(text) {
  const m = /(-?\d[\d.,]*)/.exec(text.replace(/\s/g, ''));
  assert.ok(m, `an amount in "${text}"`);
  const digits = m[1].replace(/[.,](?=\d{3}\b)/g, '').replace(',', '.');
  return Math.round(Number(digits) * 100);
}

export async function billingScenario({ server, artefacts }) {
  const { shot, withPage, login, openCommunityTab, download } = helpers({ server, artefacts });
  const manager = pickAccount(server.accounts, 'manager', 'REPARTO_E2E_MANAGER');
  let issued = []; // the finalised run's invoices, for the member part
  await withPage('billing', async (page) => {
    await login(page, manager);
    const community = await openCommunityTab(page, 'billing');
    await page.waitForSelector('[data-testid=bill-month]', { timeout: 15_000 });
    // The tab opens on the last month with results; wait for that before choosing another.
    await page.waitForSelector('[data-testid=balances], [data-testid=bills]', { timeout: 15_000 });
    await page.fill('[data-testid=bill-month]', MONTH);

    // Preview: a draft run whose invoices have amounts but no numbers yet.
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/billing/preview') && r.request().method() === 'POST',
        { timeout: 30_000 }),
      page.click('[data-testid=bill-preview]'),
    ]);
    assert.ok(response.ok(), `the preview succeeded (${response.status()})`);
    const run = await response.json();
    assert.equal(run.month, MONTH);
    assert.equal(run.state, 'draft');
    const preview = page.locator('[data-testid=preview] tbody tr');
    await preview.first().waitFor({ timeout: 15_000 });
    const drafts = await preview.count();
    assert.equal(drafts, run.invoices.length, 'one row per draft invoice');
    assert.ok(drafts >= 2, `the demo bills its members (${drafts} invoices)`);
    // Every row shows its total in euros; the first matches the API's amount.
    const firstTotal = await preview.first().locator('td').last().textContent();
    assert.equal(cents(firstTotal), Math.round(Number(run.invoices[0].total) * 100));
    assert.ok(run.invoices.every((i) => !i.number), 'drafts have no number');
    const message = await page.textContent('[data-testid=bill-result] .msg.ok');
    assert.match(message, new RegExp(`${drafts} invoices`));
    await shot(page, 'billing-preview');

    // Finalise after the confirmation: numbers appear.
    page.once('dialog', (d) => d.accept());
    const [finalised] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/billing/runs/${run.id}/finalise`), { timeout: 30_000 }),
      page.click(`[data-testid=run-finalise][data-run="${run.id}"]`),
    ]);
    issued = (await finalised.json()).invoices;
    const done = page.locator('[data-testid=bill-result] .msg.ok', { hasText: 'finalised' });
    await done.waitFor({ timeout: 30_000 });
    const numbers = /([A-Z0-9]+-\d{4}-\d{6}) to ([A-Z0-9]+-\d{4}-\d{6})/.exec(await done.textContent());
    assert.ok(numbers, `the message names the invoice numbers: ${await done.textContent()}`);
    const first = numbers[1];
    const pdfLink = `[data-testid=invoice-pdf][data-invoice="${first}"]`;
    await page.waitForSelector(pdfLink, { timeout: 15_000 });
    const runRow = page.locator('[data-testid=runs] tbody tr', { hasText: 'Final' })
      .filter({ has: page.locator(`td:text-is("${run.id}")`) });
    await runRow.waitFor({ timeout: 15_000 });
    assert.equal(await runRow.locator('[data-testid=run-finalise]').count(), 0, 'no finalise button');
    await shot(page, 'billing-finalised');

    // The invoice PDF.
    const pdf = await download(page, pdfLink, `billing-${first}.pdf`);
    assert.equal(pdf.name, `${first}.pdf`);
    assert.equal(pdf.bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.ok(pdf.bytes.length > 1000, 'a real PDF');

    // Balances: the new invoice is unpaid.
    const row = page.locator('[data-testid=balances] tbody tr').filter({
      has: page.locator(`td:text-is("${first}")`) });
    await row.waitFor({ timeout: 15_000 });
    const cell = (i) => row.locator('td').nth(i);
    // Columns: invoice, member, due, total, credited, paid, outstanding, status, action.
    const total = cents(await cell(3).textContent());
    assert.ok(total > 100, `the invoice is more than 1 € (${total} cents)`);
    assert.equal(await row.locator('[data-status]').getAttribute('data-status'), 'unpaid');

    // A malformed amount: refused in the page naming the field, nothing sent, nothing changes.
    const posts = [];
    page.on('request', (r) => { if (r.method() === 'POST' && r.url().endsWith('/payments')) posts.push(r.url()); });
    await row.locator('[data-testid=balance-pay]').click();
    assert.equal(await page.inputValue('[data-testid=pay-invoice]'), first);
    assert.equal(Math.round(Number(await page.inputValue('[data-testid=pay-amount]')) * 100), total);
    await page.fill('[data-testid=pay-amount]', '12,3x');
    await page.click('[data-testid=pay-submit]');
    const refused = page.locator('[data-testid=pay-result] .msg.error');
    await refused.waitFor({ timeout: 15_000 });
    assert.match(await refused.textContent(), /^Amount \(€\): “12,3x” is not an amount in euros/);
    assert.equal(await page.getAttribute('[data-testid=pay-amount]', 'aria-invalid'), 'true');
    assert.deepEqual(posts, [], 'nothing sent');
    await shot(page, 'billing-payment-refused');
    // The server checks too: an unknown invoice is refused with its message.
    const unknown = await page.evaluate(async (c) => {
      const me = await (await fetch('/api/me')).json();
      const r = await fetch(`/api/communities/${encodeURIComponent(c)}/payments`, {
        method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf_token },
        body: JSON.stringify({ invoice: 'NOPE-2025-000001', amount: '1.00', date: '2026-01-01' }) });
      return { status: r.status, body: await r.json() };
    }, community);
    assert.ok(unknown.status === 404 || unknown.status === 422, `refused (${unknown.status})`);
    assert.ok(unknown.body.error.message, 'with a message');
    assert.equal(await row.locator('[data-status]').getAttribute('data-status'), 'unpaid');

    // A partial payment of 1 € (typed with a decimal comma).
    await page.fill('[data-testid=pay-amount]', '1,00');
    await page.click('[data-testid=pay-submit]');
    await page.locator('[data-testid=pay-result] .msg.ok').waitFor({ timeout: 15_000 });
    await page.waitForFunction((n) => {
      const b = document.querySelector(`[data-testid=balance-pay][data-invoice="${n}"]`);
      return b && b.closest('tr').querySelector('[data-status]')?.dataset.status === 'partly_paid';
    }, first, { timeout: 15_000 });
    assert.equal(cents(await cell(5).textContent()), 100, 'paid 1 €');
    assert.equal(cents(await cell(6).textContent()), total - 100, 'the rest outstanding');
    await shot(page, 'billing-partly-paid');

    // The rest: the button fills the outstanding amount; the invoice is paid.
    await row.locator('[data-testid=balance-pay]').click();
    assert.equal(Math.round(Number(await page.inputValue('[data-testid=pay-amount]')) * 100), total - 100);
    await page.click('[data-testid=pay-submit]');
    await page.waitForFunction((n) => {
      const rows = [...document.querySelectorAll('[data-testid=balances] tbody tr')];
      const r = rows.find((tr) => tr.querySelector('td')?.textContent === n);
      return r && r.querySelector('[data-status]')?.dataset.status === 'paid';
    }, first, { timeout: 15_000 });
    const paidRow = page.locator('[data-testid=balances] tbody tr').filter({
      has: page.locator(`td:text-is("${first}")`) });
    assert.equal(cents(await paidRow.locator('td').nth(6).textContent()), 0, 'nothing outstanding');
    assert.equal(await paidRow.locator('[data-testid=balance-pay]').count(), 0, 'no pay button');
    await shot(page, 'billing-paid');
  });

  // The member whose supply point got an invoice finds it on their dashboard and downloads it.
  const member = pickAccount(server.accounts, 'member', 'REPARTO_E2E_MEMBER');
  await withPage('billing-member', async (page) => {
    await login(page, member);
    const me = await page.evaluate(async () => (await fetch('/api/me')).json());
    const mine = issued.find((i) => i.participant === me.grants[0].participant);
    assert.ok(mine && mine.number, `an invoice for ${me.grants[0].participant}`);
    const link = `[data-testid=invoice-pdf][data-invoice="${mine.number}"]`;
    await page.waitForSelector(link, { timeout: 20_000 });
    // Only their own invoices are listed.
    const numbers = await page.$$eval('[data-testid=invoice-pdf]', (as) => as.map((a) => a.dataset.invoice));
    const theirs = new Set(issued.filter((i) => i.participant === mine.participant).map((i) => i.number));
    assert.ok(numbers.every((n) => theirs.has(n)), `only their invoices: ${numbers}`);
    const pdf = await download(page, link, `billing-member-${mine.number}.pdf`);
    assert.equal(pdf.name, `${mine.number}.pdf`);
    assert.equal(pdf.bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    await shot(page, 'billing-member-invoices');
  });
}
