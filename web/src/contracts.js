// Members' supply contracts in the billing file (TOML, docs/billing-file.md): read the
// [[contracts]] tables out of the file's text, check a contract typed in the tariffs form, and
// write a new text where one member has that contract of its own. Prices are decimal strings in
// euros (€/kWh for energy and surplus, €/kW and day for power), at most 6 decimals.
//
// Only the part of TOML the billing file uses for contracts is read: `key = value` lines with
// strings, dates, numbers, booleans, arrays and inline tables. Everything else of the file is
// kept byte for byte; the server parses and validates the whole file again when it is saved.

// Energy and power periods per tariff (docs/tariffs.md).
export const TARIFFS = {
  '2.0TD': { energy: 3, power: 2 },
  '3.0TD': { energy: 6, power: 6 },
  '6.1TD': { energy: 6, power: 6 },
  'pt-simple': { energy: 1, power: 1 },
  'pt-daily': { energy: 3, power: 1 },
  'pt-weekly': { energy: 3, power: 1 },
};
export const ZONES = ['peninsula', 'balearics', 'canary', 'ceuta', 'melilla', 'portugal'];
// `indexed` needs a price series: edited in the text of the file, not in the form.
export const SURPLUS_KINDS = ['none', 'fixed', 'sold'];

// Keys the form writes; any other key of the member's previous contract (charges, power_kw, ...)
// is carried over as it was written.
const FORM_KEYS = new Set(['participant', 'participants', 'from', 'to', 'tariff', 'zone',
  'power_eur_per_kw_day', 'energy_eur_per_kwh', 'energy_series', 'energy_adder_eur_per_kwh',
  'surplus', 'surplus_eur_per_kwh', 'surplus_series']);

// ---- reading ---------------------------------------------------------------------------------

// Parses one TOML value starting at s[i]; returns [value, next index]. Throws on what it cannot
// read (the caller then treats the contract as unreadable, never guesses).
function parseValue(s, i) {
  const skip = (j) => {
    while (j < s.length && /[ \t\r\n]/.test(s[j])) j++;
    if (s[j] === '#') {
      while (j < s.length && s[j] !== '\n') j++;
      return skip(j);
    }
    return j;
  };
  i = skip(i);
  const c = s[i];
  if (c === '"') {
    let out = '';
    for (let j = i + 1; j < s.length; j++) {
      if (s[j] === '\\') {
        const e = s[++j];
        out += { n: '\n', t: '\t', '"': '"', '\\': '\\' }[e] ?? e;
      } else if (s[j] === '"') {
        return [out, j + 1];
      } else {
        out += s[j];
      }
    }
    throw new Error('unterminated string');
  }
  if (c === "'") {
    const end = s.indexOf("'", i + 1);
    if (end < 0) throw new Error('unterminated string');
    return [s.slice(i + 1, end), end + 1];
  }
  if (c === '[') {
    const out = [];
    let j = skip(i + 1);
    while (s[j] !== ']') {
      const [v, k] = parseValue(s, j);
      out.push(v);
      j = skip(k);
      if (s[j] === ',') j = skip(j + 1);
      else if (s[j] !== ']') throw new Error('bad array');
    }
    return [out, j + 1];
  }
  if (c === '{') {
    const out = {};
    let j = skip(i + 1);
    while (s[j] !== '}') {
      const m = /^([A-Za-z0-9_-]+)\s*=/.exec(s.slice(j));
      if (!m) throw new Error('bad inline table');
      const [v, k] = parseValue(s, j + m[0].length);
      out[m[1]] = v;
      j = skip(k);
      if (s[j] === ',') j = skip(j + 1);
      else if (s[j] !== '}') throw new Error('bad inline table');
    }
    return [out, j + 1];
  }
  const m = /^[^\s,\]}#]+/.exec(s.slice(i));
  if (!m) throw new Error('missing value');
  const word = m[0];
  if (word === 'true' || word === 'false') return [word === 'true', i + word.length];
  // Dates stay strings ("2025-01-01"); numbers stay as written too (prices are compared as text).
  return [word, i + word.length];
}

// The file's lines grouped by table: [{header, start, end}] where header is '' for the top
// level, '[[contracts]]', '[fee]', ...; start/end are line indexes (end exclusive).
function tables(lines) {
  const out = [{ header: '', start: 0, end: lines.length }];
  lines.forEach((line, i) => {
    const m = /^\s*(\[\[?[^\]]+\]\]?)\s*(#.*)?$/.exec(line);
    if (m) {
      out[out.length - 1].end = i;
      out.push({ header: m[1].replace(/\s+/g, ''), start: i, end: lines.length });
    }
  });
  return out;
}

