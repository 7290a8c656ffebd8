import { invalidArgument, type SpinBatch } from '@rgae/core';

/** Rejects a batch that is not a non-empty batch of XY angles. */
export function checkXyBatch(batch: SpinBatch<Float32Array>, caller: string): void {
  const { linearSize, nSamples, data } = batch;
  if (!(data instanceof Float32Array)) {
    throw invalidArgument(`${caller} needs XY angles as a Float32Array, received ${describeValue(data)}. Pass a batch of the "xy" lattice.`);
  }
  if (!Number.isInteger(linearSize) || linearSize < 2 || !Number.isInteger(nSamples) || nSamples < 1) {
    throw invalidArgument(`${caller} needs L ≥ 2 and nSamples ≥ 1, received L = ${linearSize}, nSamples = ${nSamples}.`);
  }
  if (data.length !== nSamples * linearSize * linearSize) {
    throw invalidArgument(
      `${caller}: invalid batch shape, ${data.length} angles for nSamples·L² = ${nSamples * linearSize * linearSize}. Check nSamples and linearSize.`,
    );
  }
}

function describeValue(value: unknown): string {
  return (value as { constructor?: { name?: string } } | undefined)?.constructor?.name ?? String(value);
}
