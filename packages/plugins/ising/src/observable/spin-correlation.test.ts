import { describe, expect, it } from 'vitest';
import { Rng, generateEnsemble, sampleView } from '@rgae/core';
import { exactStateDistribution } from '../exact/enumeration.js';
import { bondSum } from '../lattice/configuration-sums.js';
import { isingModel } from '../lattice/ising-model.js';
import { wolffSampler } from '../sampler/wolff.js';
import { spinCorrelation } from './spin-correlation.js';

const batchOf = (linearSize: number, ...configurations: Int8Array[]) => ({
  lattice: 'ising',
  linearSize,
  nSamples: configurations.length,
  data: Int8Array.from(configurations.flatMap((c) => Array.from(c))),
});

describe('spinCorrelation', () => {
  it('is 1 at every distance for an ordered lattice', () => {
    expect(Array.from(spinCorrelation(batchOf(6, new Int8Array(36).fill(-1))))).toEqual([1, 1, 1, 1]);
  });

  it('averages the two axes of a stripe pattern', () => {
    // s = (−1)^x: along x the correlation is (−1)^r, along y it is 1.
    const stripes = Int8Array.from({ length: 16 }, (_, i) => (i % 4) % 2 === 0 ? 1 : -1);
    expect(Array.from(spinCorrelation(batchOf(4, stripes)))).toEqual([1, 0, 1]);
  });

  it('equals B/2N at distance 1 for any batch', () => {
    const rng = Rng.create(6);
    const configurations = [0, 1, 2].map(() => isingModel.createConfiguration(8, rng, 'hot'));
    const meanBondSum = configurations.reduce((total, c) => total + bondSum(c, 8), 0) / 3;
    expect(spinCorrelation(batchOf(8, ...configurations))[1]).toBeCloseTo(meanBondSum / 128, 12);
  });

  it('matches the exact 4×4 correlation at distance 2', () => {
    const beta = 0.3;
    let exact = 0;
    for (const [key, probability] of exactStateDistribution(4, beta)) {
      const spins = Int8Array.from(key, (c) => (c === '+' ? 1 : -1));
      exact += probability * spinCorrelation(batchOf(4, spins))[2];
    }

    const { batch } = generateEnsemble(isingModel, wolffSampler, {
      params: { linearSize: 4, beta, coupling: 1, field: 0 },
      nSamples: 4000,
      seed: 2,
      spacingSweeps: 10,
    });
    const perSample = Array.from({ length: batch.nSamples }, (_, n) => spinCorrelation(batchOf(4, sampleView(batch, n) as Int8Array))[2]);
    const mean = perSample.reduce((a, b) => a + b, 0) / perSample.length;
    const spread = Math.sqrt(perSample.reduce((a, b) => a + (b - mean) ** 2, 0) / (perSample.length - 1));
    const measured = spinCorrelation(batch as typeof batch & { data: Int8Array })[2];

    expect(measured).toBeCloseTo(mean, 12);
    expect(Math.abs(measured - exact)).toBeLessThan((4 * spread) / Math.sqrt(perSample.length));
  });

  it('rejects a batch of the wrong length', () => {
    expect(() => spinCorrelation({ lattice: 'ising', linearSize: 4, nSamples: 2, data: new Int8Array(16) })).toThrow(/nSamples·L² = 32/);
  });
});
