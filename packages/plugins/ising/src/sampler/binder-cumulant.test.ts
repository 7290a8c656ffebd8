import { describe, expect, it } from 'vitest';
import { Rng, binderCumulant } from '@rgae/core';
import { exactEnumeratedObservables } from '../exact/enumeration.js';
import { isingModel } from '../lattice/ising-model.js';
import { spinSum } from '../lattice/configuration-sums.js';
import { isingCriticalBeta } from '../lattice/critical-temperature.js';
import { wolffSampler } from './wolff.js';

/** L → ∞ value of U4 = 1 − ⟨m⁴⟩/(3⟨m²⟩²) at T_c on the periodic square lattice. */
const CRITICAL_BINDER_CUMULANT = 0.61069;

/** Series of m after each Wolff cluster flip at T_c. */
function criticalMagnetizationSeries(linearSize: number, nMeasurements: number): Float64Array {
  const rng = Rng.create(21, ['binder', linearSize]);
  const params = { linearSize, beta: isingCriticalBeta()!, coupling: 1, field: 0 };
  const initial = isingModel.createConfiguration(linearSize, rng.split(['initial']), 'hot');
  const chain = wolffSampler.create({ ...params, rng, initial, kernels: 'js' });
  for (let i = 0; i < 2000; i++) chain.sweep();

  const series = new Float64Array(nMeasurements);
  for (let i = 0; i < nMeasurements; i++) {
    chain.sweep();
    series[i] = spinSum(chain.configuration) / (linearSize * linearSize);
  }
  return series;
}

describe('Binder cumulant at T_c', () => {
  // Finite-size corrections shrink with L. The exact 4×4 value sits 0.0065 above U*, so allowing
  // 0.0065·(4/L) covers corrections that decay at least like 1/L; the expected decay is faster.
  const exactShiftAtFour = exactEnumeratedObservables(4, isingCriticalBeta()!).U4 - CRITICAL_BINDER_CUMULANT;

  it.each([8, 16, 32])('lies near U* = 0.6107 at L = %i', (linearSize) => {
    const u4 = binderCumulant(criticalMagnetizationSeries(linearSize, 200_000));
    const finiteSizeAllowance = Math.abs(exactShiftAtFour) * (4 / linearSize);
    expect(Math.abs(u4.mean - CRITICAL_BINDER_CUMULANT), `U4 = ${u4.mean} ± ${u4.error}`).toBeLessThan(4 * u4.error + finiteSizeAllowance);
  });
});
