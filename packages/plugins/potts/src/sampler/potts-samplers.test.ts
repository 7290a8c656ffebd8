import { NotImplementedError, Rng, generateEnsemble, isRgaeError, type SamplerDefinition } from '@rgae/core';
import { describeSamplerConformance, runExactDistributionCheck, type ExactDistributionCheck } from '@rgae/core/testing';
import { describe, expect, it } from 'vitest';
import { bondsAndCountsBin, exactPottsDistribution } from '../exact/enumeration.js';
import { potts3Model, potts4Model } from '../lattice/potts-lattices.js';
import type { PottsModel } from '../lattice/potts-model.js';
import { createPottsMetropolisSampler } from './potts-metropolis.js';
import { createPottsWolffSampler } from './potts-wolff.js';

/** χ² check on the periodic 3×3 lattice, binned by satisfied bonds and sorted state counts, which fix H. */
function exactCheck(model: PottsModel, beta: number, field = 0): ExactDistributionCheck<Uint8Array> {
  const params = { linearSize: 3, beta, coupling: 1, field };
  return {
    linearSize: 3,
    beta,
    field,
    binOf: (states) => bondsAndCountsBin(states, 3, model.nStates, field),
    probabilities: exactPottsDistribution(model.nStates, params),
  };
}

const isValidFor = (model: PottsModel) => (states: Uint8Array) => states.every((state) => state < model.nStates);

// β_c = ln(1 + √3) ≈ 1.005 for q = 3 and ln 3 ≈ 1.099 for q = 4; the checks straddle them.
describeSamplerConformance({
  model: potts3Model,
  sampler: createPottsMetropolisSampler(potts3Model),
  isValidConfiguration: isValidFor(potts3Model),
  exact: [exactCheck(potts3Model, 1.0), exactCheck(potts3Model, 0.6, 0.5)],
});
describeSamplerConformance({
  model: potts3Model,
  sampler: createPottsWolffSampler(potts3Model),
  isValidConfiguration: isValidFor(potts3Model),
  exact: [exactCheck(potts3Model, 1.0), exactCheck(potts3Model, 0.5)],
});
describeSamplerConformance({
  model: potts4Model,
  sampler: createPottsMetropolisSampler(potts4Model),
  isValidConfiguration: isValidFor(potts4Model),
  exact: [exactCheck(potts4Model, 1.2)],
});
describeSamplerConformance({
  model: potts4Model,
  sampler: createPottsWolffSampler(potts4Model),
  isValidConfiguration: isValidFor(potts4Model),
  exact: [exactCheck(potts4Model, 1.2)],
});

describe('Potts chain options', () => {
  const chainOf = (sampler: SamplerDefinition<Uint8Array>, overrides: Record<string, unknown> = {}) => () =>
    sampler.create({
      linearSize: 4,
      beta: 1,
      coupling: 1,
      field: 0,
      rng: Rng.create(1),
      initial: new Uint8Array(16),
      kernels: 'auto',
      ...overrides,
    });
  const wolff = createPottsWolffSampler(potts3Model);
  const metropolis = createPottsMetropolisSampler(potts3Model);

  it('rejects wolff in a field', () => {
    expect(chainOf(wolff, { field: 0.1 })).toThrow(NotImplementedError);
    expect(chainOf(wolff, { field: 0.1 })).toThrow(/field h = 0.1 is not implemented. Use the metropolis sampler/);
  });

  it('rejects wolff with J ≤ 0', () => {
    expect(chainOf(wolff, { coupling: -1 })).toThrow(/needs a ferromagnetic coupling J > 0, received J = -1/);
  });

  it('runs metropolis with J < 0', () => {
    const chain = chainOf(metropolis, { coupling: -1 })();
    chain.sweep();
    expect(chain.configuration.every((state) => state < 3)).toBe(true);
  });

  it('rejects gpujs kernels', () => {
    expect(chainOf(metropolis, { kernels: 'gpujs' })).toThrow(/has no "gpujs" kernels; it offers js/);
  });

  it('rejects a start of the wrong type', () => {
    expect(chainOf(metropolis, { initial: new Int8Array(16) })).toThrow(/needs a starting Uint8Array of L² = 16 states, received Int8Array/);
  });

  it('rejects a start with an invalid state', () => {
    const initial = new Uint8Array(16);
    initial[5] = 3;
    let caught: unknown;
    try {
      chainOf(metropolis, { initial })();
    } catch (error) {
      caught = error;
    }
    expect(isRgaeError(caught)).toBe(true);
    expect((caught as Error).message).toMatch(/received state 3 at site 5; "potts" states lie in 0…2/);
  });

  it('reports acceptance and cluster size', () => {
    const params = { linearSize: 8, beta: 1, coupling: 1, field: 0 };
    const local = generateEnsemble(potts3Model, metropolis, { params, nSamples: 4, seed: 1, thermalisationSweeps: 10, spacingSweeps: 1 });
    const cluster = generateEnsemble(potts3Model, wolff, { params, nSamples: 4, seed: 1, thermalisationSweeps: 10, spacingSweeps: 1 });

    expect(local.metadata.samplerStatistics?.acceptanceRate).toBeGreaterThan(0);
    expect(local.metadata.samplerStatistics?.acceptanceRate).toBeLessThan(1);
    expect(cluster.metadata.samplerStatistics?.meanClusterSize).toBeGreaterThanOrEqual(1);
  });
});

describe('Potts exact check', () => {
  const wrongBeta = (sampler: SamplerDefinition<Uint8Array>): SamplerDefinition<Uint8Array> => ({
    ...sampler,
    create: (options) => sampler.create({ ...options, beta: options.beta * 1.05 }),
  });

  for (const sampler of [createPottsMetropolisSampler(potts3Model), createPottsWolffSampler(potts3Model)]) {
    it(`catches ${sampler.id} at a 5% wrong β`, () => {
      const outcome = runExactDistributionCheck({ model: potts3Model, sampler: wrongBeta(sampler), seed: 1 }, exactCheck(potts3Model, 1.0));
      expect(outcome.chiSquare.pValue).toBeLessThan(1e-8);
    });
  }
});
