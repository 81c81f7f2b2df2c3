// Coefficients tab: the version history, the table in force, an editor for a new version with
// live validation (each value >= 0, at most 6 decimals, sum exactly 1), and the download of the
// Spanish distributor file ({CAU}_{year}.txt).
import { communityPath, download, get, listOf, pick, post, withQuery } from '../api.js';
import { formatMillionths, parseMillionths, validateCoefficients } from '../coefficients.js';
import { h, replace } from '../dom.js';
import { formatDay, formatNumber, todayLocal } from '../format.js';
import { lang, t } from '../i18n/index.js';
import { card, errorBox, fill, okBox, table } from '../ui.js';

// {id: "0.1"} or [{participant, coefficient}] -> {id: "0.1"}
export function coefficientMap(x) {
  if (!x) return {};
  if (Array.isArray(x)) {
    const out = {};
    for (const r of x) out[pick(r, 'participant', 'id')] = String(pick(r, 'coefficient', 'value') ?? '');
    return out;
  }
  if (typeof x === 'object' && x.coefficients) return coefficientMap(x.coefficients);
  return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, String(v)]));
}

export function renderCoefficients(ctx) {
  const c = ctx.community;
  const url = communityPath(c, '/coefficients');
  const out = h('div');
  const reload = () => fill(out, async () => {
    const [body, detail] = await Promise.all([get(url), get(communityPath(c)).catch(() => ({}))]);
    const versions = listOf(body, 'versions', 'history');
    const inForce = body.in_force_now || versions.find((v) => v.in_force) || {};
    const current = coefficientMap(inForce.coefficients || inForce);
    const participants = listOf(detail, 'participants');
    const names = Object.fromEntries(participants.map((p) => [p.id, p.name || p.id]));
    const ids = participants.length
      ? participants.filter((p) => p.role !== 'producer' && !p.left).map((p) => p.id)
      : Object.keys(current);
    // Producers receive no coefficient (the server refuses them, even at 0).
    const producers = new Set(participants.filter((p) => p.role === 'producer').map((p) => p.id));
    for (const id of Object.keys(current)) if (!ids.includes(id) && !producers.has(id)) ids.push(id);
    const L = lang();
    return h('div', { class: 'coefficients' },
      h('div', { class: 'two-col' },
        table({
          caption: t('coef.history'),
          rows: versions,
          name: `coefficient_versions_${c}`,
          testid: 'coef-history',
          columns: [
            { key: 'version', label: t('coef.version') },
            { key: 'valid_from', label: t('coef.valid_from'), format: (v) => (v ? formatDay(L, v) : '–') },
            { key: 'method', label: t('coef.method') },
            { key: 'in_force', label: t('coef.state'),
              format: (v, r) => (r.replaced_by ? t('coef.replaced') : v ? t('coef.active') : t('coef.future')) },
            { key: 'note', label: t('coef.note'), format: (v) => v || '–' },
            { key: 'created_at', label: t('coef.created'), format: (v) => v || '–' },
          ],
        }),
        table({
          caption: t('coef.in_force', { date: pick(inForce, 'valid_from') ? formatDay(L, inForce.valid_from) : '–' }),
          rows: Object.entries(current).map(([id, v]) => ({ id, name: names[id] || id, coefficient: v })),
          name: `coefficients_${c}`,
          testid: 'coef-current',
          columns: [
            { key: 'name', label: t('members.name') },
            { key: 'id', label: t('members.supply_point') },
            { key: 'coefficient', label: t('coef.coefficient'), className: 'num',
              format: (v) => formatNumber(L, v, 6) },
          ],
        })),
      editor(c, ids, names, current, reload),
      distributorFile(c));
  });
  reload();
  return { node: card(t('tab.coefficients'), out) };
}

