import { assertCoarsenable, invalidArgument, RgaeError, type SpinBatch } from '@rgae/core';
import type { BlockShape } from '../kernel/block-kernels.js';

type TypedArrayClass = typeof Int8Array | typeof Float32Array | typeof Uint8Array;

/**
 * Checks a batch before one coarse-graining step: the data is one of the accepted typed arrays with
 * nSamples·L² values, and L is divisible by b. Returns the block shape of the step.
 */
export function validateBatch(
  schemeId: string,
  batch: SpinBatch,
  blockSize: number,
  accepted: readonly TypedArrayClass[],
): BlockShape {
  const { linearSize, nSamples, data } = batch;
  if (!accepted.some((type) => data instanceof type)) {
    const names = accepted.map((type) => type.name).join(' or ');
    throw new RgaeError(
      'INCOMPATIBLE',
      `RG scheme "${schemeId}" expects "${batch.lattice}" spins as ${names}, received ${data.constructor.name}.`,
    );
  }
  if (!Number.isInteger(nSamples) || nSamples < 1 || !Number.isInteger(linearSize) || linearSize < 1) {
    throw invalidArgument(`Invalid batch shape: nSamples = ${nSamples}, L = ${linearSize}; expected positive integers.`);
  }
  if (data.length !== nSamples * linearSize * linearSize) {
    throw invalidArgument(
      `Invalid batch: the data contains ${data.length} values, but nSamples·L² = ${nSamples}·${linearSize}² = ` +
        `${nSamples * linearSize * linearSize}. Pass nSamples and L that match the data.`,
    );
  }

  assertCoarsenable(linearSize, blockSize, 1);
  return { nSamples, linearSize, blockSize };
}
