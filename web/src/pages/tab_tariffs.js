// Tariffs tab: each member's supply contract (tariff, zone, energy and power prices, surplus
// compensation) read from the billing file in force, a form changing one member's contract
// (saved as a new version of the billing file: PUT {valid_from, text}), and the file's versions
// with its full text for everything else (fees, taxes, invoicing).
import { communityPath, get, listOf, pick, put } from '../api.js';
import {
  checkContract, contractOf, parseContracts, SURPLUS_KINDS, TARIFFS, withContract, ZONES,
} from '../contracts.js';
import { h, replace } from '../dom.js';
import { formatDay, todayLocal } from '../format.js';
import { lang, t } from '../i18n/index.js';
import { card, errorBox, fill, okBox, table } from '../ui.js';

// The first day of next month: a new contract usually starts there.
function firstOfNextMonth(now = new Date()) {
  const d = new Date(now.getFullYear(), now.getMonth() + 1, 1);
  return todayLocal(d);
}

// The field's name as the form shows it (errors name it the same way).
export function contractFieldLabel(field, period) {
  switch (field) {
    case 'energy': return t('tariffs.energy_period', { n: period ?? '' }).trim();
    case 'power': return t('tariffs.power_period', { n: period ?? '' }).trim();
    case 'surplus_price': return t('tariffs.surplus_price');
    case 'participant': return t('members.supply_point');
    case 'from': return t('coef.valid_from');
    case 'tariff': return t('tariffs.tariff');
    case 'zone': return t('tariffs.zone');
    case 'surplus': return t('tariffs.surplus');
    default: return field;
  }
}

export function problemText(p) {
  const field = contractFieldLabel(p.field, p.period);
  if (p.problem === 'count') return t('tariffs.err_count', { field, count: p.count });
  return t(`tariffs.err_${p.problem}`, { field, value: p.value ?? '' });
}

const joinPrices = (list) => (list && list.length ? list.join(' · ') : '–');

export function renderTariffs(ctx) {
  const c = ctx.community;
  const url = communityPath(c, '/billing-config');
  const out = h('div');
  const result = h('div', { 'aria-live': 'polite', 'data-testid': 'tariff-result' });
  const reload = () => fill(out, async () => {
    const [body, detail] = await Promise.all([get(url), get(communityPath(c)).catch(() => ({}))]);
    const versions = sortVersions(listOf(body, 'versions', 'history'));
    const current = versions[versions.length - 1] || {};
    const currentText = pick(current, 'text') || '';
    let contracts = [];
    let unreadable = null;
    try {
      contracts = parseContracts(currentText);
    } catch (e) {
      unreadable = e;
    }
    const participants = listOf(detail, 'participants');
    const editor = contractForm({ participants, contracts, versions, unreadable, url, result,
      saved: reload });
    return h('div', {},
      unreadable ? errorBox({ message: t('tariffs.err_unreadable', { message: unreadable.message }) })
        : memberTable(c, participants, contracts, editor.edit, current.valid_from),
      editor.node,
      fileEditor(c, url, versions, currentText, result, reload));
  });
  reload();
  // Messages below the forms (the contract form is the last thing before the collapsed file).
  return { node: card(t('tab.tariffs'), out, result) };
}

// Versions by the day they apply from (then by when they were saved).
function sortVersions(list) {
  return [...list].sort((a, b) => String(a.valid_from).localeCompare(String(b.valid_from)) ||
    (Number(a.id) || 0) - (Number(b.id) || 0));
}

// The text a change from `day` starts from: the version in force that day (else the first).
export function versionAt(sorted, day) {
  const before = sorted.filter((v) => String(v.valid_from) <= day);
  return before[before.length - 1] || sorted[0] || {};
}

