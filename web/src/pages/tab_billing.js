// Billing tab: per-member bills of a month, billing runs (preview a month, finalise a draft after
// a confirmation), invoices, payments (record one) and balances.
import { communityPath, enc, get, listOf, pick, post, withQuery } from '../api.js';
import { h, replace } from '../dom.js';
import { formatDay, formatEuro, formatMonth } from '../format.js';
import { lang, t } from '../i18n/index.js';
import { autoColumns, card, errorBox, fill, okBox, table } from '../ui.js';

function lastMonth() {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() - 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

export function renderBilling(ctx) {
  const c = ctx.community;
  const month = h('input', { type: 'month', id: 'bill-month', value: lastMonth() });
  const bills = h('div');
  const runs = h('div');
  const invoices = h('div');
  const balances = h('div');
  const previewResult = h('div', { 'aria-live': 'polite' });

  const loadBills = () => fill(bills, async () => {
    const url = withQuery(communityPath(c, '/bills'), { month: month.value });
    const rows = listOf(await get(url), 'bills', 'members');
    return table({ caption: t('billing.bills'), rows, url, name: `bills_${c}_${month.value}`,
      columns: autoColumns(rows) });
  });
  const loadRuns = () => fill(runs, async () => {
    const url = communityPath(c, '/billing/runs');
    const rows = listOf(await get(url), 'runs');
    const L = lang();
    return table({
      caption: t('billing.runs'), rows, name: `billing_runs_${c}`, testid: 'runs',
      columns: [
        { key: 'id', label: t('billing.run') },
        { key: 'month', label: t('common.month'), format: (v) => (v ? formatMonth(L, v) : '–') },
        { key: 'state', label: t('invoices.status'), format: (v) => (v ? t(`billing.state_${v}`) : '–') },
        { key: 'created_at', label: t('coef.created'), format: (v) => v || '–' },
        { key: 'finalised_at', label: t('billing.finalised_at'), format: (v) => v || '–' },
        { key: 'total', label: t('invoices.total'), className: 'num', format: (v) => formatEuro(L, v) },
        { key: 'action', label: '', format: (v, r) => (r.state === 'final'
          ? t('billing.final')
          : h('button', { type: 'button', class: 'small', onclick: () => finalise(r) }, t('billing.finalise'))) },
      ],
    });
  });
  const finalise = async (run) => {
    // eslint-disable-next-line no-alert
    if (!window.confirm(t('billing.confirm_finalise', { run: run.id, month: run.month || '' }))) return;
    try {
      await post(communityPath(c, `/billing/runs/${enc(run.id)}/finalise`), {});
      replace(previewResult, okBox(t('billing.finalised')));
      loadRuns();
      loadInvoices();
    } catch (e) {
      replace(previewResult, errorBox(e));
    }
  };
  const loadInvoices = () => fill(invoices, async () => {
    const url = communityPath(c, '/invoices');
    const rows = listOf(await get(url), 'invoices');
    const L = lang();
    return table({
      caption: t('invoices.title'), rows, url, name: `invoices_${c}`,
      columns: [
        { key: 'number', label: t('invoices.number'), format: (v) => v || t('invoices.draft') },
        { key: 'member_name', label: t('members.name'), format: (v, r) => v || r.participant || '–' },
        { key: 'participant', label: t('members.supply_point'), format: (v) => v || '–' },
        { key: 'period_from', label: t('invoices.period'), format: (v, r) =>
          [v, r.period_to].filter(Boolean).map((d) => formatDay(L, d)).join(' – ') || '–' },
        { key: 'issue_date', label: t('invoices.date'), format: (v) => (v ? formatDay(L, v) : '–') },
        { key: 'total', label: t('invoices.total'), className: 'num', format: (v) => formatEuro(L, v) },
        { key: 'kind', label: t('invoices.kind'), format: (v) => (v ? t(`invoices.kind_${v}`) : '–') },
        { key: 'lines', label: 'PDF', format: (v, r) => (!r.number ? '–' : h('a', {
          href: withQuery(communityPath(c, `/invoices/${enc(r.number)}/pdf`), { lang: L }), download: '' },
        t('invoices.pdf'))) },
      ],
    });
  });
  const loadBalances = () => fill(balances, async () => {
    const url = communityPath(c, '/payments/balances');
    const rows = listOf(await get(url), 'balances');
    return table({ caption: t('billing.balances'), rows, url, name: `balances_${c}`,
      columns: autoColumns(rows) });
  });

  const payInvoice = h('input', { type: 'text', id: 'pay-invoice', required: true });
  const payAmount = h('input', { type: 'text', id: 'pay-amount', inputmode: 'decimal', required: true });
  const payDate = h('input', { type: 'date', id: 'pay-date', required: true,
    value: new Date().toISOString().slice(0, 10) });
  const payResult = h('div', { 'aria-live': 'polite' });
  const paymentForm = h('form', {
    class: 'editor inline',
    onsubmit: async (e) => {
      e.preventDefault();
      replace(payResult);
      try {
        await post(communityPath(c, '/payments'), {
          invoice: payInvoice.value.trim(), amount: payAmount.value.trim().replace(',', '.'),
          date: payDate.value,
        });
        replace(payResult, okBox(t('billing.payment_saved')));
        loadBalances();
      } catch (err) {
        replace(payResult, errorBox(err));
      }
    },
  },
  h('h3', {}, t('billing.record_payment')),
  h('div', { class: 'fields' },
    h('label', { for: 'pay-invoice' }, t('invoices.number')), payInvoice,
    h('label', { for: 'pay-amount' }, t('billing.amount')), payAmount,
    h('label', { for: 'pay-date' }, t('common.date')), payDate),
  h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('billing.save_payment'))),
  payResult);

  const preview = async () => {
    replace(previewResult);
    try {
      const body = await post(communityPath(c, '/billing/preview'), { month: month.value });
      const rows = listOf(body, 'invoices').map((i) => (typeof i === 'object' ? i : { invoice: i }));
      replace(previewResult, okBox(t('billing.previewed', { run: pick(body, 'id', 'run') ?? '' })),
        rows.length ? table({ caption: t('billing.preview'), rows, name: `preview_${c}_${month.value}`,
          columns: autoColumns(rows) }) : null);
      loadRuns();
    } catch (e) {
      replace(previewResult, errorBox(e));
    }
  };

  month.addEventListener('change', loadBills);
  // Open on the last month with results (the demo's data may end before today).
  get(communityPath(c))
    .then((d) => { if (/^\d{4}-\d{2}$/.test(d.last_month || '')) month.value = d.last_month; })
    .catch(() => {})
    .finally(loadBills);
  loadRuns();
  loadInvoices();
  loadBalances();
  return {
    node: card(
      t('tab.billing'),
      h('div', { class: 'toolbar' },
        h('label', { for: 'bill-month' }, t('common.month')), month,
        h('button', { type: 'button', class: 'primary', onclick: preview }, t('billing.preview_button'))),
      previewResult,
      bills,
      runs,
      invoices,
      h('div', { class: 'two-col' }, balances, paymentForm),
    ),
  };
}
