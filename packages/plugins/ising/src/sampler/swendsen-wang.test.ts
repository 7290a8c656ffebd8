import { describe, expect, it } from 'vitest';
import { NotImplementedError, Rng } from '@rgae/core';
import { describeSamplerConformance } from '@rgae/core/testing';
import { isingModel } from '../lattice/ising-model.js';
import { energyMagnetizationCheck, stateCheck } from './exact-checks.js';
import { swendsenWangSampler } from './swendsen-wang.js';

describeSamplerConformance({
  model: isingModel,
  sampler: swendsenWangSampler,
  exact: [energyMagnetizationCheck(0.3), energyMagnetizationCheck(0.44), stateCheck(0.3), stateCheck(0.5, { coupling: -1 })],
});

describe('swendsen-wang sampler', () => {
  it('rejects a field with NotImplementedError', () => {
    const rng = Rng.create(1);
    const create = () =>
      swendsenWangSampler.create({ linearSize: 4, beta: 0.4, coupling: 1, field: -0.5, rng, initial: new Int8Array(16).fill(1), kernels: 'auto' });
    expect(create).toThrow(NotImplementedError);
  });

  it('treats every site as its own cluster at β = 0', () => {
    const rng = Rng.create(3);
    const chain = swendsenWangSampler.create({ linearSize: 8, beta: 0, coupling: 1, field: 0, rng, initial: new Int8Array(64).fill(1), kernels: 'auto' });
    chain.sweep();
    expect(chain.statistics?.()).toEqual({ meanClusterCount: 64, meanClusterSize: 1 });
  });
});
