import { invalidArgument, type CoarsenOptions, type RGScheme, type Rng, type SpinBatch } from '@rgae/core';
import { selectBlockKernels } from '../kernel/select-block-kernels.js';
import { assertLatticeAccepted } from './scheme-support.js';
import { validateBatch } from './validate-batch.js';

/** Rule that signs a block whose spins sum to zero, which happens for even b only. */
export type TieBreak = 'random' | 'top-left';

export const TIE_BREAKS: readonly TieBreak[] = ['random', 'top-left'];

const LATTICES = ['ising'];

/** Reads the `tieBreak` scheme option, `random` when absent. */
export function parseTieBreak(value: unknown): TieBreak {
  if (value === undefined) return 'random';
  if ((TIE_BREAKS as readonly unknown[]).includes(value)) return value as TieBreak;
  throw invalidArgument(`Invalid tieBreak ${JSON.stringify(value)} for the majority rule. Accepted values: ${TIE_BREAKS.join(', ')}.`);
}

/**
 * Majority rule s′ = sign(Σ_block s). A tie takes a fair random sign drawn from `rng` (one bit per
 * tie, blocks visited in storage order, so the same rng state gives the same output) or, with
 * `top-left`, the top-left spin of the block.
 */
function signsFromSums(sums: Float32Array, fine: Int8Array, linearSize: number, blockSize: number, tieBreak: TieBreak, rng: Rng): Int8Array {
  const coarseSize = linearSize / blockSize;
  const cells = coarseSize * coarseSize;
  const out = new Int8Array(sums.length);
  let bits = 0;
  let bitsLeft = 0;

  for (let k = 0; k < sums.length; k++) {
    const sum = sums[k];
    if (sum !== 0) {
      out[k] = sum > 0 ? 1 : -1;
    } else if (tieBreak === 'top-left') {
      const sample = Math.floor(k / cells);
      const rest = k - sample * cells;
      const row = Math.floor(rest / coarseSize);
      const column = rest - row * coarseSize;
      out[k] = fine[sample * linearSize * linearSize + row * blockSize * linearSize + column * blockSize];
    } else {
      if (bitsLeft === 0) {
        bits = rng.nextUint32();
        bitsLeft = 32;
      }
      out[k] = bits & 1 ? 1 : -1;
      bits >>>= 1;
      bitsLeft--;
    }
  }
  return out;
}

/** Majority rule on b×b blocks of Ising spins (±1, Int8Array). */
export const majorityScheme: RGScheme = {
  id: 'majority',
  description: 'Ising: sign of the b×b block sum. Ties (even b) take a seeded random sign or the top-left spin',
  defaultBlockSize: 2,
  supports: (lattice) => LATTICES.includes(lattice),

  coarsen(batch: SpinBatch, options: CoarsenOptions): SpinBatch<Int8Array> {
    assertLatticeAccepted('majority', batch.lattice, LATTICES);
    const shape = validateBatch('majority', batch, options.blockSize, [Int8Array]);
    const tieBreak = parseTieBreak(options.tieBreak);

    const fine = batch.data as Int8Array;
    const sums = selectBlockKernels(options.kernels, shape).blockSums(fine, shape);
    const data = signsFromSums(sums, fine, shape.linearSize, shape.blockSize, tieBreak, options.rng);
    return { lattice: batch.lattice, linearSize: shape.linearSize / shape.blockSize, nSamples: shape.nSamples, data };
  },
};
