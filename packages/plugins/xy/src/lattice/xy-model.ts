import { invalidArgument, type LatticeModel, type Rng, type SpinBatch } from '@rgae/core';
import { isValidAngleArray, wrapAngle } from './angles.js';
import { XY_OBSERVABLES, measureXy } from './measure-xy.js';
import { summarizeXy } from './summarize-xy.js';

/**
 * BKT temperature of the square-lattice XY model in units of J, T_BKT = 0.8929·J, from β_BKT = 1.1199 in
 * M. Hasenbusch, "The two-dimensional XY model at the transition temperature: a high-precision Monte Carlo
 * study", J. Phys. A 38, 5869 (2005).
 */
export const BKT_TEMPERATURE_PER_COUPLING = 0.8929;

/**
 * The 2D XY (plane rotator) model: an angle θ_i ∈ [0, 2π) per site of an L×L square lattice with periodic
 * boundaries, H = −J Σ⟨ij⟩ cos(θ_i − θ_j) − h Σ_i cos θ_i (field along x), k_B = 1. Configurations are
 * Float32Array [L·L], site (x, y) at index y·L + x. Networks see two channels (cos θ, sin θ), NHWC.
 */
export const xyModel: LatticeModel<Float32Array> & { isValidConfiguration(configuration: Float32Array): boolean } = {
  id: 'xy',
  description: '2D XY model: plane rotators θ ∈ [0, 2π) on a periodic square lattice, H = −J Σ cos(θ_i − θ_j) − h Σ cos θ_i',
  dtype: 'float32',
  channels: 2,
  observables: XY_OBSERVABLES,
  spacingObservables: ['e', 'absM'],

  /** Returns the BKT temperature 0.8929·J, or undefined for J ≤ 0. The XY model has no order-disorder critical point. */
  criticalTemperature: (coupling) => (coupling > 0 ? BKT_TEMPERATURE_PER_COUPLING * coupling : undefined),

  createConfiguration(linearSize: number, rng: Rng, start: 'hot' | 'cold'): Float32Array {
    if (!Number.isInteger(linearSize) || linearSize < 2) {
      throw invalidArgument(`Invalid linear size L = ${linearSize}: expected an integer ≥ 2.`);
    }
    const configuration = new Float32Array(linearSize * linearSize);
    if (start === 'hot') {
      for (let i = 0; i < configuration.length; i++) configuration[i] = wrapAngle(2 * Math.PI * rng.nextFloat());
    }
    return configuration;
  },

  measure: measureXy,
  summarize: summarizeXy,
  encode: encodeAngles,
  decode: decodeAngles,

  /** True when the configuration holds only finite angles in [0, 2π). */
  isValidConfiguration: isValidAngleArray,
};

/** Encodes angles as NHWC float32 [nSamples, L, L, 2] with channel 0 = cos θ and channel 1 = sin θ. */
function encodeAngles(batch: SpinBatch<Float32Array>): Float32Array {
  const { data } = batch;
  const out = new Float32Array(data.length * 2);
  for (let i = 0; i < data.length; i++) {
    out[2 * i] = Math.cos(data[i]);
    out[2 * i + 1] = Math.sin(data[i]);
  }
  return out;
}

/**
 * Decodes a network output [nSamples, L, L, 2] to angles θ = atan2(channel 1, channel 0) in [0, 2π).
 * The vector need not be normalised; a zero vector decodes to θ = 0.
 */
function decodeAngles(encoded: Float32Array, nSamples: number, linearSize: number): SpinBatch<Float32Array> {
  const nValues = nSamples * linearSize * linearSize;
  if (!Number.isInteger(nSamples) || nSamples < 1 || !Number.isInteger(linearSize) || linearSize < 1) {
    throw invalidArgument(`Invalid decode shape: nSamples = ${nSamples}, L = ${linearSize}; expected positive integers.`);
  }
  if (encoded.length !== 2 * nValues) {
    throw invalidArgument(
      `XY decode expected ${2 * nValues} values ([${nSamples}, ${linearSize}, ${linearSize}, 2] as cos θ, sin θ), ` +
        `received ${encoded.length}. Pass the output of a two-channel network.`,
    );
  }

  const data = new Float32Array(nValues);
  for (let i = 0; i < nValues; i++) {
    const cosine = encoded[2 * i];
    const sine = encoded[2 * i + 1];
    if (!Number.isFinite(cosine) || !Number.isFinite(sine)) {
      throw invalidArgument(`XY decode received a non-finite value (${cosine}, ${sine}) at site ${i}. Check the network output for NaN or overflow.`);
    }
    data[i] = wrapAngle(Math.atan2(sine, cosine));
  }
  return { lattice: 'xy', linearSize, nSamples, data };
}
