import { generateEnsemble } from '@rgae/core';
import { describe, expect, it } from 'vitest';
import { xyModel } from '../lattice/xy-model.js';
import { xyMetropolisSampler } from './xy-metropolis.js';
import { xyOverrelaxationSampler } from './xy-overrelaxation.js';
import { xyWolffSampler } from './xy-wolff.js';

/**
 * Spin-wave energy per site of the XY model at low temperature, e = −2J + T/2: expanding cos to second
 * order leaves N harmonic modes, each holding T/2 by equipartition. Vortices and anharmonic terms add
 * corrections of order T², below 1% of |e| for T ≤ 0.2 J.
 */
const spinWaveEnergy = (temperature: number) => -2 + temperature / 2;

describe.each([xyMetropolisSampler, xyOverrelaxationSampler, xyWolffSampler])('$id at low temperature', (sampler) => {
  it.each([0.1, 0.2])('approaches the spin-wave energy at T = %s, L = 16', (temperature) => {
    const ensemble = generateEnsemble(xyModel, sampler, {
      params: { linearSize: 16, beta: 1 / temperature, coupling: 1, field: 0 },
      nSamples: 400,
      seed: 21,
      thermalisationSweeps: 300,
      spacingSweeps: 2,
    });
    const energy = ensemble.metadata.observables.e;
    const expected = spinWaveEnergy(temperature);

    expect(energy.error).toBeLessThan(0.002);
    expect(Math.abs(energy.mean - expected) / Math.abs(expected)).toBeLessThan(0.01);
    // The shift from −2J must be the thermal one, not an artefact of a cold start: it is within 20% of T/2.
    expect(Math.abs(energy.mean + 2 - temperature / 2)).toBeLessThan(0.2 * (temperature / 2));
  });
});
