import { isRgaeError, Rng } from '@rgae/core';
import { isingModel, wolffSampler } from '@rgae/plugin-ising';
import { describe, expect, it } from 'vitest';
import { blockAverageScheme } from '../scheme/block-average.js';
import { randomIsingBatch, randomXYBatch } from '../testing/configurations.js';
import { analyseMcrg, runMcrg } from './run-mcrg.js';

function thrown(action: () => unknown): Error & { code?: string } {
  try {
    action();
  } catch (error) {
    expect(isRgaeError(error)).toBe(true);
    return error as Error & { code?: string };
  }
  throw new Error('expected an RgaeError, but nothing was thrown');
}

describe('runMcrg', () => {
  it('gives the 2D Ising exponents at T_c', () => {
    // 6000 Wolff samples at L = 64 give jackknife errors near 0.02 on y_T and 0.0015 on y_H at level
    // 3, so the tolerances of 0.1 and 0.02 sit at about 5σ and 10σ. A longer thermalisation than the
    // default 200 clusters lets the pilot run see the equilibrium τ_int (about 6 clusters).
    const result = runMcrg({
      model: isingModel,
      sampler: wolffSampler,
      linearSize: 64,
      levels: 3,
      nSamples: 6000,
      seed: 2024,
      chain: { thermalisationSweeps: 2000 },
    });

    expect(result.levels.map((level) => level.linearSize)).toEqual([32, 16, 8]);
    const deepest = result.levels[2];
    expect(Math.abs(deepest.yT.mean - 1)).toBeLessThan(0.1);
    expect(Math.abs(deepest.yH.mean - 15 / 8)).toBeLessThan(0.02);
    expect(deepest.yT.error).toBeGreaterThan(0);
    expect(deepest.yT.error).toBeLessThan(0.05);
    expect(deepest.yH.error).toBeGreaterThan(0);
    expect(result.config.temperature).toBeCloseTo(2 / Math.log(1 + Math.SQRT2), 12);
    expect(result.config.schemeOptions).toEqual({ tieBreak: 'random' });
  });
});

describe('analyseMcrg', () => {
  const options = { levels: 1, rng: Rng.create(1), nBlocks: 4 };

  it('rejects a lattice other than ising', () => {
    const error = thrown(() => analyseMcrg(randomXYBatch(8, 8, 1), options));
    expect(error.code).toBe('NOT_IMPLEMENTED');
    expect(error.message).toMatch(/implemented for the "ising" lattice only, received "xy"/);
  });

  it('rejects a scheme without spin output', () => {
    const error = thrown(() => analyseMcrg(randomIsingBatch(8, 8, 1), { ...options, scheme: blockAverageScheme }));
    expect(error.message).toMatch(/scheme "block-average" returns Float32Array. Use majority or decimation/);
  });

  it('rejects levels below side 4', () => {
    const error = thrown(() => analyseMcrg(randomIsingBatch(8, 16, 1), { ...options, levels: 3 }));
    expect(error.message).toMatch(/3 levels of b = 2 leave L = 16 with side 2, below the 4/);
  });

  it('rejects more jackknife blocks than samples', () => {
    const error = thrown(() => analyseMcrg(randomIsingBatch(3, 8, 1), options));
    expect(error.message).toMatch(/Invalid number of jackknife blocks 4: expected an integer from 2 to nSamples = 3/);
  });

  it('rejects a model without a critical temperature when beta is absent', () => {
    const model = { ...isingModel, criticalTemperature: undefined };
    const error = thrown(() => runMcrg({ model, sampler: wolffSampler, linearSize: 8, levels: 1, nSamples: 8, seed: 1 }));
    expect(error.message).toMatch(/no known critical temperature: pass beta explicitly/);
  });
});
