import { Rng, invalidArgument } from '@rgae/core';

/** Indices of the training and validation samples. */
export interface DataSplit {
  train: Int32Array;
  validation: Int32Array;
}

/**
 * Splits sample indices 0…nSamples−1 into training and validation sets by a seeded shuffle, so every
 * model trained with the same seed gets the same split. Both sets keep ascending order.
 */
export function splitSamples(nSamples: number, validationFraction: number, seed: number): DataSplit {
  if (!(validationFraction > 0 && validationFraction < 1)) {
    throw invalidArgument(`Invalid validation fraction ${validationFraction}: expected a number strictly between 0 and 1, e.g. 0.2.`);
  }
  const nValidation = Math.round(nSamples * validationFraction);
  if (nValidation < 1 || nValidation >= nSamples) {
    throw invalidArgument(
      `Cannot split ${nSamples} samples with validation fraction ${validationFraction}: both sets need at least one sample. Provide more samples.`,
    );
  }

  const order = Int32Array.from({ length: nSamples }, (_, i) => i);
  Rng.create(seed, ['validation-split']).shuffle(order);
  return {
    train: order.slice(nValidation).sort(),
    validation: order.slice(0, nValidation).sort(),
  };
}

/** Returns the training indices in the seeded order of one epoch. */
export function epochOrder(indices: Int32Array, seed: number, stage: string, epoch: number): Int32Array {
  const order = indices.slice();
  Rng.create(seed, ['shuffle', stage, epoch]).shuffle(order);
  return order;
}
