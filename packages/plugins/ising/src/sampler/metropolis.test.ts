import { describe, expect, it } from 'vitest';
import { Rng, generateEnsemble, type SamplerDefinition } from '@rgae/core';
import { describeSamplerConformance, runExactDistributionCheck } from '@rgae/core/testing';
import { isingModel } from '../lattice/ising-model.js';
import { energyMagnetizationCheck } from './exact-checks.js';
import { metropolisSampler } from './metropolis.js';

describeSamplerConformance({
  model: isingModel,
  sampler: metropolisSampler,
  kernels: 'js',
  exact: [energyMagnetizationCheck(0.3), energyMagnetizationCheck(0.44, { spacingSweeps: 20 }), energyMagnetizationCheck(0.3, { field: 0.2 })],
});

describeSamplerConformance({
  model: isingModel,
  sampler: metropolisSampler,
  kernels: 'gpujs',
  exact: [energyMagnetizationCheck(0.3, { nSamples: 10_000 }), energyMagnetizationCheck(0.44, { nSamples: 10_000, spacingSweeps: 20 })],
});

/** Metropolis whose acceptance uses β·factor instead of β: a subtly wrong sampler. */
function wrongBetaSampler(factor: number): SamplerDefinition<Int8Array> {
  return { ...metropolisSampler, create: (options) => metropolisSampler.create({ ...options, beta: options.beta * factor }) };
}

describe('metropolis sampler', () => {
  it.each([
    [0.3, 1.1],
    [0.44, 1.1],
    [0.3, 1.03],
  ])('fails the exact check at β = %f with β scaled by %f', (beta, factor) => {
    const run = { model: isingModel, sampler: wrongBetaSampler(factor), seed: 1, kernels: 'js' as const };
    const outcome = runExactDistributionCheck(run, energyMagnetizationCheck(beta, { spacingSweeps: 20 }));
    expect(outcome.chiSquare.pValue).toBeLessThan(1e-6);
  });

  it('resolves auto kernels to js without a real GPU', () => {
    const { metadata } = generateEnsemble(isingModel, metropolisSampler, {
      params: { linearSize: 8, beta: 0.4, coupling: 1, field: 0 },
      nSamples: 2,
      seed: 1,
      kernels: 'auto',
      spacingSweeps: 1,
      thermalisationSweeps: 1,
    });
    expect(metadata.kernels).toBe('js');
  });

  it('reports the acceptance rate', () => {
    const rng = Rng.create(5);
    const chain = metropolisSampler.create({
      linearSize: 8, beta: 0, coupling: 1, field: 0, rng, initial: isingModel.createConfiguration(8, rng, 'hot'), kernels: 'js',
    });
    for (let i = 0; i < 10; i++) chain.sweep();
    expect(chain.statistics?.()).toEqual({ acceptanceRate: 1 });
  });
});
