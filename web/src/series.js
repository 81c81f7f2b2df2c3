// Normalises the API's columnar series (docs/api.md: {"start", "step_seconds", "consumption_wh":
// [...], ...}) into {times: [unix seconds], <quantity>_wh: [...]} for the charts. Monthly series
// have no fixed step: their times advance by calendar months from `start`. Explicit time columns
// (`times`, `days`, `months`) win when the server sends them.

export const QUANTITIES = ['consumption_wh', 'imputed_wh', 'self_consumed_wh', 'surplus_wh', 'grid_wh'];

function toUnix(text) {
  if (typeof text === 'number') return text;
  let s = String(text);
  // Day and month labels sit at noon UTC of their (first) day: the same calendar day in every
  // zone within ±12 h, so the chart never shows a label on the day before.
  if (/^\d{4}-\d{2}$/.test(s)) s += '-01';
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) s += 'T12:00:00Z';
  const ms = Date.parse(s);
  return Number.isNaN(ms) ? null : Math.round(ms / 1000);
}

// Adds `n` calendar months to an ISO instant keeping its wall-clock fields and offset text.
function addMonthsIso(start, n) {
  const m = /^(\d{4})-(\d{2})(.*)$/.exec(start);
  if (!m) return null;
  const total = +m[1] * 12 + (+m[2] - 1) + n;
  const y = Math.floor(total / 12);
  const mo = String((total % 12) + 1).padStart(2, '0');
  let rest = m[3];
  if (!rest) rest = '-01';
  return `${y}-${mo}${rest}`;
}

export function normaliseSeries(body, resolution) {
  const src = body && body.series && !Array.isArray(body.series) ? body.series : body || {};
  const n = Math.max(0, ...QUANTITIES.map((k) => (Array.isArray(src[k]) ? src[k].length : 0)));
  const out = { times: [] };
  for (const k of QUANTITIES) {
    const arr = Array.isArray(src[k]) ? src[k].slice(0, n) : [];
    while (arr.length < n) arr.push(null);
    out[k] = arr;
  }
  const explicit = src.labels || src.times || src.days || src.months;
  if (Array.isArray(explicit) && explicit.length >= n) {
    out.times = explicit.slice(0, n).map(toUnix);
    if (src.labels) out.labels = src.labels.slice(0, n);
    return out;
  }
  const start = src.start || src.from;
  if (!start) {
    for (let i = 0; i < n; i++) out.times.push(i);
    return out;
  }
  if (resolution === 'month') {
    for (let i = 0; i < n; i++) out.times.push(toUnix(addMonthsIso(String(start), i)));
    return out;
  }
  const t0 = toUnix(start);
  const step = Number(src.step_seconds) || (resolution === 'day' ? 86400 : 3600);
  for (let i = 0; i < n; i++) out.times.push(t0 + i * step);
  return out;
}

export function sumOf(arr) {
  let total = 0;
  let any = false;
  for (const v of arr || []) {
    if (v !== null && v !== undefined) {
      total += v;
      any = true;
    }
  }
  return any ? total : null;
}
