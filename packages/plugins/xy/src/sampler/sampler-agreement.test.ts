import { generateEnsemble, integratedAutocorrelationTime, type Ensemble, type SamplerDefinition } from '@rgae/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { xyModel } from '../lattice/xy-model.js';
import { xyMetropolisSampler } from './xy-metropolis.js';
import { xyOverrelaxationSampler } from './xy-overrelaxation.js';
import { xyWolffSampler } from './xy-wolff.js';

const params = { linearSize: 16, beta: 1 / 0.9, coupling: 1, field: 0 };

/** Records every sweep, so that τ_int comes out in sweeps of the sampler. */
function sample(sampler: SamplerDefinition<Float32Array>, nSamples: number): Ensemble {
  return generateEnsemble(xyModel, sampler, { params, nSamples, seed: 31, thermalisationSweeps: 2000, spacingSweeps: 1 });
}

describe('XY samplers at T = 0.9, L = 16', () => {
  const ensembles: Record<string, Ensemble> = {};

  beforeAll(() => {
    ensembles.metropolis = sample(xyMetropolisSampler, 30_000);
    ensembles.overrelaxation = sample(xyOverrelaxationSampler, 10_000);
    ensembles.wolff = sample(xyWolffSampler, 30_000);
  });

  it.each([
    ['metropolis', 'overrelaxation'],
    ['metropolis', 'wolff'],
    ['overrelaxation', 'wolff'],
  ])('%s and %s agree on e and Υ', (first, second) => {
    for (const observable of ['e', 'helicityModulus']) {
      const a = ensembles[first].metadata.observables[observable];
      const b = ensembles[second].metadata.observables[observable];
      const combinedError = Math.hypot(a.error, b.error);
      expect(combinedError).toBeLessThan(observable === 'e' ? 0.003 : 0.008);
      expect(Math.abs(a.mean - b.mean), `${observable}: ${a.mean} ± ${a.error} vs ${b.mean} ± ${b.error}`).toBeLessThan(4 * combinedError);
    }
  });

  it('Wolff decorrelates |m| much faster than Metropolis', () => {
    const metropolis = integratedAutocorrelationTime(ensembles.metropolis.series.absM);
    const wolff = integratedAutocorrelationTime(ensembles.wolff.series.absM);
    expect(metropolis.reliable).toBe(true);
    expect(wolff.reliable).toBe(true);

    // Compare equal work: one Wolff flip updates a fraction of the N sites that one Metropolis sweep visits.
    const clusterFraction = ensembles.wolff.metadata.samplerStatistics!.meanClusterFraction;
    const wolffInSweeps = wolff.tauInt * clusterFraction;
    expect(wolffInSweeps, `τ_int(|m|): Metropolis ${metropolis.tauInt} sweeps, Wolff ${wolffInSweeps} sweep equivalents`).toBeLessThan(metropolis.tauInt / 5);
  });
});
