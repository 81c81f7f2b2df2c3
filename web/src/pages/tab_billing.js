// Billing tab: per-member bills of a month, billing runs (preview a month: its draft invoices
// with amounts; finalise a draft after a confirmation: invoices get numbers), invoices with their
// PDFs, balances with a status per invoice, and recording a payment (from a balance row or typed).
import { communityPath, enc, get, listOf, pick, post, withQuery } from '../api.js';
import { h, replace } from '../dom.js';
import { formatDay, formatEuro, formatMonth, formatPeriod, todayLocal } from '../format.js';
import { lang, t } from '../i18n/index.js';
import { autoColumns, card, errorBox, fill, okBox, table } from '../ui.js';

function lastMonth() {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() - 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

// An invoice's payment status from its balance row (amounts in euros, strings or numbers):
// paid (nothing outstanding), credited (cancelled by credit notes), partly paid, overdue (due
// date passed), or unpaid.
export function balanceStatus(row, today = todayLocal()) {
  const cents = (v) => Math.round(Number(v || 0) * 100);
  if (cents(row.outstanding) <= 0) {
    // Credit notes count negative (`credited` -2.32 cancels a 2.32 invoice).
    return cents(row.paid) === 0 && cents(row.credited) !== 0 ? 'credited' : 'paid';
  }
  if (cents(row.paid) > 0) return 'partly_paid';
  if (row.due_date && row.due_date < today) return 'overdue';
  return 'unpaid';
}

// A payment amount as typed: euros with at most 2 decimals, a decimal comma accepted, negative
// for a refund. Returns the API's form ("12.34") or null.
export function parseAmount(text) {
  const v = String(text ?? '').trim().replace(/\s+/g, '').replace(',', '.');
  return /^-?\d+(\.\d{1,2})?$/.test(v) && !/^-?0+(\.0+)?$/.test(v) ? v : null;
}

export function renderBilling(ctx) {
  const c = ctx.community;
  const month = h('input', { type: 'month', id: 'bill-month', value: lastMonth(),
    'data-testid': 'bill-month' });
  // The month the page opens on comes from the server a moment later; a month typed meanwhile wins.
  let monthTouched = false;
  month.addEventListener('input', () => { monthTouched = true; });
  let names = {};
  const bills = h('div');
  const runs = h('div');
  const invoices = h('div');
  const balances = h('div');
  const previewResult = h('div', { 'aria-live': 'polite', 'data-testid': 'bill-result' });
  const memberName = (id, given) => given || names[id] || id || '–';

  const loadBills = () => fill(bills, async () => {
    const url = withQuery(communityPath(c, '/bills'), { month: month.value });
    const rows = listOf(await get(url), 'bills', 'members');
    return table({ caption: t('billing.bills'), rows, url, name: `bills_${c}_${month.value}`,
      columns: autoColumns(rows), testid: 'bills' });
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
          : h('button', { type: 'button', class: 'small', 'data-testid': 'run-finalise',
            'data-run': r.id, onclick: () => finalise(r) }, t('billing.finalise'))) },
      ],
    });
  });
  const finalise = async (run) => {
    // eslint-disable-next-line no-alert
    if (!window.confirm(t('billing.confirm_finalise', { run: run.id, month: run.month || '' }))) return;
    try {
      const body = await post(communityPath(c, `/billing/runs/${enc(run.id)}/finalise`), {});
      const numbers = listOf(body, 'invoices').map((i) => i.number).filter(Boolean);
      replace(previewResult, okBox(numbers.length
        ? t('billing.finalised_numbers', { count: numbers.length, first: numbers[0],
          last: numbers[numbers.length - 1] })
        : t('billing.finalised')));
      loadRuns();
      loadInvoices();
      loadBalances();
    } catch (e) {
      replace(previewResult, errorBox(e));
    }
  };
  const loadInvoices = () => fill(invoices, async () => {
    const url = communityPath(c, '/invoices');
    const rows = listOf(await get(url), 'invoices');
    const L = lang();
    return table({
      caption: t('invoices.title'), rows, url, name: `invoices_${c}`, testid: 'invoices',
      columns: [
        { key: 'number', label: t('invoices.number'), format: (v) => v || t('invoices.draft') },
        { key: 'member_name', label: t('members.name'), format: (v, r) => memberName(r.participant, v) },
        { key: 'participant', label: t('members.supply_point'), format: (v) => v || '–' },
        { key: 'period_from', label: t('invoices.period'), format: (v, r) =>
          formatPeriod(L, v, r.period_to) },
        { key: 'issue_date', label: t('invoices.date'), format: (v) => (v ? formatDay(L, v) : '–') },
        { key: 'total', label: t('invoices.total'), className: 'num', format: (v) => formatEuro(L, v) },
        { key: 'kind', label: t('invoices.kind'), format: (v) => (v ? t(`invoices.kind_${v}`) : '–') },
        { key: 'lines', label: 'PDF', format: (v, r) => (!r.number ? '–' : h('a', {
          href: withQuery(communityPath(c, `/invoices/${enc(r.number)}/pdf`), { lang: L }), download: '',
          'data-testid': 'invoice-pdf', 'data-invoice': r.number },
        t('invoices.pdf'))) },
      ],
    });
  });
  const loadBalances = () => fill(balances, async () => {
    const url = communityPath(c, '/payments/balances');
    const rows = listOf(await get(url), 'balances').map((r) => ({ ...r, status: balanceStatus(r) }));
    const L = lang();
    const euro = (v) => formatEuro(L, v);
    return table({
      caption: t('billing.balances'), rows, url, name: `balances_${c}`, testid: 'balances',
      columns: [
        { key: 'invoice', label: t('invoices.number') },
        { key: 'participant', label: t('members.name'), format: (v) => memberName(v) },
        { key: 'due_date', label: t('field.due_date'), format: (v) => (v ? formatDay(L, v) : '–') },
        { key: 'total', label: t('invoices.total'), className: 'num', format: euro },
        { key: 'credited', label: t('field.credited'), className: 'num', format: euro },
        { key: 'paid', label: t('field.paid'), className: 'num', format: euro },
        { key: 'outstanding', label: t('field.outstanding'), className: 'num', format: euro },
        { key: 'status', label: t('invoices.status'), format: (v) =>
          h('span', { class: `status status-${v}`, 'data-status': v }, t(`billing.status_${v}`)) },
        { key: 'action', label: '', format: (v, r) => (r.status === 'paid' || r.status === 'credited'
          ? '' : h('button', { type: 'button', class: 'small', 'data-testid': 'balance-pay',
            'data-invoice': r.invoice, onclick: () => payFor(r) }, t('billing.pay'))) },
      ],
    });
  });

  const payInvoice = h('input', { type: 'text', id: 'pay-invoice', required: true,
    'data-testid': 'pay-invoice', autocomplete: 'off' });
  const payAmount = h('input', { type: 'text', id: 'pay-amount', inputmode: 'decimal', required: true,
    'data-testid': 'pay-amount', autocomplete: 'off' });
  const payDate = h('input', { type: 'date', id: 'pay-date', required: true, value: todayLocal(),
    'data-testid': 'pay-date' });
  const payResult = h('div', { 'aria-live': 'polite', 'data-testid': 'pay-result' });
  const payFor = (row) => {
    payInvoice.value = row.invoice;
    payAmount.value = Number(row.outstanding).toFixed(2);
    replace(payResult);
    paymentForm.scrollIntoView({ block: 'nearest' });
    payAmount.focus();
  };
  const paymentForm = h('form', {
    class: 'editor inline',
    'data-testid': 'payment-form',
    onsubmit: async (e) => {
      e.preventDefault();
      replace(payResult);
      for (const el of [payInvoice, payAmount]) el.removeAttribute('aria-invalid');
      const amount = parseAmount(payAmount.value);
      const problems = [];
      if (!payInvoice.value.trim()) {
        problems.push([payInvoice, t('billing.err_required', { field: t('invoices.number') })]);
      }
      if (amount === null) {
        problems.push([payAmount, t('billing.err_amount', { field: t('billing.amount'),
          value: payAmount.value.trim() })]);
      }
      if (problems.length) {
        for (const [el] of problems) el.setAttribute('aria-invalid', 'true');
        replace(payResult, h('div', { class: 'msg error', role: 'alert' },
          problems.map(([, text]) => h('div', {}, text))));
        problems[0][0].focus();
        return;
      }
      try {
        const saved = await post(communityPath(c, '/payments'), {
          invoice: payInvoice.value.trim(), amount, date: payDate.value,
        });
        replace(payResult, okBox(t('billing.payment_saved_of', {
          amount: formatEuro(lang(), pick(saved, 'amount') ?? amount),
          invoice: pick(saved, 'invoice') || payInvoice.value.trim() })));
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
  h('div', { class: 'actions' }, h('button', { type: 'submit', 'data-testid': 'pay-submit' },
    t('billing.save_payment'))),
  payResult);

  const preview = async () => {
    replace(previewResult, h('p', { class: 'muted', 'aria-busy': 'true' }, t('common.loading')));
    try {
      const body = await post(communityPath(c, '/billing/preview'), { month: month.value });
      const rows = listOf(body, 'invoices').filter((i) => i && typeof i === 'object');
      const L = lang();
      const euro = (v) => formatEuro(L, v);
      replace(previewResult,
        okBox(t('billing.previewed_total', { run: pick(body, 'id', 'run') ?? '', count: rows.length,
          total: euro(pick(body, 'total')) })),
        rows.length ? table({
          caption: t('billing.preview_of', { month: formatMonth(L, month.value) }),
          rows, name: `preview_${c}_${month.value}`, testid: 'preview',
          columns: [
            { key: 'member_name', label: t('members.name'), format: (v, r) => memberName(r.participant, v) },
            { key: 'participant', label: t('members.supply_point') },
            { key: 'period_from', label: t('invoices.period'), format: (v, r) =>
              formatPeriod(L, v, r.period_to) },
            { key: 'kind', label: t('invoices.kind'), format: (v) => (v ? t(`invoices.kind_${v}`) : '–') },
            { key: 'net', label: t('field.net'), className: 'num', format: euro },
            { key: 'vat', label: t('field.vat'), className: 'num', format: euro },
            { key: 'total', label: t('invoices.total'), className: 'num', format: euro },
          ],
        }) : null);
      loadRuns();
    } catch (e) {
      replace(previewResult, errorBox(e));
    }
  };

  month.addEventListener('change', loadBills);
  // Open on the last month with results (the demo's data may end before today).
  get(communityPath(c))
    .then((d) => {
      names = Object.fromEntries(listOf(d, 'participants').map((p) => [p.id, p.name || p.id]));
      if (!monthTouched && /^\d{4}-\d{2}$/.test(d.last_month || '')) month.value = d.last_month;
    })
    .catch(() => {})
    .finally(() => {
      loadBills();
      loadInvoices();
      loadBalances();
    });
  loadRuns();
  return {
    node: card(
      t('tab.billing'),
      h('div', { class: 'toolbar' },
        h('label', { for: 'bill-month' }, t('common.month')), month,
        h('button', { type: 'button', class: 'primary', onclick: preview, 'data-testid': 'bill-preview' },
          t('billing.preview_button'))),
      previewResult,
      bills,
      runs,
      invoices,
      paymentForm,
      balances,
    ),
  };
}
