import { Rng, isRgaeError, type SamplerDefinition } from '@rgae/core';
import { describe, expect, it } from 'vitest';
import { xyModel } from '../lattice/xy-model.js';
import { xyMetropolisSampler } from './xy-metropolis.js';
import { xyOverrelaxationSampler } from './xy-overrelaxation.js';
import { xyWolffSampler } from './xy-wolff.js';

const samplers = [xyMetropolisSampler, xyOverrelaxationSampler, xyWolffSampler];

function chainOf(sampler: SamplerDefinition<Float32Array>, seed: number, overrides: { beta?: number; linearSize?: number } = {}) {
  const linearSize = overrides.linearSize ?? 6;
  const rng = Rng.create(seed);
  const initial = xyModel.createConfiguration(linearSize, rng.split(['initial']), 'hot');
  return sampler.create({ linearSize, beta: overrides.beta ?? 1, coupling: 1, field: 0.2, rng, initial, kernels: 'auto' });
}

function run(sampler: SamplerDefinition<Float32Array>, seed: number, nSweeps: number): Float32Array {
  const chain = chainOf(sampler, seed);
  for (let i = 0; i < nSweeps; i++) chain.sweep();
  return Float32Array.from(chain.configuration);
}

describe.each(samplers)('$id sampler', (sampler) => {
  it('updates the xy lattice with typed-array kernels', () => {
    expect(sampler.lattice).toBe('xy');
    expect(chainOf(sampler, 1).kernels).toBe('js');
  });

  it('keeps valid angles and changes the configuration', () => {
    const chain = chainOf(sampler, 2);
    const before = Float32Array.from(chain.configuration);
    for (let i = 0; i < 20; i++) chain.sweep();
    expect(xyModel.isValidConfiguration(chain.configuration)).toBe(true);
    expect(chain.configuration).not.toEqual(before);
  });

  it('reproduces a run from its seed', () => {
    expect(run(sampler, 3, 30)).toEqual(run(sampler, 3, 30));
    expect(run(sampler, 3, 30)).not.toEqual(run(sampler, 4, 30));
  });

  it('rejects gpu.js kernels, naming the sampler', () => {
    const rng = Rng.create(1);
    const initial = xyModel.createConfiguration(4, rng, 'hot');
    const create = () => sampler.create({ linearSize: 4, beta: 1, coupling: 1, field: 0, rng, initial, kernels: 'gpujs' });
    expect(create).toThrow(new RegExp(`XY sampler "${sampler.id}" has no gpu.js kernels`));
  });

  it('rejects an initial configuration of the wrong type or length', () => {
    const rng = Rng.create(1);
    const base = { linearSize: 4, beta: 1, coupling: 1, field: 0, rng, kernels: 'js' as const };
    expect(() => sampler.create({ ...base, initial: new Float32Array(15) })).toThrow(/needs an initial Float32Array of L² = 16 angles, received a Float32Array of length 15/);
    let error: unknown;
    try {
      sampler.create({ ...base, initial: new Int8Array(16) as unknown as Float32Array });
    } catch (caught) {
      error = caught;
    }
    expect(isRgaeError(error)).toBe(true);
    expect((error as Error).message).toMatch(/received Int8Array/);
  });
});

describe('Metropolis proposal width', () => {
  it.each([xyMetropolisSampler, xyOverrelaxationSampler])('$id tunes toward 50% acceptance and freezes', (sampler) => {
    const chain = chainOf(sampler, 5, { beta: 1 / 0.9, linearSize: 16 });
    for (let i = 0; i < 500; i++) chain.sweep();
    chain.endThermalisation?.();
    const tuned = chain.statistics!().proposalWidth;

    for (let i = 0; i < 300; i++) chain.sweep();
    const after = chain.statistics!();
    expect(after.proposalWidth).toBe(tuned);
    expect(after.acceptanceRate).toBeGreaterThan(0.45);
    expect(after.acceptanceRate).toBeLessThan(0.55);
  });

  it('narrows at low temperature', () => {
    const widthAt = (beta: number) => {
      const chain = chainOf(xyMetropolisSampler, 6, { beta, linearSize: 8 });
      for (let i = 0; i < 500; i++) chain.sweep();
      return chain.statistics!().proposalWidth;
    };
    expect(widthAt(10)).toBeLessThan(widthAt(1) / 2);
  });
});

describe('Wolff clusters', () => {
  it('are single sites at β = 0', () => {
    const chain = chainOf(xyWolffSampler, 7, { beta: 0 });
    for (let i = 0; i < 50; i++) chain.sweep();
    expect(chain.statistics!().meanClusterSize).toBe(1);
  });

  it('cover most of an ordered lattice at low temperature', () => {
    const chain = chainOf(xyWolffSampler, 8, { beta: 5, linearSize: 8 });
    for (let i = 0; i < 200; i++) chain.sweep();
    chain.statistics!();
    for (let i = 0; i < 200; i++) chain.sweep();
    expect(chain.statistics!().meanClusterFraction).toBeGreaterThan(0.5);
  });
});
