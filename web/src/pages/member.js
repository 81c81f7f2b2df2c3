// Member dashboard: per supply point, "right now" from Server-Sent Events, energy charts per day,
// month and year, savings and avoided CO2 against the expected savings, invoices and the best
// hours tomorrow. Managers reach the same page for one supply point of their community.
import { communityPath, enc, get, listOf, pick, withQuery } from '../api.js';
import { energyChart, savingsChart } from '../chart.js';
import { h, replace, s } from '../dom.js';
import {
  addDays, addMonths, defaultDay, formatClock, formatDay, formatEuro, formatKg, formatMonth, formatPercent,
  formatKwh, formatPeriod, formatPower, formatWhAsKwh, todayLocal,
} from '../format.js';
import { lang, t } from '../i18n/index.js';
import { normaliseSeries, sumOf } from '../series.js';
import { session, setCommunityName } from '../session.js';
import { card, errorBox, fill, loading, table } from '../ui.js';
import { openLive } from '../live.js';

export function renderMember(ctx) {
  const grants = ctx.only
    ? [ctx.only]
    : (session.me?.grants || []).filter((g) => g.participant);
  const cleanups = [];
  const node = h('div', { class: 'member' });
  if (grants.length === 0) {
    node.append(card(t('member.title'), h('p', {}, t('member.no_supply_points'))));
    return { node };
  }
  const selected = ctx.query.get('sp');
  const current = grants.find((g) => g.participant === selected) || grants[0];
  if (grants.length > 1) {
    node.append(
      h('nav', { class: 'tabs', 'aria-label': t('member.supply_points') },
        grants.map((g) => h('a', {
          class: g === current ? 'tab active' : 'tab',
          'aria-current': g === current ? 'page' : undefined,
          href: `#/me?sp=${enc(g.participant)}`,
        }, g.participant))),
    );
  }
  const body = h('div', { class: 'grid' }, loading());
  node.append(body);
  (async () => {
    let detail = {};
    try {
      detail = await get(communityPath(current.community));
    } catch (e) {
      replace(body, errorBox(e));
      return;
    }
    setCommunityName(pick(detail, 'name') || current.community);
    const participants = listOf(detail, 'participants');
    const me = participants.find((p) => p.id === current.participant) || { id: current.participant };
    const day = ctx.query.get('date') || defaultDay(pick(detail, 'last_month'), todayLocal());
    const sp = { community: current.community, participant: current.participant, info: me,
      timeZone: pick(detail, 'timezone') };
    const live = liveCard(sp, cleanups);
    replace(
      body,
      h('h1', { class: 'page-title' }, pick(me, 'name', 'display_name') || me.id,
        h('span', { class: 'muted small' }, ` · ${me.id}`)),
      live,
      bestHoursCard(sp),
      energyCard(sp, day, cleanups),
      savingsCard(sp, day.slice(0, 4), cleanups),
      invoicesCard(sp),
    );
  })();
  return {
    node,
    destroy: () => cleanups.forEach((fn) => fn()),
  };
}

function liveCard(sp, cleanups) {
  const value = (id) => h('strong', { class: 'live-value', 'data-testid': `live-${id}` }, '–');
  const consumption = value('consumption');
  const generation = value('generation');
  const imputed = value('imputed');
  const used = value('used');
  const updated = h('span', { 'data-testid': 'live-updated' }, '–');
  const replay = h('span', { class: 'replay', 'data-testid': 'live-replay' });
  const status = h('span', { class: 'dot connecting', 'data-testid': 'live-status',
    'data-state': 'connecting' }, t('live.connecting'));
  const stop = openLive(sp.community, {
    onState: (state) => {
      status.className = `dot ${state}`;
      status.dataset.state = state;
      status.textContent = t(`live.${state}`);
    },
    onEvent: (event) => {
      // {"time", "participants": [{participant, consumption_w, ...}], "community": {...}|null}
      const points = Array.isArray(event.participants) ? event.participants : [event];
      const data = points.find((p) => !p.participant || p.participant === sp.participant);
      if (!data) return;
      data.time = data.time || event.time;
      // Until live meters are connected the server replays stored data: say which instant.
      replay.textContent = event.replay_of
        ? ` · ${t('live.replay', { time: `${formatDay(lang(), event.replay_of.slice(0, 10))} ${event.replay_of.slice(11, 16)}` })}`
        : '';
      consumption.textContent = formatPower(lang(), data.consumption_w);
      generation.textContent = formatPower(lang(), data.generation_w);
      imputed.textContent = formatPower(lang(), data.imputed_w);
      used.textContent = formatPercent(lang(), data.used_percent);
      consumption.dataset.value = data.consumption_w;
      updated.textContent = formatClock(lang(), data.time || new Date());
      updated.dataset.time = data.time || '';
    },
  });
  cleanups.push(stop);
  const item = (label, el, hint) =>
    h('div', { class: 'live-item' }, h('span', { class: 'label' }, label), el,
      hint ? h('span', { class: 'muted small' }, hint) : null);
  return card(
    t('live.title'),
    h('div', { class: 'live-grid', 'aria-live': 'polite' },
      item(t('live.consumption'), consumption),
      item(t('live.generation'), generation),
      item(t('live.imputed'), imputed),
      item(t('live.used'), used, t('live.used_hint'))),
    h('p', { class: 'muted small live-foot' }, status, ' ', t('live.updated'), ' ', updated, replay),
  );
}

