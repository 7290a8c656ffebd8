import { describe, expect, it } from 'vitest';
import { Rng } from '../random/rng.js';
import { chiSquareTest, lnGamma, regularizedGammaQ } from './chi-square.js';

/** Draws n samples from a categorical distribution and returns the count per category. */
function multinomial(probabilities: readonly number[], n: number, rng: Rng): number[] {
  const counts = probabilities.map(() => 0);
  for (let i = 0; i < n; i++) {
    let u = rng.nextFloat();
    let k = 0;
    while (k < probabilities.length - 1 && u >= probabilities[k]) u -= probabilities[k++];
    counts[k]++;
  }
  return counts;
}

describe('lnGamma', () => {
  it('matches factorials and Γ(1/2) = √π', () => {
    expect(lnGamma(1)).toBeCloseTo(0, 13);
    expect(lnGamma(10)).toBeCloseTo(Math.log(362880), 12);
    expect(lnGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
    expect(lnGamma(100.5)).toBeCloseTo(361.4355404677776, 9);
    expect(lnGamma(0.1)).toBeCloseTo(2.2527126517342055, 12);
  });
});

describe('regularizedGammaQ', () => {
  it('equals exp(−x) for a = 1', () => {
    for (const x of [0.01, 0.5, 2, 10, 40]) expect(regularizedGammaQ(1, x)).toBeCloseTo(Math.exp(-x), 14);
  });

  it.each([
    [1, 3.841458820694124, 0.05],
    [5, 15.08627246938899, 0.01],
    [10, 18.307038053275146, 0.05],
    [100, 124.34211340400407, 0.05],
    [30, 13.786719859502804, 0.995],
  ])('gives the χ² tail of df = %i at %f', (df, x, p) => {
    expect(regularizedGammaQ(df / 2, x / 2)).toBeCloseTo(p, 10);
  });

  it('rejects a ≤ 0 and x < 0', () => {
    expect(() => regularizedGammaQ(0, 1)).toThrow(/a > 0/);
    expect(() => regularizedGammaQ(1, -1)).toThrow(/x ≥ 0/);
  });
});

describe('chiSquareTest', () => {
  const probabilities = [0.05, 0.1, 0.15, 0.2, 0.25, 0.25];

  it("computes Pearson's statistic", () => {
    const result = chiSquareTest([10, 20, 30, 40, 50, 50], probabilities);
    expect(result.statistic).toBe(0);
    expect(result.degreesOfFreedom).toBe(5);
    expect(result.pValue).toBe(1);

    const shifted = chiSquareTest([20, 20, 30, 40, 50, 40], probabilities);
    expect(shifted.statistic).toBeCloseTo(100 / 10 + 100 / 50, 12);
  });

  it('gives uniform p-values for the true distribution', () => {
    const rng = Rng.create(11, ['chi-square', 'uniformity']);
    let rejected = 0;
    for (let trial = 0; trial < 400; trial++) {
      if (chiSquareTest(multinomial(probabilities, 1000, rng), probabilities).pValue < 0.05) rejected++;
    }
    // Binomial(400, 0.05): mean 20, standard deviation 4.4; the bounds sit about 2.7σ and 3.2σ away.
    expect(rejected).toBeGreaterThanOrEqual(8);
    expect(rejected).toBeLessThanOrEqual(34);
  });

  it('rejects a slightly wrong distribution', () => {
    const rng = Rng.create(12, ['chi-square', 'power']);
    const wrong = [0.06, 0.1, 0.14, 0.2, 0.25, 0.25];
    expect(chiSquareTest(multinomial(wrong, 50_000, rng), probabilities).pValue).toBeLessThan(1e-6);
  });

  it('pools bins with small expected counts', () => {
    const tail = [0.9, 0.05, 0.02, 0.02, 0.01];
    const result = chiSquareTest([90, 5, 2, 2, 1], tail);
    expect(result.nBins).toBe(3);
    expect(result.degreesOfFreedom).toBe(2);
    expect(result.statistic).toBeCloseTo(0, 12);

    const tooSmallPool = chiSquareTest([95, 3, 2], [0.95, 0.03, 0.02]);
    expect(tooSmallPool.nBins).toBe(1 + 0 + 1);
  });

  it('returns p = 0 for an observation of probability 0', () => {
    const result = chiSquareTest([10, 1], [1, 0]);
    expect(result.statistic).toBe(Infinity);
    expect(result.pValue).toBe(0);
  });

  it('rejects invalid input with the value', () => {
    expect(() => chiSquareTest([1, 2], [0.5, 0.3, 0.2])).toThrow(/2 counts and 3 probabilities/);
    expect(() => chiSquareTest([1, 2], [0.7, 0.7])).toThrow(/sum to 1.4/);
    expect(() => chiSquareTest([1.5, 2], [0.5, 0.5])).toThrow(/count 1.5 of bin 0/);
    expect(() => chiSquareTest([0, 0], [0.5, 0.5])).toThrow(/at least one observation/);
    expect(() => chiSquareTest([1, 1], [0.999, 0.001])).toThrow(/at least 2 bins/);
  });
});