function memberTable(c, participants, contracts, edit, validFrom) {
  const L = lang();
  const rows = participants.map((p) => {
    const k = contractOf(contracts, p.id);
    return {
      name: p.name || p.id,
      participant: p.id,
      contract: k ? (k.own ? 'own' : 'default') : '',
      from: k ? k.from : '',
      tariff: k ? k.tariff : '',
      zone: k ? k.zone : '',
      energy_eur_per_kwh: k ? (k.energy.length ? k.energy.join(' ') : k.energy_series) : '',
      power_eur_per_kw_day: k ? k.power.join(' ') : '',
      surplus: k ? k.surplus : '',
      surplus_eur_per_kwh: k ? k.surplus_price : '',
    };
  });
  return table({
    caption: validFrom
      ? t('tariffs.per_member_from', { date: formatDay(L, validFrom) }) : t('tariffs.per_member'),
    rows,
    name: `tariffs_${c}`,
    testid: 'member-tariffs',
    columns: [
      { key: 'name', label: t('members.name') },
      { key: 'participant', label: t('members.supply_point') },
      { key: 'contract', label: t('tariffs.contract'), format: (v, r) => (v === 'own'
        ? t('tariffs.own_since', { date: r.from ? formatDay(L, r.from) : '–' })
        : v === 'default' ? t('tariffs.default') : t('tariffs.none')) },
      { key: 'tariff', label: t('tariffs.tariff'), format: (v) => v || '–' },
      { key: 'zone', label: t('tariffs.zone'), format: (v) => (v ? t(`zone.${v}`) : '–') },
      { key: 'energy_eur_per_kwh', label: t('tariffs.energy'), className: 'num',
        format: (v) => joinPrices(v ? v.split(' ') : []) },
      { key: 'power_eur_per_kw_day', label: t('tariffs.power'), className: 'num',
        format: (v) => joinPrices(v ? v.split(' ') : []) },
      { key: 'surplus', label: t('tariffs.surplus'), format: (v, r) => (v
        ? `${t(`surplus.${v}`)}${r.surplus_eur_per_kwh ? ` (${r.surplus_eur_per_kwh} €/kWh)` : ''}`
        : '–') },
      { key: 'action', label: '', format: (v, r) => h('button', { type: 'button', class: 'small',
        'data-testid': 'tariff-edit', 'data-participant': r.participant,
        onclick: () => edit(r.participant) }, t('tariffs.change')) },
    ],
  });
}

function contractForm({ participants, contracts, versions, unreadable, url, result, saved }) {
  const select = (id, options, label) => h('select', { id, 'data-testid': id },
    options.map((o) => h('option', { value: o }, label(o))));
  const member = h('select', { id: 'tariff-member', 'data-testid': 'tariff-member' },
    participants.map((p) => h('option', { value: p.id }, `${p.name || p.id} (${p.id})`)));
  const from = h('input', { type: 'date', id: 'tariff-from', 'data-testid': 'tariff-from',
    required: true, value: firstOfNextMonth() });
  const tariff = select('tariff-tariff', Object.keys(TARIFFS), (o) => o);
  const zone = select('tariff-zone', ZONES, (o) => t(`zone.${o}`));
  const surplus = select('tariff-surplus', SURPLUS_KINDS, (o) => t(`surplus.${o}`));
  const surplusPrice = h('input', { type: 'text', id: 'tariff-surplus-price', inputmode: 'decimal',
    'data-testid': 'tariff-surplus-price', autocomplete: 'off' });
  const energyBox = h('div', { class: 'prices' });
  const powerBox = h('div', { class: 'prices' });
  const problems = h('ul', { class: 'problems', role: 'alert', 'data-testid': 'tariff-problems' });
  let energy = [];
  let power = [];

  // One input per period of the tariff, keeping what was typed when the tariff changes.
  const priceInputs = (box, kind, count, values) => {
    const inputs = [];
    const cells = [];
    for (let i = 0; i < count; i++) {
      const id = `tariff-${kind}-${i + 1}`;
      const input = h('input', { type: 'text', id, 'data-testid': id, inputmode: 'decimal',
        autocomplete: 'off', class: 'price', value: values[i] ?? '' });
      inputs.push(input);
      cells.push(h('label', { for: id }, contractFieldLabel(kind, i + 1)), input);
    }
    replace(box, cells);
    return inputs;
  };
  const periods = () => {
    const p = TARIFFS[tariff.value] || { energy: 0, power: 0 };
    energy = priceInputs(energyBox, 'energy', p.energy, energy.map((x) => x.value));
    power = priceInputs(powerBox, 'power', p.power, power.map((x) => x.value));
  };
  const syncSurplus = () => {
    surplusPrice.disabled = surplus.value !== 'fixed';
  };
  tariff.addEventListener('change', periods);
  surplus.addEventListener('change', syncSurplus);

  // Fills the form with the contract that bills the member now (its own or the default).
  const load = (id) => {
    member.value = id;
    const k = contractOf(contracts, id);
    tariff.value = k && TARIFFS[k.tariff] ? k.tariff : '2.0TD';
    zone.value = k && ZONES.includes(k.zone) ? k.zone : 'peninsula';
    surplus.value = k && SURPLUS_KINDS.includes(k.surplus) ? k.surplus : 'none';
    surplusPrice.value = k ? k.surplus_price : '';
    energy = [];
    power = [];
    periods();
    energy.forEach((input, i) => { input.value = k?.energy[i] ?? ''; });
    power.forEach((input, i) => { input.value = k?.power[i] ?? ''; });
    syncSurplus();
    replace(problems);
  };
  member.addEventListener('change', () => load(member.value));

  const value = () => ({
    participant: member.value,
    from: from.value,
    tariff: tariff.value,
    zone: zone.value,
    energy: energy.map((x) => x.value),
    power: power.map((x) => x.value),
    surplus: surplus.value,
    surplus_price: surplus.value === 'fixed' ? surplusPrice.value : '',
  });
  const inputOf = (p) => ({ energy: energy[(p.period || 1) - 1], power: power[(p.period || 1) - 1],
    surplus_price: surplusPrice, from, participant: member, tariff, zone, surplus })[p.field];

  const submit = h('button', { type: 'submit', class: 'primary', 'data-testid': 'tariff-submit' },
    t('tariffs.save_member'));
  const form = h('form', {
    class: 'editor', 'data-testid': 'tariff-form', novalidate: true,
    onsubmit: async (e) => {
      e.preventDefault();
      replace(result);
      replace(problems);
      for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
      const contract = value();
      const found = checkContract(contract);
      if (found.length) {
        replace(problems, found.map((p) => h('li', {}, problemText(p))));
        for (const p of found) inputOf(p)?.setAttribute('aria-invalid', 'true');
        inputOf(found[0])?.focus();
        return;
      }
      // The change applies to the file in force from that day; later versions stay as they are.
      const base = versionAt(versions, contract.from);
      const later = versions.filter((v) => String(v.valid_from) > contract.from);
      let text;
      try {
        text = withContract(pick(base, 'text') || '', contract);
      } catch (err) {
        replace(problems, h('li', {}, err.code === 'shared' ? t('tariffs.err_shared')
          : t('tariffs.err_unreadable', { message: err.message })));
        return;
      }
      submit.disabled = true;
      try {
        await put(url, { valid_from: contract.from, text });
        const name = member.selectedOptions[0]?.textContent || contract.participant;
        replace(result, okBox(t('tariffs.member_saved', { member: name,
          date: formatDay(lang(), contract.from) })), later.length ? h('div', { class: 'msg warn',
          role: 'status' }, t('tariffs.later_versions', { dates: later.map((v) =>
          formatDay(lang(), v.valid_from)).join(', ') })) : null);
        saved();
      } catch (err) {
        replace(result, errorBox(err));
      } finally {
        submit.disabled = false;
      }
    },
  },
  h('h3', {}, t('tariffs.change_title')),
  h('div', { class: 'fields' },
    h('label', { for: 'tariff-member' }, t('members.supply_point')), member,
    h('label', { for: 'tariff-from' }, t('coef.valid_from')), from,
    h('label', { for: 'tariff-tariff' }, t('tariffs.tariff')), tariff,
    h('label', { for: 'tariff-zone' }, t('tariffs.zone')), zone),
  h('fieldset', { class: 'fields-group' }, h('legend', {}, t('tariffs.energy')), energyBox),
  h('fieldset', { class: 'fields-group' }, h('legend', {}, t('tariffs.power')), powerBox),
  h('div', { class: 'fields' },
    h('label', { for: 'tariff-surplus' }, t('tariffs.surplus')), surplus,
    h('label', { for: 'tariff-surplus-price' }, t('tariffs.surplus_price')), surplusPrice),
  h('p', { class: 'muted' }, t('tariffs.member_hint')),
  problems,
  h('div', { class: 'actions' }, submit));

  if (participants.length) load(participants[0].id);
  if (unreadable) submit.disabled = true;
  return {
    node: form,
    edit: (id) => {
      load(id);
      form.scrollIntoView({ block: 'start' });
      energy[0]?.focus();
    },
  };
}

