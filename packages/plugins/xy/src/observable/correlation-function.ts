import { binnedMean, type Estimate, type SpinBatch } from '@rgae/core';
import { checkXyBatch } from './check-xy-batch.js';

/**
 * Spin-spin correlation function along the lattice axes, G(r) = ⟨cos(θ_i − θ_{i+r·μ̂})⟩ for r = 0 … ⌊L/2⌋,
 * averaged over sites i, both axes μ = x, y and the configurations of the batch. Errors come from binning
 * the per-configuration averages (NaN for a single configuration), so they assume configurations spaced by
 * at least 2τ_int, as `generateEnsemble` stores them.
 */
export function correlationFunction(batch: SpinBatch<Float32Array>): Estimate[] {
  checkXyBatch(batch, 'correlationFunction');
  const { linearSize, nSamples, data } = batch;
  const nSites = linearSize * linearSize;
  const maxDistance = Math.floor(linearSize / 2);
  const perSample = Array.from({ length: maxDistance + 1 }, () => new Float64Array(nSamples));

  for (let n = 0; n < nSamples; n++) {
    const angles = data.subarray(n * nSites, (n + 1) * nSites);
    for (let r = 0; r <= maxDistance; r++) perSample[r][n] = axialCorrelation(angles, linearSize, r);
  }
  return perSample.map((values) => (nSamples >= 2 ? binnedMean(values) : { mean: values[0], error: NaN }));
}

/** (1/2N) Σ_i [cos(θ_i − θ_{i+r·x̂}) + cos(θ_i − θ_{i+r·ŷ})] for one configuration. */
function axialCorrelation(angles: Float32Array, linearSize: number, distance: number): number {
  let sum = 0;
  for (let y = 0; y < linearSize; y++) {
    const shiftedRow = ((y + distance) % linearSize) * linearSize;
    for (let x = 0; x < linearSize; x++) {
      const angle = angles[y * linearSize + x];
      sum += Math.cos(angle - angles[y * linearSize + ((x + distance) % linearSize)]);
      sum += Math.cos(angle - angles[shiftedRow + x]);
    }
  }
  return sum / (2 * linearSize * linearSize);
}
