import { describe, expect, it } from 'vitest';
import { chiSquareDistance } from './chi-square-distance.js';
import { leaderOf } from './model-comparison.js';
import { cell, formatEstimate, scalarOf } from './table-cells.js';

describe('leaderOf', () => {
  it('names the model ahead in the requested direction', () => {
    expect(leaderOf(0.9, 0.8, 'higher')).toBe('rg');
    expect(leaderOf(0.9, 0.8, 'lower')).toBe('ae');
    expect(leaderOf(0.5, 0.5 + 1e-12, 'higher')).toBe('tie');
    expect(leaderOf(NaN, 0.5, 'higher')).toBe('undecided');
    expect(leaderOf(Infinity, 2, 'lower')).toBe('ae');
  });
});

describe('chiSquareDistance', () => {
  it('averages squared differences in units of the errors', () => {
    const a = [{ mean: 1, error: 0.3 }, { mean: 2, error: 0 }];
    const b = [{ mean: 1.5, error: 0.4 }, { mean: 2, error: 0 }];
    expect(chiSquareDistance(a, b)).toBeCloseTo((0.25 / 0.25 + 0) / 2, 12);
  });

  it('is Infinity for differing exact values and NaN for unknown errors', () => {
    expect(chiSquareDistance([{ mean: 1, error: 0 }], [{ mean: 2, error: 0 }])).toBe(Infinity);
    expect(chiSquareDistance([{ mean: 1, error: NaN }], [{ mean: 2, error: 0 }])).toBeNaN();
  });
});

describe('table cells', () => {
  it('rounds to 6 significant digits and maps non-finite values to null', () => {
    expect(cell(1 / 3)).toBe(0.333333);
    expect(cell(NaN)).toBeNull();
    expect(cell(Infinity)).toBeNull();
  });

  it('keeps only finite scalars', () => {
    expect(scalarOf({ mean: 2, error: 0.1 })).toEqual({ mean: 2, error: 0.1 });
    expect(scalarOf({ mean: 2, error: NaN })).toBe(2);
    expect(scalarOf({ mean: NaN, error: 0.1 })).toBeUndefined();
  });

  it('formats estimates for verdicts', () => {
    expect(formatEstimate({ mean: 2.30412, error: 0.0213 })).toBe('2.304 ± 0.021');
    expect(formatEstimate({ mean: 0.1234, error: 0.5 })).toBe('0.12 ± 0.50');
    expect(formatEstimate({ mean: 1.5, error: 0 })).toBe('1.5');
    expect(formatEstimate({ mean: NaN, error: 0 })).toBe('n/a');
  });
});
