import type { SpinBatch } from '@rgae/core';
import { checkIsingBatch } from './check-ising-batch.js';

/**
 * Spin–spin correlation along the lattice axes, G(r) = ⟨s(x, y)·s(x + r, y)⟩ averaged with the y direction,
 * over all sites and all samples of the batch, for r = 0 … ⌊L/2⌋ (periodic, so G(r) = G(L − r)). This is the
 * full correlation, not the connected one: at h = 0 on a finite lattice ⟨s⟩ = 0 by symmetry, and below T_c
 * G(r) tends to m² at large r.
 */
export function spinCorrelation(batch: SpinBatch<Int8Array>): Float64Array {
  checkIsingBatch(batch, 'spinCorrelation');
  const { linearSize: size, nSamples, data } = batch;
  const nSites = size * size;
  const maxDistance = Math.floor(size / 2);
  const sums = new Float64Array(maxDistance + 1);

  for (let n = 0; n < nSamples; n++) {
    const offset = n * nSites;
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        const spin = data[offset + y * size + x];
        for (let r = 0; r <= maxDistance; r++) {
          const right = data[offset + y * size + ((x + r) % size)];
          const below = data[offset + ((y + r) % size) * size + x];
          sums[r] += spin * (right + below);
        }
      }
    }
  }
  return sums.map((sum) => sum / (2 * nSites * nSamples));
}
