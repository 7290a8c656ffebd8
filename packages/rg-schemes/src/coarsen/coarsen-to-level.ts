import { assertCoarsenable, type CoarsenOptions, type KernelChoice, type RGScheme, type Rng, type SpinBatch } from '@rgae/core';
import { BUILTIN_SCHEMES } from '../scheme/builtin-schemes.js';
import { assertSchemeSupports } from '../scheme/scheme-support.js';

/** `CoarsenOptions` plus the number of steps. Scheme-specific options such as `tieBreak` reach every step. */
export interface CoarsenToLevelOptions {
  /** Block size b, the scheme's default when absent. */
  blockSize?: number;
  /** Number of steps k ≥ 1, giving side L/b^k. */
  level: number;
  /** Randomness for tie-breaks, shared by the steps in order. */
  rng: Rng;
  kernels?: KernelChoice;
  /** Schemes listed in the error for an unsupported lattice, the built-in schemes when absent. */
  schemes?: readonly RGScheme[];
  [option: string]: unknown;
}

/**
 * Applies `scheme` k times, L → L/b → … → L/b^k, and returns every level [L/b, …, L/b^k]. The same
 * `rng` is passed to each step in turn, so the result equals k single `coarsen` calls that share one
 * generator.
 */
export function coarsenLevels(scheme: RGScheme, batch: SpinBatch, options: CoarsenToLevelOptions): SpinBatch[] {
  const { level, schemes = BUILTIN_SCHEMES, ...rest } = options;
  const blockSize = options.blockSize ?? scheme.defaultBlockSize;
  assertSchemeSupports(scheme, batch.lattice, schemes);
  assertCoarsenable(batch.linearSize, blockSize, level);

  const stepOptions: CoarsenOptions = { ...rest, blockSize };
  const levels: SpinBatch[] = [];
  let current = batch;
  for (let k = 1; k <= level; k++) {
    current = scheme.coarsen(current, stepOptions);
    levels.push(current);
  }
  return levels;
}

/** Applies `scheme` k times and returns the batch of side L/b^k (see `coarsenLevels`). */
export function coarsenToLevel(scheme: RGScheme, batch: SpinBatch, options: CoarsenToLevelOptions): SpinBatch {
  const levels = coarsenLevels(scheme, batch, options);
  return levels[levels.length - 1];
}
