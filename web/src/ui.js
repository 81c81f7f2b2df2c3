// Shared page pieces: error and status messages, loading placeholders, data tables with CSV and
// XLSX download buttons, tabs.
import { download, withQuery } from './api.js';
import { buildCsv, downloadBytes, downloadText } from './csv.js';
import { buildXlsx, XLSX_TYPE } from './xlsx.js';
import { append, clear, h } from './dom.js';
import { lang, t } from './i18n/index.js';
import { formatDay, formatEuro, formatKg, formatKwh } from './format.js';

export function errorBox(error) {
  // 403: the same polite sentence in the page's language, whatever the server's wording.
  const message = error && error.status === 403 ? t('access.forbidden')
    : error && error.message ? error.message : String(error);
  return h('div', { class: 'msg error', role: 'alert' }, message);
}

export function okBox(text) {
  return h('div', { class: 'msg ok', role: 'status' }, text);
}

export function loading() {
  return h('p', { class: 'muted', 'aria-busy': 'true' }, t('common.loading'));
}

// Runs `load` and fills `container` with its result, or with a readable error.
export async function fill(container, load) {
  append(clear(container), loading());
  try {
    const node = await load();
    clear(container);
    if (node) append(container, node);
  } catch (e) {
    clear(container);
    append(container, errorBox(e));
  }
}

// A download button row: CSV and XLSX. With `url` (an endpoint taking ?format=csv|xlsx) the
// server makes both files; otherwise `data()` returns {header, rows} and they are made here.
export function exportButtons({ url, data, name, testid }) {
  const status = h('span', { class: 'export-status', role: 'status' });
  const run = async (fn) => {
    status.textContent = '';
    try {
      await fn();
    } catch (e) {
      status.textContent = e.message;
      status.className = 'export-status error';
    }
  };
  const csvButton = h(
    'button',
    {
      type: 'button',
      class: 'small',
      'data-testid': testid ? `${testid}-csv` : undefined,
      onclick: () =>
        run(async () => {
          if (url) {
            await download(withQuery(url, { format: 'csv' }), `${name}.csv`);
          } else {
            const d = data();
            downloadText(`${name}.csv`, buildCsv(d.header, d.rows));
          }
        }),
    },
    'CSV',
  );
  const xlsxButton = h(
    'button',
    {
      type: 'button',
      class: 'small',
      'data-testid': testid ? `${testid}-xlsx` : undefined,
      onclick: () =>
        run(async () => {
          if (url) {
            await download(withQuery(url, { format: 'xlsx' }), `${name}.xlsx`);
          } else {
            const d = data();
            downloadBytes(`${name}.xlsx`, buildXlsx(d.header, d.rows, name), XLSX_TYPE);
          }
        }),
    },
    'XLSX',
  );
  return h(
    'div',
    { class: 'exports', role: 'group', 'aria-label': t('common.download') },
    csvButton,
    xlsxButton,
    status,
  );
}

// A column's heading: the translated field name, else the API's key.
export function fieldLabel(key) {
  const text = t(`field.${key}`);
  return text === `field.${key}` ? key : text;
}

const MONEY = new Set(['without_community', 'with_community', 'fee', 'savings', 'expected_savings',
  'cumulative_savings', 'cumulative_expected_savings', 'total', 'credited', 'paid', 'outstanding',
  'net', 'vat', 'amount']);
const DATES = new Set(['day', 'date', 'issue_date', 'due_date', 'first_day', 'last_day',
  'period_from', 'period_to']);

// Columns for API rows whose keys are the API's: labels translated, euros, kWh, kg and days
// formatted; nested objects and arrays left out.
export function autoColumns(rows) {
  if (!rows || rows.length === 0) return undefined;
  const L = lang();
  return Object.keys(rows[0])
    .filter((key) => rows[0][key] === null || typeof rows[0][key] !== 'object')
    .map((key) => {
      const col = { key, label: fieldLabel(key) };
      if (MONEY.has(key)) Object.assign(col, { className: 'num', format: (v) => formatEuro(L, v) });
      else if (key.endsWith('_kwh')) Object.assign(col, { className: 'num', format: (v) => formatKwh(L, v, 1) });
      else if (key.endsWith('_kg')) Object.assign(col, { className: 'num', format: (v) => formatKg(L, v) });
      else if (DATES.has(key)) col.format = (v) => (v ? formatDay(L, v) : '–');
      else if (typeof rows[0][key] === 'boolean') col.format = (v) => (v ? '✓' : '–');
      return col;
    });
}

// columns: [{key, label, format?(value, row), className?}]; rows: objects.
export function table({ columns, rows, caption, url, name, testid, empty }) {
  if (!rows || rows.length === 0) {
    return h('div', { class: 'table-block' }, caption ? h('h3', {}, caption) : null,
      h('p', { class: 'muted' }, empty || t('common.empty')));
  }
  const cols = columns || autoColumns(rows);
  const cell = (col, row) => {
    const v = row[col.key];
    if (col.format) return col.format(v, row);
    if (v === null || v === undefined) return '–';
    if (typeof v === 'object') return JSON.stringify(v);
    return String(v);
  };
  // Raw values (not the formatted text) so spreadsheets get numbers.
  const data = () => ({
    header: cols.map((c) => c.key),
    rows: rows.map((r) => cols.map((c) => (typeof r[c.key] === 'object' && r[c.key] !== null
      ? JSON.stringify(r[c.key]) : r[c.key]))),
  });
  return h(
    'div',
    { class: 'table-block', 'data-testid': testid },
    h('div', { class: 'table-head' }, caption ? h('h3', {}, caption) : h('span'),
      exportButtons({ url, data, name: name || 'table', testid })),
    h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        {},
        caption ? h('caption', { class: 'visually-hidden' }, caption) : null,
        h('thead', {}, h('tr', {}, cols.map((c) => h('th', { scope: 'col', class: c.className }, c.label)))),
        h(
          'tbody',
          {},
          rows.map((r) => h('tr', {}, cols.map((c) => h('td', { class: c.className }, cell(c, r))))),
        ),
      ),
    ),
  );
}

// tabs: [{id, label, href}], active id.
export function tabBar(tabs, active) {
  return h(
    'nav',
    { class: 'tabs', 'aria-label': t('common.sections') },
    tabs.map((tab) =>
      h('a', { href: tab.href, class: tab.id === active ? 'tab active' : 'tab',
        'aria-current': tab.id === active ? 'page' : undefined, 'data-testid': `tab-${tab.id}` },
      tab.label),
    ),
  );
}

export function card(title, ...children) {
  return h('section', { class: 'card' }, title ? h('h2', {}, title) : null, ...children);
}
