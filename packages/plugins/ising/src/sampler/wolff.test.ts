import { describe, expect, it } from 'vitest';
import { NotImplementedError, Rng, correlatedMean } from '@rgae/core';
import { describeSamplerConformance } from '@rgae/core/testing';
import { spinSum } from '../lattice/configuration-sums.js';
import { isingCriticalBeta } from '../lattice/critical-temperature.js';
import { isingModel } from '../lattice/ising-model.js';
import { energyMagnetizationCheck, stateCheck } from './exact-checks.js';
import { wolffSampler } from './wolff.js';

describeSamplerConformance({
  model: isingModel,
  sampler: wolffSampler,
  exact: [
    energyMagnetizationCheck(0.3, { spacingSweeps: 20 }),
    energyMagnetizationCheck(0.44),
    stateCheck(0.3, { spacingSweeps: 20 }),
    // Antiferromagnet: on 3×3 the odd rings frustrate some bonds, which must never join a cluster.
    stateCheck(0.5, { coupling: -1, spacingSweeps: 20 }),
  ],
});

describe('wolff sampler', () => {
  it('rejects a field with NotImplementedError', () => {
    const rng = Rng.create(1);
    const create = () =>
      wolffSampler.create({ linearSize: 4, beta: 0.4, coupling: 1, field: 0.1, rng, initial: new Int8Array(16).fill(1), kernels: 'auto' });
    expect(create).toThrow(NotImplementedError);
    expect(create).toThrow(/"wolff" on the "ising" lattice with a field h = 0.1/);
  });

  it('flips the whole lattice at large β', () => {
    const rng = Rng.create(2);
    const initial = new Int8Array(64).fill(1);
    const chain = wolffSampler.create({ linearSize: 8, beta: 50, coupling: 1, field: 0, rng, initial, kernels: 'auto' });
    chain.sweep();
    expect(chain.configuration.every((s) => s === -1)).toBe(true);
    expect(chain.statistics?.()).toEqual({ meanClusterSize: 64 });
  });

  it('has mean cluster size N⟨m²⟩ at T_c', () => {
    // Wolff's improved estimator: a site joins the seed's cluster with probability equal to its
    // correlation with the seed, so ⟨|C|⟩ = Σ_j ⟨s_0 s_j⟩ = N⟨m²⟩ at h = 0.
    const linearSize = 16;
    const rng = Rng.create(8);
    const initial = isingModel.createConfiguration(linearSize, rng.split(['initial']), 'hot');
    const chain = wolffSampler.create({ linearSize, beta: isingCriticalBeta()!, coupling: 1, field: 0, rng, initial, kernels: 'js' });
    for (let i = 0; i < 1000; i++) chain.sweep();
    chain.statistics();

    const difference = new Float64Array(100_000);
    for (let i = 0; i < difference.length; i++) {
      const magnetization = spinSum(chain.configuration);
      chain.sweep();
      difference[i] = chain.statistics!().meanClusterSize - (magnetization * magnetization) / (linearSize * linearSize);
    }
    const estimate = correlatedMean(difference);
    expect(Math.abs(estimate.mean), `⟨|C| − N m²⟩ = ${estimate.mean} ± ${estimate.error}`).toBeLessThan(4 * estimate.error);
  });
});
