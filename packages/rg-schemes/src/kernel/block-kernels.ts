import type { KernelImplementationId, SpinData } from '@rgae/core';

/** Geometry of one coarse-graining step over a batch stored as [nSamples, L, L]. */
export interface BlockShape {
  nSamples: number;
  linearSize: number;
  blockSize: number;
}

/**
 * The hot loops of block coarse-graining. Coarse site (X, Y) of sample n covers the fine sites
 * x ∈ [bX, bX + b), y ∈ [bY, bY + b), and the output is stored as [nSamples, L/b, L/b].
 */
export interface BlockKernels {
  readonly id: KernelImplementationId;
  /**
   * Sums each b×b block in float32, adding the sites in row-major order within the block. Both
   * implementations follow the same order, so their sums agree to the bit.
   */
  blockSums(data: SpinData, shape: BlockShape): Float32Array;
  /** Copies the top-left site value of each block into an array of the input's type. */
  decimate<D extends SpinData>(data: D, shape: BlockShape): D;
}

export function coarseLength(shape: BlockShape): number {
  const coarseSize = shape.linearSize / shape.blockSize;
  return shape.nSamples * coarseSize * coarseSize;
}

/** Allocates an empty array of the same typed-array class as `data`. */
export function allocateLike<D extends SpinData>(data: D, length: number): D {
  return new (data.constructor as new (length: number) => D)(length);
}