function editor(c, ids, names, current, reload) {
  const inputs = {};
  const sumEl = h('strong', { 'data-testid': 'coef-sum' });
  const problems = h('ul', { class: 'problems', 'aria-live': 'polite', 'data-testid': 'coef-problems' });
  const result = h('div', { 'aria-live': 'polite' });
  const validFrom = h('input', { type: 'date', id: 'coef-valid-from', required: true,
    value: todayLocal(), 'data-testid': 'coef-valid-from' });
  const note = h('input', { type: 'text', id: 'coef-note', maxlength: 200, 'data-testid': 'coef-note' });
  const accept = h('input', { type: 'checkbox', id: 'coef-accept', 'data-testid': 'coef-accept' });
  const submit = h('button', { type: 'submit', class: 'primary', 'data-testid': 'coef-submit' },
    t('coef.save'));
  const check = () => {
    const values = Object.fromEntries(ids.map((id) => [id, inputs[id].value]));
    const v = validateCoefficients(values);
    sumEl.textContent = formatMillionths(v.sum);
    sumEl.className = v.total ? 'bad' : 'good';
    const items = [];
    for (const id of ids) {
      const e = v.errors.find((x) => x.participant === id);
      inputs[id].setAttribute('aria-invalid', e ? 'true' : 'false');
      if (e) items.push(h('li', {}, t(`coef.err_${e.code}`, { participant: names[id] || id })));
    }
    if (v.total) items.push(h('li', {}, t('coef.err_sum', { sum: formatMillionths(v.sum) })));
    replace(problems, items);
    submit.disabled = !v.ok;
    return v;
  };
  const equal = () => {
    // Equal shares in millionths; the remainder goes to the first ones so the sum is exactly 1.
    const n = ids.length;
    if (!n) return;
    const base = Math.floor(1_000_000 / n);
    let rest = 1_000_000 - base * n;
    for (const id of ids) {
      inputs[id].value = formatMillionths(base + (rest > 0 ? 1 : 0));
      rest -= 1;
    }
    check();
  };
  const rows = ids.map((id) => {
    inputs[id] = h('input', {
      type: 'text', inputmode: 'decimal', id: `coef-${id}`, value: current[id] ?? '0',
      'data-testid': 'coef-input', 'data-participant': id, oninput: check, size: 10,
    });
    return h('tr', {}, h('th', { scope: 'row' }, h('label', { for: `coef-${id}` }, names[id] || id),
      h('span', { class: 'muted small' }, ` ${id}`)), h('td', { class: 'num' }, inputs[id]));
  });
  const form = h(
    'form',
    {
      class: 'editor',
      'data-testid': 'coef-editor',
      onsubmit: async (e) => {
        e.preventDefault();
        const v = check();
        if (!v.ok) return;
        submit.disabled = true;
        replace(result);
        try {
          const coefficients = Object.fromEntries(
            ids.map((id) => [id, formatMillionths(parseMillionths(inputs[id].value))]));
          await post(communityPath(c, '/coefficients'),
            { valid_from: validFrom.value, note: note.value || undefined, coefficients,
              accept_warnings: accept.checked });
          replace(result, okBox(t('coef.saved')));
          setTimeout(reload, 1200);
        } catch (err) {
          replace(result, errorBox(err));
        } finally {
          submit.disabled = false;
        }
      },
    },
    h('h3', {}, t('coef.new_version')),
    h('div', { class: 'fields' },
      h('label', { for: 'coef-valid-from' }, t('coef.valid_from')), validFrom,
      h('label', { for: 'coef-note' }, t('coef.note')), note,
      h('span'), h('label', { class: 'check' }, accept, ' ', t('coef.accept_warnings'))),
    h('div', { class: 'table-scroll' }, h('table', {}, h('tbody', {}, rows),
      h('tfoot', {}, h('tr', {}, h('th', { scope: 'row' }, t('coef.sum')), h('td', { class: 'num' }, sumEl))))),
    problems,
    h('div', { class: 'actions' },
      h('button', { type: 'button', onclick: equal, 'data-testid': 'coef-equal' }, t('coef.equal')),
      submit),
    result,
  );
  check();
  return form;
}

function distributorFile(c) {
  const year = h('input', { type: 'number', id: 'coef-year', min: 2000, max: 2100,
    value: new Date().getFullYear(), 'data-testid': 'coef-year' });
  const status = h('div', { 'aria-live': 'polite', 'data-testid': 'coef-download-status' });
  return h('div', { class: 'download-file' },
    h('h3', {}, t('coef.distributor_file')),
    h('p', { class: 'muted' }, t('coef.distributor_hint')),
    h('label', { for: 'coef-year' }, t('common.year')), ' ', year, ' ',
    h('button', {
      type: 'button', 'data-testid': 'coef-download',
      onclick: async () => {
        replace(status);
        try {
          const name = await download(
            withQuery(communityPath(c, '/coefficients/distributor-file'), { year: year.value }),
            `${c}_${year.value}.txt`);
          replace(status, okBox(t('common.downloaded', { name })));
        } catch (e) {
          replace(status, errorBox(e));
        }
      },
    }, t('coef.download')),
    status);
}
