import { describe, expect, it } from 'vitest';
import { Rng } from '../random/rng.js';
import { jackknife } from './jackknife.js';
import { binderCumulant, specificHeat } from './observables.js';

describe('jackknife', () => {
  it('reproduces the standard error of the mean for independent data', () => {
    const rng = Rng.create(5);
    const data = Float64Array.from({ length: 10_000 }, () => rng.nextNormal());
    const result = jackknife([data], ([m]) => m, 100);
    // σ/√n = 0.01; the jackknife error from 100 blocks is itself uncertain by ~7%.
    expect(result.error).toBeGreaterThan(0.0075);
    expect(result.error).toBeLessThan(0.0125);
  });

  it('estimates a variance-type derived quantity', () => {
    const rng = Rng.create(6);
    const e = Float64Array.from({ length: 20_000 }, () => 2 * rng.nextNormal());
    // C = β²N(⟨e²⟩ − ⟨e⟩²) with β = 1, N = 1 is the variance, 4.
    const c = specificHeat(e, 1, 1);
    expect(Math.abs(c.mean - 4)).toBeLessThan(4 * c.error);
    expect(c.error).toBeLessThan(0.1);
  });

  it('gives U4 for ordered and Gaussian m', () => {
    const ordered = Float64Array.from({ length: 1000 }, (_, i) => (i % 2 === 0 ? 0.9 : -0.9));
    expect(binderCumulant(ordered).mean).toBeCloseTo(2 / 3, 10);

    const rng = Rng.create(8);
    const gaussian = Float64Array.from({ length: 50_000 }, () => rng.nextNormal());
    const u4 = binderCumulant(gaussian);
    expect(Math.abs(u4.mean)).toBeLessThan(4 * u4.error + 1e-3);
  });
});
