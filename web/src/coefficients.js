// Validation of a new coefficient version typed in the editor: every value a decimal number of
// at most 6 decimals, none negative, and the sum exactly 1 (checked in integer millionths, so
// 0.1 + 0.2 + 0.7 is exactly 1). Returns codes that the page translates.

export const SCALE = 1_000_000;

// "0.125" -> 125000 millionths; null when not a valid decimal with at most 6 decimals.
export function parseMillionths(text) {
  const s = String(text ?? '').trim().replace(',', '.');
  const m = /^(-?)(\d*)(?:\.(\d{0,}))?$/.exec(s);
  if (!m || (m[2] === '' && (m[3] === undefined || m[3] === ''))) return null;
  const frac = m[3] || '';
  if (frac.length > 6) return null;
  const units = Number(m[2] || '0');
  const value = units * SCALE + Number(frac.padEnd(6, '0'));
  return m[1] === '-' ? -value : value;
}

// values: {participant: "0.25", ...}. Result: {ok, sum (millionths), errors: [{participant,
// code}], total: {code}|null}. Codes: "invalid", "negative", "sum".
export function validateCoefficients(values) {
  const errors = [];
  let sum = 0;
  let allParsed = true;
  for (const [participant, text] of Object.entries(values)) {
    const v = parseMillionths(text);
    if (v === null) {
      errors.push({ participant, code: 'invalid' });
      allParsed = false;
      continue;
    }
    if (v < 0) errors.push({ participant, code: 'negative' });
    sum += v;
  }
  const total = allParsed && sum !== SCALE ? { code: 'sum' } : null;
  return { ok: errors.length === 0 && total === null, sum, errors, total };
}

// 125000 -> "0.125000"
export function formatMillionths(v) {
  const sign = v < 0 ? '-' : '';
  const a = Math.abs(v);
  return `${sign}${Math.floor(a / SCALE)}.${String(a % SCALE).padStart(6, '0')}`;
}
