import { generateEnsemble, type Estimate } from '@rgae/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPottsWolffSampler } from '../sampler/potts-wolff.js';
import { potts3Model } from './potts-lattices.js';

/** Exact T_c = 1/ln(1 + √3) ≈ 0.99497 of the square-lattice 3-state Potts model at J = 1 (Baxter 1973). */
const CRITICAL_TEMPERATURE = 1 / Math.log(1 + Math.sqrt(3));

const TEMPERATURES = [0.96, 0.98, 1.0, 1.02, 1.04];

/** U4 and χ at each temperature from 4000 Wolff samples spaced by 5 clusters (about two lattice sweeps near T_c). */
type Scan = Array<{ temperature: number; U4: Estimate; chi: Estimate }>;

function scan(linearSize: number, seed: number): Scan {
  const wolff = createPottsWolffSampler(potts3Model);
  return TEMPERATURES.map((temperature) => {
    const { metadata } = generateEnsemble(potts3Model, wolff, {
      params: { linearSize, beta: 1 / temperature, coupling: 1, field: 0 },
      nSamples: 4000,
      seed,
      thermalisationSweeps: 500,
      spacingSweeps: 5,
    });
    return { temperature, U4: metadata.observables.U4, chi: metadata.observables.chi };
  });
}

/** Temperature where U4(L = 32) − U4(L = 16) first changes sign, by linear interpolation between grid points. */
function crossingTemperature(small: Scan, large: Scan): number {
  const difference = large.map((point, i) => point.U4.mean - small[i].U4.mean);
  for (let i = 0; i + 1 < difference.length; i++) {
    if (difference[i] > 0 && difference[i + 1] <= 0) {
      const fraction = difference[i] / (difference[i] - difference[i + 1]);
      return TEMPERATURES[i] + fraction * (TEMPERATURES[i + 1] - TEMPERATURES[i]);
    }
  }
  throw new Error(`U4 curves do not cross between ${TEMPERATURES[0]} and ${TEMPERATURES.at(-1)}: U4(32) − U4(16) = ${difference.map((d) => d.toFixed(3)).join(', ')}`);
}

describe('3-state Potts transition', () => {
  let small: Scan;
  let large: Scan;

  beforeAll(() => {
    small = scan(16, 7);
    large = scan(32, 7);
  });

  it('locates T_c by the U4 crossing within 3%', () => {
    const crossing = crossingTemperature(small, large);
    expect(Math.abs(crossing / CRITICAL_TEMPERATURE - 1)).toBeLessThan(0.03);
  });

  it('peaks χ within 3% of T_c at L = 32', () => {
    const peak = large.reduce((best, point) => (point.chi.mean > best.chi.mean ? point : best));
    expect(Math.abs(peak.temperature / CRITICAL_TEMPERATURE - 1)).toBeLessThan(0.03);
  });

  it('orders below and disorders above T_c', () => {
    // U4 → 2/(q + 1) = 1/2 deep in the ordered phase and falls towards 0 above T_c, faster on the larger lattice.
    expect(large[0].U4.mean).toBeGreaterThan(0.45);
    expect(large.at(-1)!.U4.mean).toBeLessThan(small.at(-1)!.U4.mean);
  });
});