// A table's `key = value` entries: {key: {value, start, end}} (line indexes; a value may span
// several lines, as a multi-line array does).
function entries(lines, table) {
  const out = {};
  const text = lines.slice(table.start + 1, table.end).join('\n');
  const offsets = [];
  let pos = 0;
  for (let i = table.start + 1; i < table.end; i++) {
    offsets.push(pos);
    pos += lines[i].length + 1;
  }
  const lineAt = (p) => {
    let k = 0;
    while (k + 1 < offsets.length && offsets[k + 1] <= p) k++;
    return table.start + 1 + k;
  };
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const blank = /^[ \t\r]*(#[^\n]*)?\n?/.exec(rest);
    const m = /^[ \t]*([A-Za-z0-9_-]+)[ \t]*=/.exec(rest);
    if (m) {
      const [value, next] = parseValue(text, i + m[0].length);
      out[m[1]] = { value, start: lineAt(i), end: lineAt(Math.max(next - 1, i)) + 1 };
      i = next;
      const tail = /^[ \t]*(#[^\n]*)?\n?/.exec(text.slice(i));
      i += tail[0].length;
    } else if (blank && blank[0].length > 0) {
      i += blank[0].length;
    } else {
      throw new Error(`cannot read line ${lineAt(i) + 1}`);
    }
  }
  return out;
}

// Every [[contracts]] table of the file, in order: {participant, participants, from, to, tariff,
// zone, energy: [...], power: [...], energy_series, surplus, surplus_price, index, start, end,
// keys: {key: {value, start, end}}}. Throws when the text cannot be read.
export function parseContracts(text) {
  const lines = String(text || '').split('\n');
  const out = [];
  for (const table of tables(lines)) {
    if (table.header !== '[[contracts]]') continue;
    const keys = entries(lines, table);
    const v = (k) => (keys[k] ? keys[k].value : undefined);
    const list = (k) => (Array.isArray(v(k)) ? v(k).map(String) : []);
    out.push({
      index: out.length,
      participant: v('participant') ?? '',
      participants: list('participants'),
      from: v('from') ?? '',
      to: v('to') ?? '',
      tariff: v('tariff') ?? '',
      zone: v('zone') ?? '',
      energy: list('energy_eur_per_kwh'),
      power: list('power_eur_per_kw_day'),
      energy_series: v('energy_series') ?? '',
      surplus: v('surplus') ?? 'none',
      surplus_price: v('surplus_eur_per_kwh') !== undefined ? String(v('surplus_eur_per_kwh')) : '',
      start: table.start,
      end: table.end,
      keys,
    });
  }
  return out;
}

function covers(contract, day) {
  return (!contract.from || contract.from <= day) && (!contract.to || day < contract.to);
}

// The contract that bills `participant` on `day` (YYYY-MM-DD): its own one, else the default
// ("*"); with no day, its latest own contract, else the latest default. Null when none.
export function contractOf(contracts, participant, day) {
  const own = contracts.filter((c) => c.participant === participant ||
    c.participants.includes(participant));
  const fallback = contracts.filter((c) => c.participant === '*');
  const pickFrom = (list) => {
    if (list.length === 0) return null;
    if (day) return list.filter((c) => covers(c, day)).pop() || null;
    return [...list].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0)).pop();
  };
  const mine = pickFrom(own);
  if (mine) return { ...mine, own: true };
  const def = pickFrom(fallback);
  return def ? { ...def, own: false } : null;
}

// ---- checking --------------------------------------------------------------------------------

const PRICE = /^\d+(\.\d{1,6})?$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

// A price as typed: spaces dropped, a decimal comma taken as a point.
export function normalisePrice(text) {
  return String(text ?? '').trim().replace(/\s+/g, '').replace(',', '.');
}

