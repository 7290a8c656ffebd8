import { invalidArgument } from '../errors/rgae-error.js';
import type { SpinBatch } from '../lattice/spin-batch.js';
import type { Rng } from '../random/rng.js';
import type { KernelChoice } from '../compute/kernel-choice.js';

export interface CoarsenOptions {
  blockSize: number;
  /** Randomness for tie-breaks; schemes that need none ignore it. */
  rng: Rng;
  kernels?: KernelChoice;
  /** Scheme-specific options, e.g. `{ tieBreak: 'random' | 'top-left' }`. */
  [option: string]: unknown;
}

/** A real-space coarse-graining L → L/b of a batch of configurations. */
export interface RGScheme {
  readonly id: string;
  readonly description: string;
  readonly defaultBlockSize: number;
  /** True when this scheme can coarse-grain configurations of the given lattice model. */
  supports(lattice: string): boolean;
  coarsen(batch: SpinBatch, options: CoarsenOptions): SpinBatch;
}

/** Checks that L is divisible by b^k, so that k coarse-graining steps are possible. */
export function assertCoarsenable(linearSize: number, blockSize: number, levels: number): void {
  if (!Number.isInteger(levels) || levels < 1) {
    throw invalidArgument(`Invalid number of levels ${levels}: expected an integer ≥ 1.`);
  }
  if (!Number.isInteger(blockSize) || blockSize < 2) {
    throw invalidArgument(`Invalid block size b = ${blockSize}: expected an integer ≥ 2.`);
  }
  const divisor = blockSize ** levels;
  if (linearSize % divisor !== 0) {
    throw invalidArgument(
      `L = ${linearSize} is not divisible by b^k = ${blockSize}^${levels} = ${divisor}. ` +
        `Choose L as a multiple of ${divisor}${levels > 1 ? ' or use fewer levels' : ''}.`,
    );
  }
}
