// CSV building (RFC 4180) and series normalisation for the chart downloads.
import { describe, expect, it } from 'vitest';

import { buildCsv, csvField, seriesToCsv } from '../src/csv.js';
import { normaliseSeries, sumOf } from '../src/series.js';

describe('csv', () => {
  it('quotes fields with commas, quotes and line breaks', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(1.5)).toBe('1.5');
    expect(csvField(NaN)).toBe('');
  });

  it('builds rows with CRLF line ends', () => {
    expect(buildCsv(['a', 'b'], [[1, 'x,y'], [null, 2]])).toBe('a,b\r\n1,"x,y"\r\n,2\r\n');
  });

  it('writes columnar series row by row, missing values empty', () => {
    const text = seriesToCsv({ time: ['t0', 't1'], kwh: [1, null], other: [3] }, ['time', 'kwh', 'other']);
    expect(text).toBe('time,kwh,other\r\nt0,1,3\r\nt1,,\r\n');
  });
});

describe('series', () => {
  it('derives times from start and step', () => {
    const s = normaliseSeries(
      { start: '2025-06-01T00:00:00+02:00', step_seconds: 3600, consumption_wh: [1, 2, 3],
        imputed_wh: [0, 5, null] },
      'interval');
    expect(s.times).toEqual([1748728800, 1748732400, 1748736000]);
    expect(s.imputed_wh).toEqual([0, 5, null]);
    expect(s.grid_wh).toEqual([null, null, null]);
  });

  it('advances monthly series by calendar months', () => {
    const s = normaliseSeries({ start: '2025-01-01T00:00:00+01:00', consumption_wh: [1, 2, 3] }, 'month');
    expect(s.times.map((x) => new Date(x * 1000).toISOString())).toEqual([
      '2024-12-31T23:00:00.000Z', '2025-01-31T23:00:00.000Z', '2025-02-28T23:00:00.000Z',
    ]);
  });

  it('places day and month labels at noon UTC and keeps them for the CSV', () => {
    const s = normaliseSeries({ start: 'x', labels: ['2025-01', '2025-02'], grid_wh: [5, 6] }, 'month');
    expect(s.times).toEqual([Date.UTC(2025, 0, 1, 12) / 1000, Date.UTC(2025, 1, 1, 12) / 1000]);
    expect(s.labels).toEqual(['2025-01', '2025-02']);
    expect(s.grid_wh).toEqual([5, 6]);
  });

  it('sums ignoring missing values', () => {
    expect(sumOf([1, null, 2])).toBe(3);
    expect(sumOf([null])).toBeNull();
  });
});
