// Validation of a new coefficient version: decimals, negatives, sum exactly 1.
import { describe, expect, it } from 'vitest';

import { formatMillionths, parseMillionths, validateCoefficients } from '../src/coefficients.js';

describe('coefficients', () => {
  it('parses decimals into millionths', () => {
    expect(parseMillionths('0.125')).toBe(125000);
    expect(parseMillionths('0,25')).toBe(250000);
    expect(parseMillionths('1')).toBe(1000000);
    expect(parseMillionths('.5')).toBe(500000);
    expect(parseMillionths('-0.1')).toBe(-100000);
    expect(parseMillionths('0.1234567')).toBeNull();
    expect(parseMillionths('abc')).toBeNull();
    expect(parseMillionths('')).toBeNull();
    expect(parseMillionths('1e-3')).toBeNull();
  });

  it('accepts coefficients adding up to exactly 1', () => {
    // 0.1 + 0.2 + 0.7 is 0.9999999999999999 in floating point, exactly 1 in millionths.
    const v = validateCoefficients({ A: '0.1', B: '0.2', C: '0.7' });
    expect(v.ok).toBe(true);
    expect(v.sum).toBe(1000000);
  });

  it('refuses a sum other than 1', () => {
    const v = validateCoefficients({ A: '0.333333', B: '0.333333', C: '0.333333' });
    expect(v.ok).toBe(false);
    expect(v.total).toEqual({ code: 'sum' });
    expect(formatMillionths(v.sum)).toBe('0.999999');
  });

  it('refuses negative and malformed values, naming the participant', () => {
    const v = validateCoefficients({ A: '1.2', B: '-0.2', C: 'x' });
    expect(v.ok).toBe(false);
    expect(v.errors).toEqual([
      { participant: 'B', code: 'negative' },
      { participant: 'C', code: 'invalid' },
    ]);
    // With an unparsable value the sum is not judged.
    expect(v.total).toBeNull();
    const w = validateCoefficients({ A: '1.2', B: '-0.2' });
    expect(w.errors).toEqual([{ participant: 'B', code: 'negative' }]);
    expect(w.total).toBeNull(); // 1.2 - 0.2 = 1, but B is negative
    expect(w.ok).toBe(false);
  });

  it('formats millionths with six decimals', () => {
    expect(formatMillionths(125000)).toBe('0.125000');
    expect(formatMillionths(1000000)).toBe('1.000000');
    expect(formatMillionths(-5)).toBe('-0.000005');
  });
});
