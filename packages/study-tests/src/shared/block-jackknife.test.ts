import { Rng } from '@rgae/core';
import { describe, expect, it } from 'vitest';
import { averageOfEstimates, blockJackknife, blockRange, jackknifeBlockCount, meanWithError } from './block-jackknife.js';

describe('blockRange', () => {
  it('cuts every item into nearly equal blocks', () => {
    expect([0, 1, 2].map((b) => blockRange(10, 3, b))).toEqual([[0, 3], [3, 6], [6, 10]]);
  });

  it('uses at most 20 blocks and one per item', () => {
    expect(jackknifeBlockCount(100)).toBe(20);
    expect(jackknifeBlockCount(7)).toBe(7);
  });
});

describe('meanWithError', () => {
  it('reproduces σ/√n for independent data', () => {
    const rng = Rng.create(11, ['jackknife']);
    const values = Float64Array.from({ length: 4000 }, () => 3 + 2 * rng.nextNormal());
    const estimate = meanWithError(values);
    // σ/√n = 2/√4000 ≈ 0.0316; the error from 20 blocks is itself uncertain by about 16%.
    expect(estimate.error).toBeGreaterThan(0.02);
    expect(estimate.error).toBeLessThan(0.045);
    expect(Math.abs(estimate.mean - 3)).toBeLessThan(4 * 0.0316);
  });

  it('averages every value, the remainder of the blocks included', () => {
    expect(meanWithError([1, 2, 3, 4, 5], 2).mean).toBe(3);
  });

  it('has zero error for constant data', () => {
    expect(meanWithError([2, 2, 2, 2])).toEqual({ mean: 2, error: 0 });
  });
});

describe('blockJackknife', () => {
  it('propagates the error of a nonlinear statistic', () => {
    const rng = Rng.create(12, ['jackknife', 'square']);
    const values = Float64Array.from({ length: 4000 }, () => 3 + 2 * rng.nextNormal());
    const total = values.reduce((sum, value) => sum + value, 0);
    const estimate = blockJackknife(20, (leftOut) => {
      if (leftOut === null) return (total / 4000) ** 2;
      const [start, end] = blockRange(4000, 20, leftOut);
      const removed = values.slice(start, end).reduce((sum, value) => sum + value, 0);
      return ((total - removed) / (4000 - (end - start))) ** 2;
    });
    // d(μ²) = 2μ·σ/√n ≈ 6 · 0.0316 ≈ 0.19.
    expect(estimate.error).toBeGreaterThan(0.12);
    expect(estimate.error).toBeLessThan(0.27);
  });

  it('gives NaN errors for one block or a non-finite left-out value', () => {
    expect(blockJackknife(1, () => 1).error).toBeNaN();
    expect(blockJackknife(3, (leftOut) => (leftOut === 1 ? NaN : 1)).error).toBeNaN();
  });
});

describe('averageOfEstimates', () => {
  it('adds the errors in quadrature', () => {
    expect(averageOfEstimates([{ mean: 1, error: 0.3 }, { mean: 3, error: 0.4 }])).toEqual({ mean: 2, error: 0.25 });
  });
});
