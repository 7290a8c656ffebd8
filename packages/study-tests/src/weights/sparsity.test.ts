import { describe, expect, it } from 'vitest';
import { hoyerSparsity, smallWeightFraction } from './sparsity.js';

describe('hoyerSparsity', () => {
  it('is 1 for a one-hot vector', () => {
    expect(hoyerSparsity([0, 0, 2.5, 0])).toBeCloseTo(1, 12);
  });

  it('is 0 for equal magnitudes', () => {
    expect(hoyerSparsity([0.3, 0.3, 0.3, 0.3])).toBeCloseTo(0, 12);
    expect(hoyerSparsity([1, -1, 1, -1])).toBeCloseTo(0, 12);
  });

  it('matches the formula for (3, 4)', () => {
    // ‖w‖₁ = 7, ‖w‖₂ = 5, n = 2.
    expect(hoyerSparsity([3, 4])).toBeCloseTo((Math.SQRT2 - 7 / 5) / (Math.SQRT2 - 1), 12);
  });

  it('is NaN for one weight or all zeros', () => {
    expect(hoyerSparsity([1])).toBeNaN();
    expect(hoyerSparsity([0, 0, 0])).toBeNaN();
  });
});

describe('smallWeightFraction', () => {
  it('counts |w| below 1% of the largest', () => {
    expect(smallWeightFraction([1, 0.005, 0.02, -0.001])).toBe(0.5);
  });

  it('takes another relative threshold', () => {
    expect(smallWeightFraction([1, 0.005, 0.02, -0.001], 0.1)).toBe(0.75);
  });

  it('is NaN for all-zero weights', () => {
    expect(smallWeightFraction([0, 0])).toBeNaN();
  });
});
