// uPlot charts: energy bars (self-consumed and grid stacked up to the consumption, surplus below
// zero, consumption and imputed as lines), money bars with cumulative lines. Charts follow their
// container's width (ResizeObserver) and carry CSV (client-side) and XLSX (server) downloads.
// Units: x in unix seconds; energy values in Wh shown as kWh; money in euros.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

import { h } from './dom.js';
import { lang, t } from './i18n/index.js';
import { formatEuro, formatWhAsKwh } from './format.js';
import { exportButtons } from './ui.js';

// Okabe-Ito palette: distinguishable with the common colour-vision deficiencies.
export const COLOURS = {
  self: '#009E73',
  grid: '#56B4E9',
  surplus: '#E69F00',
  consumption: '#000000',
  imputed: '#D55E00',
  savings: '#009E73',
  cumulative: '#0072B2',
  expected: '#CC79A7',
  co2: '#999999',
};

function barPaths(size = 0.7) {
  return uPlot.paths.bars ? uPlot.paths.bars({ size: [size, 60] }) : undefined;
}

function safeTzDate(ts, zone) {
  try {
    return uPlot.tzDate(new Date(ts * 1000), zone);
  } catch {
    return new Date(ts * 1000);
  }
}

function mountChart(container, opts, data) {
  const width = Math.max(280, container.clientWidth || 600);
  const plot = new uPlot({ ...opts, width, height: opts.height || 280 }, data, container);
  const observer = new ResizeObserver(() => {
    const w = Math.max(280, container.clientWidth || 600);
    if (Math.abs(w - plot.width) > 2) plot.setSize({ width: w, height: opts.height || 280 });
  });
  observer.observe(container);
  plot.__observer = observer;
  return plot;
}

export function destroyChart(plot) {
  if (!plot) return;
  if (plot.__observer) plot.__observer.disconnect();
  plot.destroy();
}

function dateFormatter(resolution, timeZone) {
  const locale = { es: 'es-ES', pt: 'pt-PT', en: 'en-GB' }[lang()];
  const opts =
    resolution === 'month'
      ? { month: 'short', year: 'numeric' }
      : resolution === 'day'
        ? { day: 'numeric', month: 'short' }
        : { hour: '2-digit', minute: '2-digit', hour12: false };
  // Intervals in the community's zone; day and month labels (noon UTC) in UTC.
  const zone = resolution === 'interval' ? timeZone : 'UTC';
  let f;
  try {
    f = new Intl.DateTimeFormat(locale, zone ? { ...opts, timeZone: zone } : opts);
  } catch {
    f = new Intl.DateTimeFormat(locale, opts);
  }
  return (ts) => f.format(new Date(ts * 1000));
}

