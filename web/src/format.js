// Number, energy, money and date formatting with Intl, per interface language.
// Units: energy arrives in Wh (series) or kWh (tables); money as decimal strings in euros;
// percentages as numbers 0..100. Locales: es -> es-ES, pt -> pt-PT, en -> en-GB.

export const LOCALES = { es: 'es-ES', pt: 'pt-PT', en: 'en-GB' };

export function localeOf(lang) {
  return LOCALES[lang] || LOCALES.en;
}

const cache = new Map();
function nf(lang, opts) {
  const key = lang + JSON.stringify(opts);
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(localeOf(lang), opts);
    cache.set(key, f);
  }
  return f;
}

function toNumber(v) {
  if (v === null || v === undefined || v === '') return null;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : null;
}

// A plain number with `digits` decimals (fixed), "–" when missing.
export function formatNumber(lang, value, digits = 0) {
  const n = toNumber(value);
  if (n === null) return '–';
  return nf(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
}

// kWh with `digits` decimals, e.g. "1.234,5 kWh" in Spanish.
export function formatKwh(lang, kwh, digits = 1) {
  const n = toNumber(kwh);
  if (n === null) return '–';
  return `${formatNumber(lang, n, digits)} kWh`;
}

// Wh as kWh.
export function formatWhAsKwh(lang, wh, digits = 1) {
  const n = toNumber(wh);
  return n === null ? '–' : formatKwh(lang, n / 1000, digits);
}

// Power in W, shown as W below 1 kW and as kW above.
export function formatPower(lang, watts) {
  const n = toNumber(watts);
  if (n === null) return '–';
  if (Math.abs(n) < 1000) return `${formatNumber(lang, n, 0)} W`;
  return `${formatNumber(lang, n / 1000, 2)} kW`;
}

// Euros from a decimal string or number: "12,34 €" (es/pt) or "€12.34" (en).
export function formatEuro(lang, value) {
  const n = toNumber(value);
  if (n === null) return '–';
  return nf(lang, { style: 'currency', currency: 'EUR' }).format(n);
}

// A percentage given as 0..100: "80,2 %".
export function formatPercent(lang, value, digits = 1) {
  const n = toNumber(value);
  if (n === null) return '–';
  return nf(lang, {
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(n / 100);
}

// Mass in kg (CO2).
export function formatKg(lang, kg, digits = 1) {
  const n = toNumber(kg);
  return n === null ? '–' : `${formatNumber(lang, n, digits)} kg`;
}

// Parses a local day "YYYY-MM-DD" into a Date at UTC noon (stable for display in any zone).
export function parseDay(day) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day || '');
  if (!m) return null;
  return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], 12));
}

export function formatDay(lang, day) {
  const d = typeof day === 'string' ? parseDay(day) : day;
  if (!d || Number.isNaN(d.getTime())) return day || '–';
  return new Intl.DateTimeFormat(localeOf(lang), {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(d);
}

// "YYYY-MM" -> "June 2025" / "junio de 2025".
export function formatMonth(lang, month) {
  const m = /^(\d{4})-(\d{2})/.exec(month || '');
  if (!m) return month || '–';
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, 15));
  return new Intl.DateTimeFormat(localeOf(lang), {
    year: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(d);
}

// Clock time hh:mm:ss of an instant (ISO string or Date) in the browser's zone.
export function formatClock(lang, instant) {
  const d = instant instanceof Date ? instant : new Date(instant);
  if (Number.isNaN(d.getTime())) return '–';
  return new Intl.DateTimeFormat(localeOf(lang), {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  }).format(d);
}

// Local day helpers on "YYYY-MM-DD" strings (calendar arithmetic in UTC, no zone surprises).
export function addDays(day, n) {
  const d = parseDay(day);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

// An invoice period as the API gives it, [from, to) with `to` the day after the last, shown with
// its last day: ("2025-03-01", "2025-04-01") -> "1 Mar 2025 – 31 Mar 2025".
export function formatPeriod(lang, from, toExclusive) {
  const last = toExclusive && parseDay(toExclusive) ? addDays(toExclusive, -1) : null;
  const days = [from, last].filter(Boolean).map((d) => formatDay(lang, d));
  return days.length ? days.join(' – ') : '–';
}

export function addMonths(day, n) {
  const d = parseDay(day);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1, 12));
  return target.toISOString().slice(0, 10);
}

export function todayLocal(now = new Date()) {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

// The day the charts open on: today, unless the stored results end earlier (the community's
// `last_month` with results): then that month's last day.
export function defaultDay(lastMonth, today) {
  if (!/^\d{4}-\d{2}$/.test(lastMonth || '')) return today;
  const end = addDays(addMonths(`${lastMonth}-01`, 1), -1);
  return end < today ? end : today;
}
