import { Rng, type SpinBatch } from '@rgae/core';

/** Independent uniformly random ±1 configurations (infinite temperature). */
export function randomIsingBatch(nSamples: number, linearSize: number, seed: number): SpinBatch<Int8Array> {
  const rng = Rng.create(seed, ['random-ising', linearSize]);
  const data = new Int8Array(nSamples * linearSize * linearSize);
  for (let i = 0; i < data.length; i++) data[i] = rng.nextUint32() & 1 ? 1 : -1;
  return { lattice: 'ising', linearSize, nSamples, data };
}

/** Independent uniformly random XY angles in [0, 2π). */
export function randomXYBatch(nSamples: number, linearSize: number, seed: number): SpinBatch<Float32Array> {
  const rng = Rng.create(seed, ['random-xy', linearSize]);
  const data = new Float32Array(nSamples * linearSize * linearSize);
  for (let i = 0; i < data.length; i++) data[i] = Math.fround(2 * Math.PI * rng.nextFloat()) % Math.fround(2 * Math.PI);
  return { lattice: 'xy', linearSize, nSamples, data };
}

/** Configurations with `value(x, y)` at site (x, y), the same in every sample. */
export function isingBatchOf(nSamples: number, linearSize: number, value: (x: number, y: number) => number): SpinBatch<Int8Array> {
  const data = new Int8Array(nSamples * linearSize * linearSize);
  for (let n = 0; n < nSamples; n++) {
    for (let y = 0; y < linearSize; y++) {
      for (let x = 0; x < linearSize; x++) data[n * linearSize * linearSize + y * linearSize + x] = value(x, y);
    }
  }
  return { lattice: 'ising', linearSize, nSamples, data };
}
