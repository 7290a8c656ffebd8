import { describe, expect, it } from 'vitest';
import { generateEnsemble } from '@rgae/core';
import { isingModel } from '../lattice/ising-model.js';
import { isingCriticalBeta } from '../lattice/critical-temperature.js';
import { metropolisSampler } from './metropolis.js';

describe('generateEnsemble with the Ising model', () => {
  it('spaces samples by at least 2·τ_int at T_c', () => {
    const { metadata, batch } = generateEnsemble(isingModel, metropolisSampler, {
      params: { linearSize: 16, beta: isingCriticalBeta()!, coupling: 1, field: 0 },
      nSamples: 1000,
      seed: 4,
      kernels: 'js',
    });

    expect(Object.keys(metadata.tauIntSweeps).sort()).toEqual(['absM', 'e']);
    const largestTau = Math.max(...Object.values(metadata.tauIntSweeps));
    // At T_c on 16×16, single-spin Metropolis decorrelates |m| over several sweeps.
    expect(largestTau).toBeGreaterThan(2);
    expect(metadata.spacingSweeps).toBeGreaterThanOrEqual(2 * largestTau);
    expect(metadata.spacingSweeps).toBe(Math.ceil(2 * largestTau));

    // Samples 2·τ_int apart are nearly independent: τ_int of the stored series is close to 1/2, where
    // consecutive sweeps would give about τ_int of the pilot run.
    for (const name of ['e', 'absM']) expect(metadata.tauIntSamples[name], name).toBeLessThan(1.2);
    expect(metadata.kernels).toBe('js');
    expect(metadata.temperature).toBeCloseTo(2.269185, 5);
    expect(batch.data.length).toBe(1000 * 256);
    expect(Object.keys(metadata.observables).sort()).toEqual(['C', 'U4', 'absM', 'chi', 'e', 'm']);
  });
});
