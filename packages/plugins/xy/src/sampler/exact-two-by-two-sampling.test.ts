import { binnedMean, generateEnsemble, type Estimate } from '@rgae/core';
import { describe, expect, it } from 'vitest';
import { exactTwoByTwoAverages } from '../lattice/exact-two-by-two.js';
import { xyModel } from '../lattice/xy-model.js';
import { correlationFunction } from '../observable/correlation-function.js';
import { xyMetropolisSampler } from './xy-metropolis.js';
import { xyOverrelaxationSampler } from './xy-overrelaxation.js';
import { xyWolffSampler } from './xy-wolff.js';

const samplers = [xyMetropolisSampler, xyOverrelaxationSampler, xyWolffSampler];

const cases = [
  { beta: 0.7, coupling: 1, field: 0 },
  { beta: 1.1, coupling: 1, field: 0.6 },
  { beta: 1.5, coupling: 0.5, field: -0.4 },
];

function expectWithin(estimate: Estimate, exact: number, label: string): void {
  // 4σ: a seeded run fails by chance with probability ~1e-4 per check, while a wrong coupling, field sign
  // or bond count on the 2×2 lattice shifts these averages by far more than 4σ.
  expect(Math.abs(estimate.mean - exact), `${label}: ${estimate.mean} ± ${estimate.error}, exact ${exact}`).toBeLessThan(4 * estimate.error);
}

describe.each(samplers)('$id on the 2×2 lattice', (sampler) => {
  it.each(cases)('matches exact averages at β = $beta, h = $field', (params) => {
    const exact = exactTwoByTwoAverages(params);
    const ensemble = generateEnsemble(xyModel, sampler, {
      params: { linearSize: 2, ...params },
      nSamples: 20_000,
      seed: 11,
      spacingSweeps: 2,
    });
    const { series } = ensemble;

    expectWithin(binnedMean(series.e), exact.e, 'e');
    expectWithin(binnedMean(series.mx), exact.mx, 'mx');
    expectWithin(binnedMean(Array.from(series.absM, (m) => m * m)), exact.absMSquared, '|m|²');
    expectWithin(correlationFunction(ensemble.batch as { lattice: string; linearSize: number; nSamples: number; data: Float32Array })[1], exact.nearestNeighbourCos, 'G(1)');
  });
});
