import { jackknife, type Estimate, type SpinBatch } from '@rgae/core';
import { checkXyBatch } from './check-xy-batch.js';

/**
 * Second-moment correlation length ξ₂ = sqrt(χ/F − 1) / (2 sin(π/L)), with χ = (1/N)⟨|Σ_i s_i|²⟩ and
 * F = (1/N)⟨|Σ_i s_i e^{ik·x_i}|²⟩ at the smallest non-zero momentum k = (2π/L, 0), averaged with k = (0, 2π/L);
 * s_i = (cos θ_i, sin θ_i). Reference: F. Cooper, B. Freedman and D. Preston, Nucl. Phys. B 210, 210 (1982).
 * Errors by jackknife over blocks of configurations, so they assume configurations spaced by at least 2τ_int.
 * For perfectly aligned spins F vanishes up to rounding and ξ₂ is huge or infinite. The result is NaN when the
 * sampled χ < F, which noise can cause at high temperature where ξ₂ is well below one lattice spacing.
 */
export function secondMomentCorrelationLength(batch: SpinBatch<Float32Array>): Estimate {
  checkXyBatch(batch, 'secondMomentCorrelationLength');
  const { linearSize, nSamples, data } = batch;
  const nSites = linearSize * linearSize;
  const zeroMomentum = new Float64Array(nSamples);
  const smallestMomentum = new Float64Array(nSamples);

  for (let n = 0; n < nSamples; n++) {
    const moments = structureFactors(data.subarray(n * nSites, (n + 1) * nSites), linearSize);
    zeroMomentum[n] = moments.zero / nSites;
    smallestMomentum[n] = moments.smallest / nSites;
  }

  const scale = 2 * Math.sin(Math.PI / linearSize);
  const length = ([chi, f]: number[]) => Math.sqrt(chi / f - 1) / scale;
  if (nSamples < 2) return { mean: length([zeroMomentum[0], smallestMomentum[0]]), error: NaN };
  return jackknife([zeroMomentum, smallestMomentum], length);
}

/**
 * |Σ_i s_i|² and the average over k = (2π/L, 0), (0, 2π/L) of |Σ_i s_i e^{ik·x_i}|² for one configuration,
 * where |v|² sums the squared moduli of both spin components.
 */
function structureFactors(angles: Float32Array, linearSize: number): { zero: number; smallest: number } {
  const wave = (2 * Math.PI) / linearSize;
  // Σ cos θ and Σ sin θ per column x and per row y.
  const columnCos = new Float64Array(linearSize);
  const columnSin = new Float64Array(linearSize);
  const rowCos = new Float64Array(linearSize);
  const rowSin = new Float64Array(linearSize);
  for (let y = 0; y < linearSize; y++) {
    for (let x = 0; x < linearSize; x++) {
      const angle = angles[y * linearSize + x];
      const cosine = Math.cos(angle);
      const sine = Math.sin(angle);
      columnCos[x] += cosine;
      columnSin[x] += sine;
      rowCos[y] += cosine;
      rowSin[y] += sine;
    }
  }

  let totalCos = 0;
  let totalSin = 0;
  for (let x = 0; x < linearSize; x++) {
    totalCos += columnCos[x];
    totalSin += columnSin[x];
  }
  const alongX = fourierPower(columnCos, wave) + fourierPower(columnSin, wave);
  const alongY = fourierPower(rowCos, wave) + fourierPower(rowSin, wave);
  return { zero: totalCos * totalCos + totalSin * totalSin, smallest: (alongX + alongY) / 2 };
}

/** |Σ_x values[x] e^{i·wave·x}|². */
function fourierPower(values: Float64Array, wave: number): number {
  let real = 0;
  let imaginary = 0;
  for (let x = 0; x < values.length; x++) {
    real += values[x] * Math.cos(wave * x);
    imaginary += values[x] * Math.sin(wave * x);
  }
  return real * real + imaginary * imaginary;
}
