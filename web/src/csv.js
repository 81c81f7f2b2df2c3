// CSV building for client-side downloads of charts and tables (RFC 4180: comma separator,
// CRLF line ends, fields quoted when they hold a comma, quote, or line break). Values are
// written as given (numbers with a dot decimal separator) so spreadsheets parse them.

export function csvField(value) {
  if (value === null || value === undefined) return '';
  const s = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : String(value);
  if (/[",\r\n]/.test(s) || /^\s|\s$/.test(s)) return `"${s.replace(/"/g, '""')}"`;
  return s;
}

// header: array of column names; rows: array of arrays.
export function buildCsv(header, rows) {
  const lines = [header.map(csvField).join(',')];
  for (const row of rows) lines.push(row.map(csvField).join(','));
  return lines.join('\r\n') + '\r\n';
}

// Columnar series ({time: [...], a: [...], b: [...]}) to CSV, columns in `names` order.
export function seriesToCsv(columns, names) {
  const n = Math.max(0, ...names.map((k) => (columns[k] ? columns[k].length : 0)));
  const rows = [];
  for (let i = 0; i < n; i++) rows.push(names.map((k) => (columns[k] ? columns[k][i] : null)));
  return buildCsv(names, rows);
}

// Offers `text` as a file download in the browser.
export function downloadText(filename, text, type = 'text/csv;charset=utf-8') {
  downloadBytes(filename, text, type);
}

// Offers a string or bytes as a file download in the browser.
export function downloadBytes(filename, content, type) {
  saveBlob(filename, new Blob([content], { type }));
}

// Offers a Blob as a file download named `filename`.
export function saveBlob(filename, blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