const VIEWS = {
  // The API's `to` is included.
  day: { resolution: 'interval', span: (d) => [d, d], step: (d, n) => addDays(d, n) },
  month: {
    resolution: 'day',
    span: (d) => [d.slice(0, 8) + '01', addDays(addMonths(d.slice(0, 8) + '01', 1), -1)],
    step: (d, n) => addMonths(d, n),
  },
  year: {
    resolution: 'month',
    span: (d) => [`${d.slice(0, 4)}-01-01`, `${d.slice(0, 4)}-12-31`],
    step: (d, n) => `${+d.slice(0, 4) + n}${d.slice(4)}`,
  },
};

function energyCard(sp, startDay, cleanups) {
  const state = { view: 'day', day: startDay };
  const out = h('div', { class: 'chart-area' });
  const totals = h('div', { class: 'totals' });
  const label = h('span', { class: 'period', 'data-testid': 'period' });
  let chart = null;
  cleanups.push(() => chart && chart.destroy && chart.destroy());
  const viewButtons = Object.keys(VIEWS).map((v) =>
    h('button', { type: 'button', class: 'seg', 'data-view': v, 'aria-pressed': String(v === state.view),
      onclick: () => { state.view = v; load(); } }, t(`view.${v}`)));
  const dateInput = h('input', { type: 'date', 'aria-label': t('common.date'), value: state.day,
    onchange: (e) => { if (e.target.value) { state.day = e.target.value; load(); } } });
  const nav = h(
    'div',
    { class: 'toolbar' },
    h('div', { class: 'segmented', role: 'group', 'aria-label': t('view.label') }, viewButtons),
    h('button', { type: 'button', 'aria-label': t('common.previous'), 'data-testid': 'prev',
      onclick: () => { state.day = VIEWS[state.view].step(state.day, -1); load(); } }, '‹'),
    label,
    h('button', { type: 'button', 'aria-label': t('common.next'), 'data-testid': 'next',
      onclick: () => { state.day = VIEWS[state.view].step(state.day, 1); load(); } }, '›'),
    dateInput,
  );
  const load = () => {
    for (const b of viewButtons) b.setAttribute('aria-pressed', String(b.dataset.view === state.view));
    dateInput.value = state.day;
    const view = VIEWS[state.view];
    const [from, to] = view.span(state.day);
    label.textContent =
      state.view === 'day' ? formatDay(lang(), from)
        : state.view === 'month' ? formatMonth(lang(), from) : from.slice(0, 4);
    const url = withQuery(
      communityPath(sp.community, `/participants/${enc(sp.participant)}/series`),
      { from, to, resolution: view.resolution });
    if (chart && chart.destroy) chart.destroy();
    chart = null;
    replace(totals);
    fill(out, async () => {
      const series = normaliseSeries(await get(url), view.resolution);
      const names = ['consumption_wh', 'imputed_wh', 'self_consumed_wh', 'surplus_wh', 'grid_wh'];
      replace(totals, names.map((k) => h('div', { class: 'total' },
        h('span', { class: 'label' }, t(`energy.${k.replace('_wh', '')}`)),
        h('strong', { 'data-testid': `total-${k.replace('_wh', '')}` },
          formatWhAsKwh(lang(), sumOf(series[k]), 1)))));
      if (series.times.length === 0) return h('p', { class: 'muted' }, t('common.no_data'));
      chart = energyChart(series, {
        resolution: view.resolution,
        title: t('energy.chart_title'),
        exportUrl: null, // the series endpoint has no ?format: CSV is built here
        timeZone: sp.timeZone,
        name: `${sp.participant}_${from}_${state.view}`,
      });
      return chart;
    });
  };
  load();
  return card(t('energy.title'), nav, totals, out);
}

