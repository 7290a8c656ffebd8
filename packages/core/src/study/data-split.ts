import { invalidArgument } from '../errors/rgae-error.js';
import type { SpinBatch } from '../lattice/spin-batch.js';
import { Rng } from '../random/rng.js';

export interface DataSplit {
  train: Int32Array;
  validation: Int32Array;
  test: Int32Array;
}

/** Fractions of each ensemble used for training and validation; the rest is held out for the study tests. */
export const SPLIT_FRACTIONS = { train: 0.7, validation: 0.15 } as const;

/**
 * Splits sample indices 0…n−1 into train / validation / test by a seeded shuffle. Both models of a study
 * use the same split, and the study tests read only the held-out test part.
 */
export function splitIndices(nSamples: number, seed: number, key: string | number = 0): DataSplit {
  if (nSamples < 10) throw invalidArgument(`Cannot split ${nSamples} samples into train, validation and test sets: need at least 10.`);
  const order = Int32Array.from({ length: nSamples }, (_, i) => i);
  Rng.create(seed, ['split', key]).shuffle(order);

  const nTrain = Math.floor(nSamples * SPLIT_FRACTIONS.train);
  const nValidation = Math.max(1, Math.floor(nSamples * SPLIT_FRACTIONS.validation));
  const sorted = (part: Int32Array) => part.slice().sort();
  return {
    train: sorted(order.subarray(0, nTrain)),
    validation: sorted(order.subarray(nTrain, nTrain + nValidation)),
    test: sorted(order.subarray(nTrain + nValidation)),
  };
}

/** Copies the listed samples of a batch into a new batch. */
export function selectSamples<B extends SpinBatch>(batch: B, indices: ArrayLike<number>): B {
  const size = batch.linearSize * batch.linearSize;
  const data = new (batch.data.constructor as new (n: number) => B['data'])(indices.length * size);
  for (let i = 0; i < indices.length; i++) {
    data.set(batch.data.subarray(indices[i] * size, (indices[i] + 1) * size), i * size);
  }
  return { ...batch, nSamples: indices.length, data };
}
