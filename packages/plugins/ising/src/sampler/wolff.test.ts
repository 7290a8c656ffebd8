import { describe, expect, it } from 'vitest';
import { NotImplementedError, Rng } from '@rgae/core';
import { describeSamplerConformance } from '@rgae/core/testing';
import { isingModel } from '../lattice/ising-model.js';
import { energyMagnetizationCheck, stateCheck } from './exact-checks.js';
import { wolffSampler } from './wolff.js';

describeSamplerConformance({
  model: isingModel,
  sampler: wolffSampler,
  exact: [energyMagnetizationCheck(0.3, { spacingSweeps: 20 }), energyMagnetizationCheck(0.44), stateCheck(0.3, { spacingSweeps: 20 })],
});

describe('wolff sampler', () => {
  it('rejects a field with NotImplementedError', () => {
    const rng = Rng.create(1);
    const create = () =>
      wolffSampler.create({ linearSize: 4, beta: 0.4, coupling: 1, field: 0.1, rng, initial: new Int8Array(16).fill(1), kernels: 'auto' });
    expect(create).toThrow(NotImplementedError);
    expect(create).toThrow(/"wolff" on the "ising" lattice with a field h = 0.1/);
  });

  it('flips the whole lattice at β = ∞-like coupling', () => {
    const rng = Rng.create(2);
    const initial = new Int8Array(64).fill(1);
    const chain = wolffSampler.create({ linearSize: 8, beta: 50, coupling: 1, field: 0, rng, initial, kernels: 'auto' });
    chain.sweep();
    expect(chain.configuration.every((s) => s === -1)).toBe(true);
    expect(chain.statistics?.()).toEqual({ meanClusterSize: 64 });
  });
});
