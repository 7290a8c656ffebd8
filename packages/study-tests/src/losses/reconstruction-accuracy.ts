import { invalidArgument, type SpinBatch } from '@rgae/core';

/**
 * Per-configuration reconstruction accuracy. For discrete spins (Int8Array, Uint8Array) it is the share of
 * sites whose reconstructed spin equals the original one. For angles (Float32Array, XY) it is the mean
 * overlap cos(θ_rec − θ_orig), which is 1 for a perfect reconstruction and 0 on average for a random one.
 */
export function reconstructionAccuracy(original: SpinBatch, reconstruction: SpinBatch): Float64Array {
  if (original.linearSize !== reconstruction.linearSize || original.nSamples !== reconstruction.nSamples) {
    throw invalidArgument(
      `Cannot compare a reconstruction of ${reconstruction.nSamples} × ${reconstruction.linearSize}² sites with ` +
        `${original.nSamples} × ${original.linearSize}² originals. Pass the reconstruction of these same configurations.`,
    );
  }
  const nSites = original.linearSize * original.linearSize;
  const angles = original.data instanceof Float32Array;
  const accuracy = new Float64Array(original.nSamples);

  for (let n = 0; n < original.nSamples; n++) {
    let sum = 0;
    for (let i = n * nSites; i < (n + 1) * nSites; i++) {
      if (angles) sum += Math.cos(reconstruction.data[i] - original.data[i]);
      else if (reconstruction.data[i] === original.data[i]) sum += 1;
    }
    accuracy[n] = sum / nSites;
  }
  return accuracy;
}
