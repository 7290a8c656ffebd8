import { describe, expect, it } from 'vitest';
import { Rng } from '@rgae/core';
import { describeSamplerConformance } from '@rgae/core/testing';
import { isingModel } from '../lattice/ising-model.js';
import { energyMagnetizationCheck, stateCheck } from './exact-checks.js';
import { heatBathSampler } from './heat-bath.js';

describeSamplerConformance({
  model: isingModel,
  sampler: heatBathSampler,
  exact: [energyMagnetizationCheck(0.3), energyMagnetizationCheck(0.44, { spacingSweeps: 20 }), energyMagnetizationCheck(0.3, { field: 0.2 }), stateCheck(0.3)],
});

describe('heat-bath sampler', () => {
  it('runs its typed-array kernel when gpu.js is requested', () => {
    const rng = Rng.create(1);
    const chain = heatBathSampler.create({ linearSize: 5, beta: 0.4, coupling: 1, field: 0, rng, initial: new Int8Array(25).fill(1), kernels: 'gpujs' });
    chain.sweep();
    expect(chain.kernels).toBe('js');
  });

  it('sets every spin to +1 in a strong field', () => {
    const rng = Rng.create(2);
    const chain = heatBathSampler.create({ linearSize: 4, beta: 10, coupling: 1, field: 5, rng, initial: new Int8Array(16).fill(-1), kernels: 'auto' });
    chain.sweep();
    expect(chain.configuration.every((s) => s === 1)).toBe(true);
    expect(chain.statistics?.()).toEqual({ changeRate: 1 });
  });
});
