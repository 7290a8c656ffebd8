import { invalidArgument, type LatticeModel, type ModelParameters, type Rng, type SpinBatch } from '@rgae/core';
import { decodeArgmax, encodeOneHot } from '../encoding/one-hot.js';
import { orderVectorSquared, pluralityOrderParameter } from '../observable/order-parameter.js';
import { summarizePotts } from '../observable/summarize-potts.js';
import { satisfiedBonds, stateCounts } from './configuration-sums.js';
import { pottsCriticalTemperature } from './critical-temperature.js';
import { validatePottsParameters } from './validate-potts-parameters.js';

/** Largest q: states are stored as Uint8Array. */
export const MAX_POTTS_STATES = 255;

/** A Potts lattice model; `nStates` is q. */
export interface PottsModel extends LatticeModel<Uint8Array> {
  readonly nStates: number;
}

export interface PottsModelOptions {
  /** Lattice id, e.g. `potts` or `my-plugin/potts5`. */
  id: string;
  /** Number of states q, from 2 to 255. */
  nStates: number;
}

function createConfiguration(nStates: number, linearSize: number, rng: Rng, start: 'hot' | 'cold'): Uint8Array {
  const states = new Uint8Array(linearSize * linearSize);
  if (start === 'cold') return states;

  for (let i = 0; i < states.length; i++) states[i] = rng.nextInt(nStates);
  return states;
}

/**
 * e = H/N with H = −J Σ⟨ij⟩ δ(s_i, s_j) − h Σ_i δ(s_i, 0); the plurality order parameter m; and the squared
 * order vector |m⃗|² that the cumulant U4 is built from.
 */
function measure(nStates: number, configuration: Uint8Array, params: ModelParameters): Record<string, number> {
  const nSites = params.linearSize * params.linearSize;
  const counts = stateCounts(configuration, nStates);
  // Starting from 0 keeps e = +0, not −0, for a configuration without satisfied bonds.
  const energy = 0 - params.coupling * satisfiedBonds(configuration, params.linearSize) - params.field * counts[0];
  return {
    e: energy / nSites,
    m: pluralityOrderParameter(counts, nSites),
    vectorM2: orderVectorSquared(counts, nSites),
  };
}

/**
 * Builds the square-lattice q-state Potts model with periodic boundaries, H = −J Σ⟨ij⟩ δ(s_i, s_j) −
 * h Σ_i δ(s_i, 0) (J > 0 ferromagnetic, the field h favours state 0), states 0…q−1 stored as Uint8Array
 * [L·L] row-major. Networks see q one-hot channels; decoding takes the argmax.
 */
export function createPottsModel(options: PottsModelOptions): PottsModel {
  const { id, nStates } = options;
  if (!Number.isInteger(nStates) || nStates < 2 || nStates > MAX_POTTS_STATES) {
    throw invalidArgument(`Invalid number of Potts states q = ${nStates} for lattice "${id}": expected an integer from 2 to ${MAX_POTTS_STATES}.`);
  }

  return {
    id,
    nStates,
    description: `Square-lattice ${nStates}-state Potts model, states 0…${nStates - 1}, periodic boundaries, H = −J Σ δ(s_i, s_j) − h Σ δ(s_i, 0)`,
    dtype: 'uint8',
    channels: nStates,
    observables: ['e', 'm', 'vectorM2'],
    spacingObservables: ['e', 'm'],
    criticalTemperature: (coupling) => pottsCriticalTemperature(nStates, coupling),
    validateParameters: (params) => validatePottsParameters(id, params),
    createConfiguration: (linearSize, rng, start) => createConfiguration(nStates, linearSize, rng, start),
    measure: (configuration, params) => measure(nStates, configuration, params),
    summarize: (series, params) => summarizePotts(nStates, series, params),
    encode: (batch: SpinBatch<Uint8Array>) => encodeOneHot(batch, nStates),
    decode: (encoded, nSamples, linearSize) => decodeArgmax(id, nStates, encoded, nSamples, linearSize),
  };
}
