import type { CoarsenOptions, RGScheme, SpinBatch } from '@rgae/core';
import { selectBlockKernels } from '../kernel/select-block-kernels.js';
import { validateBatch } from './validate-batch.js';

/**
 * Decimation: each b×b block keeps its top-left site, s′(X, Y) = s(bX, bY). It copies one stored value
 * per site, so it applies to every lattice in the [nSamples, L, L] layout.
 */
export const decimationScheme: RGScheme = {
  id: 'decimation',
  description: 'Any lattice: keep the top-left site of each b×b block',
  defaultBlockSize: 2,
  supports: () => true,

  coarsen(batch: SpinBatch, options: CoarsenOptions): SpinBatch {
    const shape = validateBatch('decimation', batch, options.blockSize, [Int8Array, Float32Array, Uint8Array]);
    const data = selectBlockKernels(options.kernels, shape).decimate(batch.data, shape);
    return { lattice: batch.lattice, linearSize: shape.linearSize / shape.blockSize, nSamples: shape.nSamples, data };
  },
};
