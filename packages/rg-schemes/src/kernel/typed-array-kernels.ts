import type { SpinData } from '@rgae/core';
import { allocateLike, coarseLength, type BlockKernels, type BlockShape } from './block-kernels.js';

/**
 * Block sums of integer spins. Every partial sum is a small integer, which float32 represents exactly,
 * so plain accumulation equals the float32 accumulation of the gpu.js kernel.
 */
function integerBlockSums(data: Int8Array | Uint8Array, shape: BlockShape): Float32Array {
  const { nSamples, linearSize, blockSize } = shape;
  const coarseSize = linearSize / blockSize;
  const out = new Float32Array(coarseLength(shape));

  let target = 0;
  for (let n = 0; n < nSamples; n++) {
    const sampleOrigin = n * linearSize * linearSize;
    for (let row = 0; row < coarseSize; row++) {
      for (let column = 0; column < coarseSize; column++) {
        const origin = sampleOrigin + row * blockSize * linearSize + column * blockSize;
        let sum = 0;
        for (let j = 0; j < blockSize; j++) {
          const rowStart = origin + j * linearSize;
          for (let i = 0; i < blockSize; i++) sum += data[rowStart + i];
        }
        out[target++] = sum;
      }
    }
  }
  return out;
}

/** Block sums of real values, rounding every partial sum to float32 as the gpu.js kernel does. */
function floatBlockSums(data: Float32Array, shape: BlockShape): Float32Array {
  const { nSamples, linearSize, blockSize } = shape;
  const coarseSize = linearSize / blockSize;
  const out = new Float32Array(coarseLength(shape));

  let target = 0;
  for (let n = 0; n < nSamples; n++) {
    const sampleOrigin = n * linearSize * linearSize;
    for (let row = 0; row < coarseSize; row++) {
      for (let column = 0; column < coarseSize; column++) {
        const origin = sampleOrigin + row * blockSize * linearSize + column * blockSize;
        let sum = 0;
        for (let j = 0; j < blockSize; j++) {
          const rowStart = origin + j * linearSize;
          for (let i = 0; i < blockSize; i++) sum = Math.fround(sum + data[rowStart + i]);
        }
        out[target++] = sum;
      }
    }
  }
  return out;
}

function decimate<D extends SpinData>(data: D, shape: BlockShape): D {
  const { nSamples, linearSize, blockSize } = shape;
  const coarseSize = linearSize / blockSize;
  const out = allocateLike(data, coarseLength(shape));

  let target = 0;
  for (let n = 0; n < nSamples; n++) {
    const sampleOrigin = n * linearSize * linearSize;
    for (let row = 0; row < coarseSize; row++) {
      const rowOrigin = sampleOrigin + row * blockSize * linearSize;
      for (let column = 0; column < coarseSize; column++) out[target++] = data[rowOrigin + column * blockSize];
    }
  }
  return out;
}

/** Hand-written loops over typed arrays: the CPU default. */
export const typedArrayKernels: BlockKernels = {
  id: 'js',
  blockSums: (data, shape) => (data instanceof Float32Array ? floatBlockSums(data, shape) : integerBlockSums(data, shape)),
  decimate,
};
