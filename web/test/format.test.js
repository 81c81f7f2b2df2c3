// Numbers, money, percentages and dates in es-ES, pt-PT and en-GB.
import { describe, expect, it } from 'vitest';

import {
  addDays, addMonths, defaultDay, formatDay, formatPeriod, formatEuro, formatKwh, formatMonth, formatNumber, formatPercent,
  formatPower, formatWhAsKwh,
} from '../src/format.js';

// Intl puts narrow/normal no-break spaces in some locales: compare with plain spaces.
const plain = (s) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('format', () => {
  it('formats kWh with the locale separators', () => {
    expect(plain(formatKwh('es', 12345.67, 1))).toBe('12.345,7 kWh');
    expect(plain(formatKwh('en', 12345.67, 1))).toBe('12,345.7 kWh');
    expect(plain(formatKwh('pt', 12345.67, 1))).toBe('12 345,7 kWh');
    expect(plain(formatWhAsKwh('en', 1500, 2))).toBe('1.50 kWh');
    expect(formatKwh('en', null)).toBe('–');
  });

  it('formats euros from decimal strings', () => {
    expect(plain(formatEuro('es', '1234.5'))).toBe('1234,50 €');
    expect(plain(formatEuro('en', '1234.5'))).toBe('€1,234.50');
    expect(plain(formatEuro('pt', '-3.10'))).toBe('-3,10 €');
    expect(formatEuro('es', 'abc')).toBe('–');
  });

  it('formats percentages given as 0..100', () => {
    expect(plain(formatPercent('es', 80.24))).toBe('80,2 %');
    expect(plain(formatPercent('en', 80.26))).toBe('80.3%');
    expect(plain(formatPercent('pt', 5))).toBe('5,0%'); // CLDR: no space in pt-PT
  });

  it('formats power as W below 1 kW and kW above', () => {
    expect(plain(formatPower('en', 512))).toBe('512 W');
    expect(plain(formatPower('es', 23000))).toBe('23,00 kW');
    expect(plain(formatNumber('en', 2.5, 0))).toBe('3');
  });

  it('formats days and months per language', () => {
    expect(plain(formatDay('en', '2025-06-01'))).toBe('1 Jun 2025');
    expect(plain(formatDay('es', '2025-06-01'))).toBe('1 jun 2025');
    expect(formatMonth('pt', '2025-03')).toBe('março de 2025');
    expect(formatMonth('en', '2025-03')).toBe('March 2025');
    expect(formatDay('en', 'not a day')).toBe('not a day');
  });

  it('does calendar arithmetic on local days', () => {
    expect(addDays('2025-03-30', 1)).toBe('2025-03-31');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    // Invoice periods end the day before the API's exclusive `period_to`.
    expect(formatPeriod('en', '2025-03-01', '2025-04-01')).toBe('1 Mar 2025 – 31 Mar 2025');
    expect(formatPeriod('es', '2024-02-01', '2024-03-01')).toBe('1 feb 2024 – 29 feb 2024');
    expect(formatPeriod('en', '2025-03-01', null)).toBe('1 Mar 2025');
    expect(formatPeriod('en', null, null)).toBe('–');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-01');
    expect(addMonths('2025-01-15', -1)).toBe('2024-12-01');
  });
});

describe('defaultDay', () => {
  it('opens on today unless the results end earlier', () => {
    expect(defaultDay('2025-12', '2026-11-23')).toBe('2025-12-31');
    expect(defaultDay('2024-02', '2026-01-01')).toBe('2024-02-29');
    expect(defaultDay('2026-11', '2026-11-23')).toBe('2026-11-23');
    expect(defaultDay(null, '2026-11-23')).toBe('2026-11-23');
  });
});
