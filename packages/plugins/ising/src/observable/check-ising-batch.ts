import { invalidArgument, type SpinBatch } from '@rgae/core';

/** Throws unless the batch contains nSamples ≥ 1 Int8Array configurations of L² spins. */
export function checkIsingBatch(batch: SpinBatch<Int8Array>, caller: string): void {
  const { linearSize, nSamples, data } = batch;
  if (!Number.isInteger(linearSize) || linearSize < 2 || !Number.isInteger(nSamples) || nSamples < 1) {
    throw invalidArgument(`${caller} needs L ≥ 2 and nSamples ≥ 1, received L = ${linearSize}, nSamples = ${nSamples}.`);
  }
  if (!(data instanceof Int8Array) || data.length !== nSamples * linearSize * linearSize) {
    throw invalidArgument(
      `${caller} needs Ising spins as an Int8Array of nSamples·L² = ${nSamples * linearSize * linearSize} values, ` +
        `received ${data?.constructor?.name ?? typeof data} of length ${data?.length ?? 'none'}.`,
    );
  }
}
