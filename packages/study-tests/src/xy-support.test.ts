import {
  correlatedMean,
  jackknife,
  specificHeat,
  type LatticeModel,
  type ModelParameters,
  type SpinBatch,
  type StudyContext,
  type StudyTestResult,
} from '@rgae/core';
import { checkStudyTestResult, createStudyContextFixture } from '@rgae/core/testing';
import { describe, expect, it } from 'vitest';
import { STUDY_TESTS } from './index.js';

/**
 * A minimal XY model for these tests (the XY plugin is not a dependency of this package): H = −J Σ cos(θ_i − θ_j),
 * networks see (cos θ, sin θ).
 */
const xyLattice: LatticeModel<Float32Array> = {
  id: 'xy',
  description: 'Test XY model',
  dtype: 'float32',
  channels: 2,
  observables: ['e', 'absM'],
  spacingObservables: ['e'],
  criticalTemperature: (coupling) => 0.8929 * coupling,
  createConfiguration: (linearSize) => new Float32Array(linearSize * linearSize),
  measure(angles, params: ModelParameters) {
    const size = params.linearSize;
    let bonds = 0;
    let mx = 0;
    let my = 0;
    for (let i = 0; i < angles.length; i++) {
      const x = i % size;
      const y = Math.floor(i / size);
      bonds += Math.cos(angles[i] - angles[y * size + ((x + 1) % size)]) + Math.cos(angles[i] - angles[((y + 1) % size) * size + x]);
      mx += Math.cos(angles[i]);
      my += Math.sin(angles[i]);
    }
    return { e: (-params.coupling * bonds) / angles.length, absM: Math.hypot(mx, my) / angles.length };
  },
  summarize(series, params) {
    const nSites = params.linearSize ** 2;
    const squares = Float64Array.from(series.absM, (m) => m * m);
    return {
      e: correlatedMean(series.e),
      absM: correlatedMean(series.absM),
      chi: jackknife([series.absM, squares], ([m, m2]) => params.beta * nSites * (m2 - m * m)),
      C: specificHeat(series.e, params.beta, nSites),
    };
  },
  encode: (batch) => Float32Array.from(Array.from(batch.data).flatMap((theta) => [Math.cos(theta), Math.sin(theta)])),
  decode(encoded, nSamples, linearSize) {
    const data = Float32Array.from({ length: nSamples * linearSize * linearSize }, (_, i) => {
      const theta = Math.atan2(encoded[2 * i + 1], encoded[2 * i]);
      return theta < 0 ? theta + 2 * Math.PI : theta;
    });
    return { lattice: 'xy', linearSize, nSamples, data };
  },
};

/** Converts Ising configurations to XY angles: spin +1 → θ = 0, spin −1 → θ = π. */
function asAngles(batch: SpinBatch): SpinBatch<Float32Array> {
  return { lattice: 'xy', linearSize: batch.linearSize, nSamples: batch.nSamples, data: Float32Array.from(batch.data, (spin) => (spin > 0 ? 0 : Math.PI)) };
}

function xyContext(ising: StudyContext): StudyContext {
  const convert = (batches: SpinBatch[]) => batches.map(asAngles);
  const model = (key: 'rg' | 'ae') => ({
    ...ising.models[key],
    latent: convert(ising.models[key].latent),
    reconstruction: convert(ising.models[key].reconstruction),
  });
  return {
    ...ising,
    config: { ...ising.config, lattice: 'xy' },
    lattice: xyLattice,
    original: convert(ising.original),
    coarse: convert(ising.coarse),
    models: { rg: model('rg'), ae: model('ae') },
  };
}

const table = (result: StudyTestResult, id: string) => (result.tables.find((t) => t.id === id)?.rows ?? []) as number[][];

describe('study tests on XY angles', () => {
  const options = { blockNoise: () => 0.05, aeFlipProbability: 0.1 };

  it('return well-formed results', async () => {
    const context = xyContext(createStudyContextFixture(options));
    for (const test of STUDY_TESTS) {
      expect(checkStudyTestResult(test, await test.run(context)), test.id).toEqual([]);
    }
  });

  it('map Ising accuracy to cosine overlap', async () => {
    const ising = createStudyContextFixture(options);
    const [isingRows, xyRows] = await Promise.all([ising, xyContext(ising)].map(async (context) => table(await STUDY_TESTS[0].run(context), 'reconstruction-accuracy')));
    isingRows.forEach((row, i) => expect(xyRows[i][3]).toBeCloseTo(2 * row[3] - 1, 5));
  });

  it('keep Ising correlations and energies', async () => {
    const ising = createStudyContextFixture(options);
    const correlations = STUDY_TESTS[3];
    const observables = STUDY_TESTS[5];
    const retained = await Promise.all([ising, xyContext(ising)].map(async (context) => table(await correlations.run(context), 'correlation-retained')));
    const energy = await Promise.all([ising, xyContext(ising)].map(async (context) => table(await observables.run(context), 'observable-e')));
    retained[0].forEach((row, i) => row.forEach((value, c) => expect(retained[1][i][c]).toBeCloseTo(value, 4)));
    energy[0].forEach((row, i) => row.forEach((value, c) => expect(energy[1][i][c]).toBeCloseTo(value, 4)));
  });

  it('count quantised angles like Ising symbols', async () => {
    const ising = createStudyContextFixture(options);
    const entropy = STUDY_TESTS[4];
    const [isingResult, xyResult] = await Promise.all([ising, xyContext(ising)].map((context) => entropy.run(context)));
    expect(table(xyResult, 'entropy-block-1')).toEqual(table(isingResult, 'entropy-block-1'));
    // 8 bins give 8⁴ possible 2×2 patterns, more than the 40·64 windows of a point.
    expect(table(xyResult, 'entropy-block-2')[0][1]).toBeNull();
    expect(xyResult.scalars.angleBins).toBe(8);
  });
});
