import type { Measurement, ModelParameters } from '@rgae/core';
import { wrapDifference } from './angles.js';

/** Names of the per-configuration observables that `measureXy` returns, in a stable order. */
export const XY_OBSERVABLES = ['e', 'mx', 'my', 'absM', 'cosSumX', 'sinSumX', 'cosSumY', 'sinSumY', 'vortexDensity'] as const;

/**
 * Measures one XY configuration of angles θ_i (row-major, site i = y·L + x), periodic boundaries.
 *
 * - `e` = H/N with H = −J Σ_i [cos(θ_i − θ_{i+x̂}) + cos(θ_i − θ_{i+ŷ})] − h Σ_i cos θ_i;
 * - `mx`, `my` = (1/N) Σ_i (cos θ_i, sin θ_i), and `absM` = |m|;
 * - `cosSumX` = Σ_i cos(θ_i − θ_{i+x̂}) and `sinSumX` = Σ_i sin(θ_i − θ_{i+x̂}) (extensive sums, not per site),
 *   `cosSumY` and `sinSumY` the same along ŷ: the inputs of the helicity modulus;
 * - `vortexDensity` = (1/N) Σ_p |w_p|, where the winding number of plaquette p is
 *   w_p = (1/2π) Σ_{counter-clockwise edges} wrap(θ_head − θ_tail), each difference wrapped into (−π, π].
 *   It counts vortices and antivortices per site.
 */
export function measureXy(configuration: Float32Array, params: ModelParameters): Measurement {
  const { linearSize, coupling, field } = params;
  const nSites = linearSize * linearSize;
  const cosines = new Float64Array(nSites);
  const sines = new Float64Array(nSites);
  let sumCos = 0;
  let sumSin = 0;
  for (let i = 0; i < nSites; i++) {
    cosines[i] = Math.cos(configuration[i]);
    sines[i] = Math.sin(configuration[i]);
    sumCos += cosines[i];
    sumSin += sines[i];
  }

  const bonds = bondSums(cosines, sines, linearSize);
  const energy = -coupling * (bonds.cosSumX + bonds.cosSumY) - field * sumCos;
  const mx = sumCos / nSites;
  const my = sumSin / nSites;
  return {
    e: energy / nSites,
    mx,
    my,
    absM: Math.hypot(mx, my),
    ...bonds,
    vortexDensity: countVortices(configuration, linearSize) / nSites,
  };
}

/** Σ_i cos and sin of θ_i − θ_{i+μ̂} for μ = x, y, from cached cos θ and sin θ (angle-difference identities). */
function bondSums(cosines: Float64Array, sines: Float64Array, linearSize: number) {
  let cosSumX = 0;
  let sinSumX = 0;
  let cosSumY = 0;
  let sinSumY = 0;
  for (let y = 0; y < linearSize; y++) {
    const row = y * linearSize;
    const rowBelow = ((y + 1) % linearSize) * linearSize;
    for (let x = 0; x < linearSize; x++) {
      const i = row + x;
      const right = row + ((x + 1) % linearSize);
      const below = rowBelow + x;
      cosSumX += cosines[i] * cosines[right] + sines[i] * sines[right];
      sinSumX += sines[i] * cosines[right] - cosines[i] * sines[right];
      cosSumY += cosines[i] * cosines[below] + sines[i] * sines[below];
      sinSumY += sines[i] * cosines[below] - cosines[i] * sines[below];
    }
  }
  return { cosSumX, sinSumX, cosSumY, sinSumY };
}

/** Σ_p |w_p| over the L² plaquettes (x, y) → (x+1, y) → (x+1, y+1) → (x, y+1). */
function countVortices(configuration: Float32Array, linearSize: number): number {
  let total = 0;
  for (let y = 0; y < linearSize; y++) {
    const y1 = (y + 1) % linearSize;
    for (let x = 0; x < linearSize; x++) {
      const x1 = (x + 1) % linearSize;
      const a = configuration[y * linearSize + x];
      const b = configuration[y * linearSize + x1];
      const c = configuration[y1 * linearSize + x1];
      const d = configuration[y1 * linearSize + x];
      const circulation = wrapDifference(b - a) + wrapDifference(c - b) + wrapDifference(d - c) + wrapDifference(a - d);
      total += Math.abs(Math.round(circulation / (2 * Math.PI)));
    }
  }
  return total;
}