// series: {times: [unix s], consumption_wh, imputed_wh, self_consumed_wh, surplus_wh, grid_wh}
export function energyChart(series, { resolution, title, exportUrl, name, timeZone }) {
  const n = series.times.length;
  const val = (k, i) => (series[k] && series[k][i] !== null && series[k][i] !== undefined
    ? series[k][i] : null);
  const selfC = [];
  const stackTop = [];
  const surplusNeg = [];
  for (let i = 0; i < n; i++) {
    const sc = val('self_consumed_wh', i);
    const g = val('grid_wh', i);
    const sp = val('surplus_wh', i);
    selfC.push(sc);
    stackTop.push(sc === null && g === null ? null : (sc || 0) + (g || 0));
    surplusNeg.push(sp === null ? null : -sp);
  }
  const raw = [null, series.grid_wh, series.self_consumed_wh, series.surplus_wh,
    series.consumption_wh, series.imputed_wh];
  const fmtValue = (si) => (u, v, sidx, idx) => {
    if (idx === null || idx === undefined) return '–';
    const arr = raw[si];
    return formatWhAsKwh(lang(), arr ? arr[idx] : null, 2);
  };
  const bars = resolution !== 'interval';
  const fmtX = dateFormatter(resolution, timeZone);
  const zone = resolution === 'interval' ? timeZone : 'UTC';
  const opts = {
    title,
    height: 300,
    scales: { x: { time: true } },
    // Ticks on the community's hours (intervals) or on UTC days (labels at noon UTC).
    tzDate: zone ? (ts) => safeTzDate(ts, zone) : undefined,
    axes: [
      { values: (u, splits) => splits.map(fmtX) },
      { label: 'kWh', values: (u, splits) => splits.map((v) => (v / 1000).toLocaleString()), size: 60 },
    ],
    series: [
      { label: t('common.date'), value: (u, ts) => (ts === null ? '–' : fmtX(ts)) },
      { label: t('energy.grid'), stroke: COLOURS.grid, fill: COLOURS.grid,
        paths: bars ? barPaths() : undefined, value: fmtValue(1), width: bars ? 0 : 1 },
      { label: t('energy.self_consumed'), stroke: COLOURS.self, fill: COLOURS.self,
        paths: bars ? barPaths() : undefined, value: fmtValue(2), width: bars ? 0 : 1 },
      { label: t('energy.surplus'), stroke: COLOURS.surplus, fill: COLOURS.surplus,
        paths: bars ? barPaths() : undefined, value: fmtValue(3), width: bars ? 0 : 1 },
      { label: t('energy.consumption'), stroke: COLOURS.consumption, width: 2, dash: [6, 3],
        value: fmtValue(4), points: { show: false } },
      { label: t('energy.imputed'), stroke: COLOURS.imputed, width: 2, value: fmtValue(5),
        points: { show: false } },
    ],
  };
  const plotData = [series.times, stackTop, selfC, surplusNeg, series.consumption_wh,
    series.imputed_wh];
  const holder = h('div', { class: 'chart', role: 'img', 'aria-label': title });
  const block = h('div', { class: 'chart-block', 'data-testid': 'energy-chart' });
  const keys = ['consumption_wh', 'imputed_wh', 'self_consumed_wh', 'surplus_wh', 'grid_wh'];
  const data = () => ({
    header: ['time', ...keys],
    rows: series.times.map((ts, i) => [
      series.labels ? series.labels[i] : new Date(ts * 1000).toISOString(),
      ...keys.map((k) => series[k][i])]),
  });
  block.append(exportButtons({ url: exportUrl, data, name: name || 'energy', testid: 'energy' }),
    holder);
  let plot = null;
  // Mount once attached (uPlot measures the container).
  requestAnimationFrame(() => {
    plot = mountChart(holder, opts, plotData);
  });
  block.destroy = () => destroyChart(plot);
  return block;
}

// months: [{label, ts, savings, cumulative, expected_cumulative}] in euros.
export function savingsChart(rows, { title, exportUrl, data, name }) {
  const fmtX = dateFormatter('month');
  const opts = {
    title,
    height: 260,
    scales: { x: { time: true } },
    tzDate: (ts) => safeTzDate(ts, 'UTC'),
    axes: [{ values: (u, splits) => splits.map(fmtX) }, { label: '€', size: 60 }],
    series: [
      { label: t('common.month'), value: (u, ts) => (ts === null ? '–' : fmtX(ts)) },
      { label: t('economics.savings'), stroke: COLOURS.savings, fill: COLOURS.savings,
        paths: barPaths(0.5), width: 0, value: (u, v) => formatEuro(lang(), v) },
      { label: t('economics.cumulative'), stroke: COLOURS.cumulative, width: 2,
        value: (u, v) => formatEuro(lang(), v) },
      { label: t('economics.expected_cumulative'), stroke: COLOURS.expected, width: 2,
        dash: [6, 3], value: (u, v) => formatEuro(lang(), v) },
    ],
  };
  const plotData = [rows.map((r) => r.ts), rows.map((r) => r.savings),
    rows.map((r) => r.cumulative), rows.map((r) => r.expected_cumulative)];
  const holder = h('div', { class: 'chart', role: 'img', 'aria-label': title });
  const block = h('div', { class: 'chart-block', 'data-testid': 'savings-chart' });
  block.append(exportButtons({ url: exportUrl, data, name: name || 'savings', testid: 'savings' }),
    holder);
  let plot = null;
  requestAnimationFrame(() => {
    plot = mountChart(holder, opts, plotData);
  });
  block.destroy = () => destroyChart(plot);
  return block;
}
