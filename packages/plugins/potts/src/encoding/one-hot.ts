import { invalidArgument, type SpinBatch } from '@rgae/core';

/** Network encoding of Potts states: q one-hot channels per site, NHWC float32 [nSamples, L, L, q]. */
export function encodeOneHot(batch: SpinBatch<Uint8Array>, nStates: number): Float32Array {
  const { data } = batch;
  const encoded = new Float32Array(data.length * nStates);
  for (let i = 0; i < data.length; i++) {
    const state = data[i];
    if (state >= nStates) {
      throw invalidArgument(`Cannot encode state ${state} at index ${i} of a "${batch.lattice}" batch: states lie in 0…${nStates - 1}.`);
    }
    encoded[i * nStates + state] = 1;
  }
  return encoded;
}

/**
 * Maps network output [nSamples, L, L, q] back to states by argmax over the q channels. Equal maxima take
 * the lowest state, so the result does not depend on any random stream.
 */
export function decodeArgmax(lattice: string, nStates: number, encoded: Float32Array, nSamples: number, linearSize: number): SpinBatch<Uint8Array> {
  const nSites = nSamples * linearSize * linearSize;
  if (encoded.length !== nSites * nStates) {
    throw invalidArgument(
      `${lattice} decode received ${encoded.length} values, expected nSamples·L²·q = ${nSamples}·${linearSize}²·${nStates} = ${nSites * nStates}.`,
    );
  }

  const data = new Uint8Array(nSites);
  for (let site = 0; site < nSites; site++) {
    const offset = site * nStates;
    let best = 0;
    for (let a = 0; a < nStates; a++) {
      const value = encoded[offset + a];
      if (Number.isNaN(value)) throw invalidArgument(`${lattice} decode received NaN at index ${offset + a}; the network output is invalid.`);
      if (value > encoded[offset + best]) best = a;
    }
    data[site] = best;
  }
  return { lattice, linearSize, nSamples, data };
}