// The versions of the whole file and its text, for what the member form does not cover.
function fileEditor(c, url, versions, currentText, result, reload) {
  const text = h('textarea', { id: 'tariff-text', rows: 18, spellcheck: 'false', class: 'code',
    'data-testid': 'tariff-text' });
  text.value = currentText;
  const validFrom = h('input', { type: 'date', id: 'tariff-valid-from', required: true,
    value: todayLocal() });
  const L = lang();
  return h('details', { class: 'file-editor' },
    h('summary', {}, t('tariffs.file')),
    table({
      caption: t('tariffs.versions'),
      rows: versions,
      name: `billing_config_versions_${c}`,
      testid: 'tariff-versions',
      columns: [
        { key: 'valid_from', label: t('coef.valid_from'), format: (v) => formatDay(L, v) },
        { key: 'saved_at', label: t('coef.created'), format: (v) => v || '–' },
        { key: 'text', label: '', format: (v) => (v ? h('button', { type: 'button', class: 'small',
          onclick: () => { text.value = v; text.focus(); } }, t('tariffs.load')) : '–') },
      ],
    }),
    h('form', {
      class: 'editor',
      onsubmit: async (e) => {
        e.preventDefault();
        replace(result);
        try {
          await put(url, { valid_from: validFrom.value, text: text.value });
          replace(result, okBox(t('tariffs.saved')));
          reload();
        } catch (err) {
          replace(result, errorBox(err));
        }
      },
    },
    h('h3', {}, t('tariffs.new_version')),
    h('p', { class: 'muted' }, t('tariffs.hint')),
    h('div', { class: 'fields' }, h('label', { for: 'tariff-valid-from' }, t('coef.valid_from')), validFrom),
    h('label', { for: 'tariff-text', class: 'visually-hidden' }, t('tariffs.text')),
    text,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('tariffs.save')))));
}