function monthTs(month) {
  const m = /^(\d{4})-(\d{2})/.exec(month);
  return m ? Date.UTC(+m[1], +m[2] - 1, 1, 12) / 1000 : null;
}

function savingsCard(sp, year, cleanups) {
  const state = { year: +year };
  const out = h('div');
  const label = h('span', { class: 'period' });
  let chart = null;
  cleanups.push(() => chart && chart.destroy && chart.destroy());
  const load = () => {
    label.textContent = String(state.year);
    if (chart && chart.destroy) chart.destroy();
    chart = null;
    const url = withQuery(
      communityPath(sp.community, `/participants/${enc(sp.participant)}/economics`),
      { year: state.year });
    fill(out, async () => {
      const body = await get(url);
      const months = listOf(body, 'months', 'rows');
      let expectedCum = 0;
      const rows = months.map((m) => {
        const month = pick(m, 'month', 'period') || '';
        const expected = pick(m, 'expected_savings', 'expected');
        const expectedCumulative = pick(m, 'cumulative_expected_savings', 'expected_cumulative');
        expectedCum = expectedCumulative !== undefined
          ? Number(expectedCumulative) : expectedCum + Number(expected || 0);
        return {
          month,
          ts: monthTs(month),
          bill_without: pick(m, 'without_community', 'bill_without'),
          bill_with: pick(m, 'with_community', 'bill_with'),
          fee: pick(m, 'fee', 'fee_eur'),
          savings: Number(pick(m, 'savings', 'savings_eur') ?? 0),
          cumulative: Number(pick(m, 'cumulative', 'cumulative_savings', 'savings_cumulative') ?? 0),
          expected,
          expected_cumulative: expectedCum,
          co2: pick(m, 'avoided_co2_kg', 'co2_avoided_kg'),
          error: pick(m, 'error', 'message'),
        };
      });
      if (rows.length === 0) return h('p', { class: 'muted' }, t('common.no_data'));
      // No feasibility study: no expected savings to compare with.
      if (rows.every((r) => r.expected === undefined || r.expected === null)) {
        for (const r of rows) r.expected_cumulative = null;
      }
      const totalCo2 = rows.reduce((a, r) => a + Number(r.co2 || 0), 0);
      const last = rows[rows.length - 1];
      const data = () => ({
        header: ['month', 'bill_without_eur', 'bill_with_eur', 'fee_eur', 'savings_eur',
          'cumulative_eur', 'expected_eur', 'expected_cumulative_eur', 'co2_avoided_kg'],
        rows: rows.map((r) => [r.month, r.bill_without, r.bill_with, r.fee, r.savings, r.cumulative,
          r.expected, r.expected_cumulative, r.co2]),
      });
      chart = savingsChart(rows, {
        title: t('economics.chart_title'),
        exportUrl: null,
        data,
        name: `savings_${sp.participant}_${state.year}`,
      });
      const L = lang();
      const euro = (v) => formatEuro(L, v);
      return h(
        'div',
        {},
        h('div', { class: 'totals' },
          h('div', { class: 'total' }, h('span', { class: 'label' }, t('economics.cumulative')),
            h('strong', { 'data-testid': 'savings-cumulative' }, euro(last.cumulative))),
          h('div', { class: 'total' }, h('span', { class: 'label' }, t('economics.expected_cumulative')),
            h('strong', {}, euro(last.expected_cumulative))),
          h('div', { class: 'total' }, h('span', { class: 'label' }, t('economics.co2')),
            h('strong', {}, formatKg(L, totalCo2)))),
        chart,
        table({
          caption: t('economics.table'),
          rows,
          name: `savings_${sp.participant}_${state.year}`,
          testid: 'savings-table',
          columns: [
            { key: 'month', label: t('common.month'), format: (v) => formatMonth(L, v) },
            { key: 'bill_without', label: t('economics.bill_without'), format: euro, className: 'num' },
            { key: 'bill_with', label: t('economics.bill_with'), format: euro, className: 'num' },
            { key: 'fee', label: t('economics.fee'), format: euro, className: 'num' },
            { key: 'savings', label: t('economics.savings'), format: euro, className: 'num' },
            { key: 'cumulative', label: t('economics.cumulative'), format: euro, className: 'num' },
            { key: 'expected', label: t('economics.expected'), format: euro, className: 'num' },
            { key: 'co2', label: t('economics.co2'), format: (v) => formatKg(L, v), className: 'num' },
          ],
        }),
      );
    });
  };
  load();
  return card(
    t('economics.title'),
    h('div', { class: 'toolbar' },
      h('button', { type: 'button', 'aria-label': t('common.previous'),
        onclick: () => { state.year -= 1; load(); } }, '‹'),
      label,
      h('button', { type: 'button', 'aria-label': t('common.next'),
        onclick: () => { state.year += 1; load(); } }, '›')),
    out,
  );
}

