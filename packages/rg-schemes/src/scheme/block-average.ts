import type { CoarsenOptions, RGScheme, SpinBatch } from '@rgae/core';
import type { BlockShape } from '../kernel/block-kernels.js';
import { selectBlockKernels } from '../kernel/select-block-kernels.js';
import { assertLatticeAccepted } from './scheme-support.js';
import { validateBatch } from './validate-batch.js';

const LATTICES = ['ising', 'xy'];
const TWO_PI = 2 * Math.PI;

/** Direction and length of the mean spin vector of every XY block. */
export interface XYBlockAverage {
  /** θ′ = atan2(Σ sin θ, Σ cos θ) in [0, 2π), an `xy` batch of side L/b. */
  direction: SpinBatch<Float32Array>;
  /** |Σ (cos θ, sin θ)| / b² in [0, 1], stored as [nSamples, L/b, L/b]. */
  length: Float32Array;
}

function coarseBatch<D extends Float32Array>(batch: SpinBatch, shape: BlockShape, data: D): SpinBatch<D> {
  return { lattice: batch.lattice, linearSize: shape.linearSize / shape.blockSize, nSamples: shape.nSamples, data };
}

/**
 * Ising block mean m′ = Σ_block s / b², real-valued in [−1, 1]. Input is ±1 spins or the block means
 * of a previous level, so repeated steps give the mean over b^k × b^k blocks.
 */
function isingBlockAverage(batch: SpinBatch, options: CoarsenOptions): SpinBatch<Float32Array> {
  const shape = validateBatch('block-average', batch, options.blockSize, [Int8Array, Float32Array]);
  const sums = selectBlockKernels(options.kernels, shape).blockSums(batch.data, shape);

  const area = shape.blockSize * shape.blockSize;
  for (let k = 0; k < sums.length; k++) sums[k] = Math.fround(sums[k] / area);
  return coarseBatch(batch, shape, sums);
}

/**
 * XY block average: the mean of the unit vectors (cos θ, sin θ) over each b×b block gives the
 * coarse direction and its length. The components are rounded to float32 before summing, so that
 * both kernel implementations add identical values. A block whose vectors cancel exactly gets θ′ = 0.
 */
export function xyBlockAverage(batch: SpinBatch, options: CoarsenOptions): XYBlockAverage {
  assertLatticeAccepted('block-average (direction and length)', batch.lattice, ['xy']);
  const shape = validateBatch('block-average', batch, options.blockSize, [Float32Array]);
  const angles = batch.data as Float32Array;

  const cosines = new Float32Array(angles.length);
  const sines = new Float32Array(angles.length);
  for (let i = 0; i < angles.length; i++) {
    cosines[i] = Math.cos(angles[i]);
    sines[i] = Math.sin(angles[i]);
  }
  const kernels = selectBlockKernels(options.kernels, shape);
  const sumCos = kernels.blockSums(cosines, shape);
  const sumSin = kernels.blockSums(sines, shape);

  const area = shape.blockSize * shape.blockSize;
  const direction = new Float32Array(sumCos.length);
  const length = new Float32Array(sumCos.length);
  for (let k = 0; k < sumCos.length; k++) {
    const theta = Math.atan2(sumSin[k], sumCos[k]);
    const wrapped = Math.fround(theta < 0 ? theta + TWO_PI : theta);
    // Rounding to float32 can lift an angle just below 2π to 2π itself, which is the direction 0.
    direction[k] = wrapped >= TWO_PI ? 0 : wrapped;
    length[k] = Math.hypot(sumCos[k], sumSin[k]) / area;
  }
  return { direction: coarseBatch(batch, shape, direction), length };
}

/**
 * Block average for two lattices, dispatched on `batch.lattice`. For `ising` it returns the real-valued
 * block mean (Float32Array, for network inputs). For `xy` it returns the direction of the mean spin
 * vector, and `xyBlockAverage` returns its length as well.
 */
export const blockAverageScheme: RGScheme = {
  id: 'block-average',
  description: 'Ising: real-valued b×b block mean (Float32Array). XY: direction of the mean spin vector of each block',
  defaultBlockSize: 2,
  supports: (lattice) => LATTICES.includes(lattice),

  coarsen(batch: SpinBatch, options: CoarsenOptions): SpinBatch<Float32Array> {
    assertLatticeAccepted('block-average', batch.lattice, LATTICES);
    if (batch.lattice === 'xy') return xyBlockAverage(batch, options).direction;
    return isingBlockAverage(batch, options);
  },
};
