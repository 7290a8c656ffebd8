import { describe, expect, it } from 'vitest';
import { formatEstimate, formatNumber, formatScalar } from './format-value.js';

describe('formatNumber', () => {
  it.each([
    [42, '42'],
    [-0, '0'],
    [2.269185314213022, '2.26919'],
    [0.00123456789, '0.00123457'],
    [1.5e-7, '1.5000e-7'],
    [123456789.5, '1.2346e+8'],
    [Number.NaN, 'NaN'],
  ])('formats %s as %s', (value, expected) => {
    expect(formatNumber(value)).toBe(expected);
  });
});

describe('formatEstimate', () => {
  it.each([
    [{ mean: 0.123456, error: 0.0034 }, '0.1235 ± 0.0034'],
    [{ mean: 12.3456, error: 0.25 }, '12.35 ± 0.25'],
    [{ mean: 1234.5, error: 56 }, '1235 ± 56'],
    [{ mean: 0.5, error: 0 }, '0.5 ± 0'],
    [{ mean: 3e-9, error: 1e-10 }, '3.000e-9 ± 1.0e-10'],
    [{ mean: 0.95, error: 0.012, tauInt: 2.5 }, '0.950 ± 0.012 (τ_int 2.5)'],
  ])('formats %o as %s', (estimate, expected) => {
    expect(formatEstimate(estimate)).toBe(expected);
  });
});

describe('formatScalar', () => {
  it('passes text through', () => {
    expect(formatScalar('wasm')).toBe('wasm');
  });
});