function invoicesCard(sp) {
  const out = h('div');
  const url = communityPath(sp.community, `/participants/${enc(sp.participant)}/invoices`);
  fill(out, async () => {
    const rows = listOf(await get(url), 'invoices');
    const L = lang();
    return table({
      rows,
      name: `invoices_${sp.participant}`,
      testid: 'invoices',
      empty: t('invoices.none'),
      columns: [
        { key: 'number', label: t('invoices.number'), format: (v) => v || t('invoices.draft') },
        { key: 'issue_date', label: t('invoices.date'), format: (v) => (v ? formatDay(L, v) : '–') },
        { key: 'period', label: t('invoices.period'),
          format: (v, r) => formatPeriod(L, r.period_from, r.period_to) },
        { key: 'total', label: t('invoices.total'), className: 'num', format: (v) => formatEuro(L, v) },
        { key: 'kind', label: t('invoices.kind'), format: (v) => (v ? t(`invoices.kind_${v}`) : '–') },
        { key: 'number', label: 'PDF', format: (v) => (!v ? '–' : h('a', {
          href: withQuery(communityPath(sp.community, `/invoices/${enc(v)}/pdf`), { lang: L }),
          download: '', 'data-testid': 'invoice-pdf', 'data-invoice': v }, t('invoices.pdf'))) },
      ],
    });
  });
  return card(t('invoices.title'), out);
}

function hourOf(v) {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    const m = /(?:T|^)(\d{1,2}):/.exec(v);
    return m ? +m[1] : null;
  }
  if (v && typeof v === 'object') return hourOf(pick(v, 'hour', 'start', 'from', 'time'));
  return null;
}

// The typical generation per hour (expected kWh) as 24 small bars, the best hours highlighted.
function hourBars(rows, best) {
  const values = new Array(24).fill(0);
  for (const r of rows) {
    const hr = hourOf(r);
    const v = Number(pick(r, 'expected_kwh', 'kwh', 'value'));
    if (hr !== null && hr >= 0 && hr < 24 && Number.isFinite(v)) values[hr] = v;
  }
  const max = Math.max(...values);
  if (!(max > 0)) return null;
  const W = 240;
  const H = 60;
  const bw = W / 24;
  return s('svg', { viewBox: `0 0 ${W} ${H + 12}`, class: 'hour-bars', role: 'img',
    'aria-label': t('best.title') },
  values.map((v, i) => {
    const bh = (v / max) * H;
    return s('rect', { x: (i * bw + 1).toFixed(1), y: (H - bh).toFixed(1), width: (bw - 2).toFixed(1),
      height: bh.toFixed(1), class: best.has(i) ? 'bar best' : 'bar' },
    s('title', {}, `${String(i).padStart(2, '0')}:00 · ${formatKwh(lang(), v, 2)}`));
  }),
  [0, 6, 12, 18].map((i) => s('text', { x: i * bw, y: H + 11 }, String(i).padStart(2, '0'))));
}

function bestHoursCard(sp) {
  const out = h('div');
  const tomorrow = addDays(todayLocal(), 1);
  fill(out, async () => {
    const body = await get(withQuery(
      communityPath(sp.community, `/participants/${enc(sp.participant)}/best-hours`),
      { date: tomorrow }));
    const raw = listOf(body, 'best', 'best_hours');
    const hours = raw.map(hourOf).filter((x) => x !== null).sort((a, b) => a - b);
    if (hours.length === 0) return h('p', { class: 'muted' }, t('best.none'));
    // Group consecutive hours into ranges: 11, 12, 13 -> 11:00–14:00.
    const ranges = [];
    for (const hr of hours) {
      const last = ranges[ranges.length - 1];
      if (last && last[1] === hr) last[1] = hr + 1;
      else ranges.push([hr, hr + 1]);
    }
    const hh = (x) => `${String(x % 24).padStart(2, '0')}:00`;
    return h('div', {},
      h('p', { class: 'best', 'data-testid': 'best-hours' },
        t('best.text', { date: formatDay(lang(), pick(body, 'date') || tomorrow) }), ' ',
        h('strong', {}, ranges.map(([a, b]) => `${hh(a)}–${hh(b)}`).join(', '))),
      hourBars(listOf(body, 'hours'), new Set(hours)));
  });
  return card(t('best.title'), out);
}