// Checks a contract from the form: {participant, from, tariff, zone, energy: [...], power:
// [...], surplus, surplus_price}. Returns the problems, each {field, period?, problem, value}:
// field is 'participant', 'from', 'tariff', 'zone', 'energy', 'power' or 'surplus_price';
// problem is 'required', 'invalid', 'negative', 'count' or 'unknown'. Empty = fine.
export function checkContract(c) {
  const problems = [];
  if (!c.participant) problems.push({ field: 'participant', problem: 'required' });
  if (!DAY.test(c.from || '') || Number.isNaN(Date.parse(`${c.from}T00:00:00Z`))) {
    problems.push({ field: 'from', problem: c.from ? 'invalid' : 'required', value: c.from });
  }
  const periods = TARIFFS[c.tariff];
  if (!periods) problems.push({ field: 'tariff', problem: 'unknown', value: c.tariff });
  if (!ZONES.includes(c.zone)) problems.push({ field: 'zone', problem: 'unknown', value: c.zone });
  const prices = (field, values, count) => {
    if (count !== undefined && values.length !== count) {
      problems.push({ field, problem: 'count', value: String(values.length), count });
    }
    values.forEach((raw, i) => {
      const value = normalisePrice(raw);
      if (value === '') problems.push({ field, period: i + 1, problem: 'required', value });
      else if (/^-\d/.test(value)) problems.push({ field, period: i + 1, problem: 'negative', value });
      else if (!PRICE.test(value)) problems.push({ field, period: i + 1, problem: 'invalid', value });
    });
  };
  prices('energy', c.energy || [], periods?.energy);
  prices('power', c.power || [], periods?.power);
  if (!SURPLUS_KINDS.includes(c.surplus)) {
    problems.push({ field: 'surplus', problem: 'unknown', value: c.surplus });
  } else if (c.surplus === 'fixed') {
    const value = normalisePrice(c.surplus_price);
    if (value === '') problems.push({ field: 'surplus_price', problem: 'required', value });
    else if (/^-\d/.test(value)) problems.push({ field: 'surplus_price', problem: 'negative', value });
    else if (!PRICE.test(value)) problems.push({ field: 'surplus_price', problem: 'invalid', value });
  }
  return problems;
}

// ---- writing ---------------------------------------------------------------------------------

const quote = (s) => `"${String(s).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
const prices = (list) => `[${list.map((p) => quote(normalisePrice(p))).join(', ')}]`;

// The [[contracts]] table of a checked contract. `keep` are raw lines of other keys carried over.
export function contractBlock(c, keep = []) {
  const lines = [
    '[[contracts]]',
    `participant = ${quote(c.participant)}`,
    `from = ${c.from}`,
    `tariff = ${quote(c.tariff)}`,
    `zone = ${quote(c.zone)}`,
    `power_eur_per_kw_day = ${prices(c.power)}`,
    `energy_eur_per_kwh = ${prices(c.energy)}`,
    `surplus = ${quote(c.surplus)}`,
  ];
  if (c.surplus === 'fixed') lines.push(`surplus_eur_per_kwh = ${quote(normalisePrice(c.surplus_price))}`);
  return [...lines, ...keep].join('\n');
}

// The file's text with `c` as the member's own contract: the member's own [[contracts]] tables
// are removed, the new one is added at the end, and keys the form does not edit (charges,
// power_kw when the tariff is the same, ...) are carried over from the contract that billed the
// member before. Throws when the member shares a contract with others (`participants = [...]`):
// that one is edited in the text of the file.
export function withContract(text, c) {
  const contracts = parseContracts(text);
  if (contracts.some((k) => k.participants.includes(c.participant))) {
    const e = new Error('shared contract');
    e.code = 'shared';
    throw e;
  }
  const lines = String(text || '').split('\n');
  const previous = contractOf(contracts, c.participant);
  const keep = [];
  if (previous) {
    for (const [key, where] of Object.entries(previous.keys)) {
      if (FORM_KEYS.has(key)) continue;
      if (key === 'power_kw' && previous.tariff !== c.tariff) continue;
      keep.push(...lines.slice(where.start, where.end));
    }
  }
  const drop = new Set();
  for (const k of contracts) {
    if (k.participant !== c.participant) continue;
    // The table and the comment lines written just above it.
    let start = k.start;
    while (start > 0 && /^\s*#/.test(lines[start - 1])) start--;
    let end = k.end;
    while (end > k.start + 1 && /^\s*(#.*)?$/.test(lines[end - 1])) end--;
    for (let i = start; i < end; i++) drop.add(i);
  }
  const kept = lines.filter((_, i) => !drop.has(i)).join('\n').replace(/\n{3,}/g, '\n\n');
  return `${kept.replace(/\s*$/, '')}\n\n${contractBlock(c, keep)}\n`;
}
