import {
  binderCumulant,
  correlatedMean,
  invalidArgument,
  specificHeat,
  susceptibility,
  type Estimate,
  type LatticeModel,
  type ModelParameters,
  type Rng,
  type SpinBatch,
} from '@rgae/core';
import { bondSum, spinSum } from './configuration-sums.js';
import { isingCriticalTemperature } from './critical-temperature.js';
import { validateIsingParameters } from './validate-ising-parameters.js';

function createConfiguration(linearSize: number, rng: Rng, start: 'hot' | 'cold'): Int8Array {
  const nSites = linearSize * linearSize;
  const spins = new Int8Array(nSites).fill(1);
  if (start === 'cold') return spins;

  for (let i = 0; i < nSites; i += 32) {
    const bits = rng.nextUint32();
    const end = Math.min(32, nSites - i);
    for (let b = 0; b < end; b++) spins[i + b] = (bits >>> b) & 1 ? 1 : -1;
  }
  return spins;
}

/** e = H/N with H = −J·Σ⟨ij⟩ s_i s_j − h·Σ s_i, m = M/N and |m|, for N = L² sites. */
function measure(configuration: Int8Array, params: ModelParameters): Record<string, number> {
  const nSites = params.linearSize * params.linearSize;
  const magnetization = spinSum(configuration);
  const energy = -params.coupling * bondSum(configuration, params.linearSize) - params.field * magnetization;
  const m = magnetization / nSites;
  return { e: energy / nSites, m, absM: Math.abs(m) };
}

/**
 * Estimates with errors: e, m and |m| as means with the τ_int-corrected error; χ = βN(⟨m²⟩ − ⟨|m|⟩²)
 * (the |m| estimator, finite below T_c on a finite lattice); C = β²N(⟨e²⟩ − ⟨e⟩²); and the Binder cumulant
 * U4 = 1 − ⟨m⁴⟩ / (3⟨m²⟩²). χ, C and U4 carry jackknife errors over 20 blocks.
 */
function summarize(series: Record<string, Float64Array>, params: ModelParameters): Record<string, Estimate> {
  const nSites = params.linearSize * params.linearSize;
  for (const name of ['e', 'm']) {
    if (!series[name] || series[name].length < 2) {
      throw invalidArgument(`Ising summarize needs a series "${name}" of at least 2 measurements, received ${series[name]?.length ?? 'none'}.`);
    }
  }
  const absM = series.absM ?? Float64Array.from(series.m, Math.abs);
  return {
    e: correlatedMean(series.e),
    m: correlatedMean(series.m),
    absM: correlatedMean(absM),
    chi: susceptibility(series.m, params.beta, nSites),
    C: specificHeat(series.e, params.beta, nSites),
    U4: binderCumulant(series.m),
  };
}

function encode(batch: SpinBatch<Int8Array>): Float32Array {
  return Float32Array.from(batch.data);
}

/** Maps each network output to its sign: x > 0 → +1, x < 0 → −1, and an exact 0 (also −0) → +1. */
function decode(encoded: Float32Array, nSamples: number, linearSize: number): SpinBatch<Int8Array> {
  const expected = nSamples * linearSize * linearSize;
  if (encoded.length !== expected) {
    throw invalidArgument(
      `Ising decode received ${encoded.length} values, expected nSamples·L² = ${nSamples}·${linearSize}² = ${expected} (one channel).`,
    );
  }
  const data = new Int8Array(expected);
  for (let i = 0; i < expected; i++) {
    const value = encoded[i];
    if (Number.isNaN(value)) throw invalidArgument(`Ising decode received NaN at index ${i}; the network output is invalid.`);
    data[i] = value < 0 ? -1 : 1;
  }
  return { lattice: 'ising', linearSize, nSamples, data };
}

/**
 * The square-lattice Ising model with periodic boundaries, H = −J Σ⟨ij⟩ s_i s_j − h Σ s_i, spins ±1 stored as
 * Int8Array [L·L] row-major. Networks see one float32 channel holding the spin itself.
 */
export const isingModel: LatticeModel<Int8Array> = {
  id: 'ising',
  description: 'Square-lattice Ising model, spins ±1, periodic boundaries, H = −J Σ s_i s_j − h Σ s_i',
  dtype: 'int8',
  channels: 1,
  observables: ['e', 'm', 'absM'],
  spacingObservables: ['e', 'absM'],
  criticalTemperature: isingCriticalTemperature,
  validateParameters: validateIsingParameters,
  createConfiguration,
  measure,
  summarize,
  encode,
  decode,
};
