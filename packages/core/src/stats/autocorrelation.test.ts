import { describe, expect, it } from 'vitest';
import { Rng } from '../random/rng.js';
import { integratedAutocorrelationTime } from './autocorrelation.js';
import { correlatedMean } from './observables.js';

/** AR(1) series x_t = φ x_{t−1} + ε_t, whose exact τ_int is (1 + φ) / (2(1 − φ)). */
function ar1(phi: number, n: number, seed: number): Float64Array {
  const rng = Rng.create(seed, ['ar1', phi]);
  const out = new Float64Array(n);
  let x = 0;
  for (let i = 0; i < n; i++) {
    x = phi * x + rng.nextNormal();
    out[i] = x;
  }
  return out;
}

describe('integratedAutocorrelationTime', () => {
  it.each([0, 0.5, 0.9])('matches the exact AR(1) value for φ = %s', (phi) => {
    const exact = (1 + phi) / (2 * (1 - phi));
    const result = integratedAutocorrelationTime(ar1(phi, 200_000, 7));
    expect(result.reliable).toBe(true);
    expect(Math.abs(result.tauInt - exact)).toBeLessThan(4 * result.error + 0.02 * exact);
  });

  it('rejects a series shorter than 4', () => {
    expect(() => integratedAutocorrelationTime([1, 2, 3])).toThrow(/at least 4/);
  });
});

describe('correlatedMean', () => {
  it('gives an error that covers the true mean of AR(1) series', () => {
    let covered = 0;
    for (let seed = 0; seed < 40; seed++) {
      const estimate = correlatedMean(ar1(0.8, 5000, seed));
      if (Math.abs(estimate.mean) < 2 * estimate.error) covered++;
    }
    // 2σ intervals cover ~95%: 40 trials give ≥ 32 with overwhelming probability, and an error
    // that ignored the autocorrelation (3× too small here) would cover only ~50%.
    expect(covered).toBeGreaterThanOrEqual(32);
  });
});
