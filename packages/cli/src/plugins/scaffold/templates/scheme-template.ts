/** src/scheme.ts of a generated plugin: a decimation RG scheme for the example lattice. */
export function schemeTemplate(namespace: string): string {
  return `import { RgaeError, assertCoarsenable, type CoarsenOptions, type RGScheme, type SpinBatch } from '@rgae/core';
import { spinsModel } from './lattice.js';

/** Decimation: each b×b block keeps its top-left spin, so L becomes L/b. The scheme uses no randomness. */
function coarsen(batch: SpinBatch, options: CoarsenOptions): SpinBatch<Int8Array> {
  if (batch.lattice !== spinsModel.id || !(batch.data instanceof Int8Array)) {
    throw new RgaeError('INCOMPATIBLE', 'RG scheme "${namespace}/decimation" accepts "' + spinsModel.id + '" spins as Int8Array, received lattice "' + batch.lattice + '".');
  }
  const { linearSize, nSamples, data } = batch;
  const { blockSize } = options;
  assertCoarsenable(linearSize, blockSize, 1);

  const coarseSize = linearSize / blockSize;
  const coarse = new Int8Array(nSamples * coarseSize * coarseSize);
  for (let n = 0; n < nSamples; n++) {
    for (let y = 0; y < coarseSize; y++) {
      for (let x = 0; x < coarseSize; x++) {
        coarse[(n * coarseSize + y) * coarseSize + x] = data[n * linearSize * linearSize + y * blockSize * linearSize + x * blockSize];
      }
    }
  }
  return { lattice: batch.lattice, linearSize: coarseSize, nSamples, data: coarse };
}

export const decimationScheme: RGScheme = {
  id: '${namespace}/decimation',
  description: 'Keeps the top-left spin of every b×b block',
  defaultBlockSize: 2,
  supports: (lattice) => lattice === spinsModel.id,
  coarsen,
};
`;
}
