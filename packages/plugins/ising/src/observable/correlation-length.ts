import { jackknife, type Estimate, type SpinBatch } from '@rgae/core';
import { checkIsingBatch } from './check-ising-batch.js';

/**
 * Per-sample structure factors χ(0) = M²/N and χ(k_min) = |Σ_j s_j e^{i k·r_j}|²/N, the latter averaged over
 * k_min = (2π/L, 0) and (0, 2π/L).
 */
function structureFactors(batch: SpinBatch<Int8Array>): { zero: Float64Array; lowest: Float64Array } {
  const { linearSize: size, nSamples, data } = batch;
  const nSites = size * size;
  const cos = Float64Array.from({ length: size }, (_, x) => Math.cos((2 * Math.PI * x) / size));
  const sin = Float64Array.from({ length: size }, (_, x) => Math.sin((2 * Math.PI * x) / size));
  const zero = new Float64Array(nSamples);
  const lowest = new Float64Array(nSamples);
  const rowSums = new Float64Array(size);
  const columnSums = new Float64Array(size);

  for (let n = 0; n < nSamples; n++) {
    rowSums.fill(0);
    columnSums.fill(0);
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        const spin = data[n * nSites + y * size + x];
        rowSums[y] += spin;
        columnSums[x] += spin;
      }
    }

    let magnetization = 0;
    let reX = 0;
    let imX = 0;
    let reY = 0;
    let imY = 0;
    for (let j = 0; j < size; j++) {
      magnetization += rowSums[j];
      reX += columnSums[j] * cos[j];
      imX += columnSums[j] * sin[j];
      reY += rowSums[j] * cos[j];
      imY += rowSums[j] * sin[j];
    }
    zero[n] = (magnetization * magnetization) / nSites;
    lowest[n] = (reX * reX + imX * imX + reY * reY + imY * imY) / (2 * nSites);
  }
  return { zero, lowest };
}

/**
 * Second-moment correlation length ξ₂ = √(χ(0)/χ(k_min) − 1) / (2 sin(π/L)) (F. Cooper, B. Freedman and
 * D. Preston, Nucl. Phys. B 210, 210 (1982)), with χ(0) and χ(k_min) averaged over the batch and a jackknife
 * error over up to 20 blocks of samples (error NaN for a single sample). A ratio below 1, possible from noise
 * near infinite temperature, gives ξ₂ = 0. In a fully ordered batch χ(k_min) vanishes up to rounding, so ξ₂
 * is huge or Infinity, and a batch with χ(0) = χ(k_min) = 0 gives NaN.
 */
export function secondMomentCorrelationLength(batch: SpinBatch<Int8Array>): Estimate {
  checkIsingBatch(batch, 'secondMomentCorrelationLength');
  const { zero, lowest } = structureFactors(batch);
  const scale = 1 / (2 * Math.sin(Math.PI / batch.linearSize));
  const length = ([chiZero, chiLowest]: number[]) => scale * Math.sqrt(Math.max(0, chiZero / chiLowest - 1));

  if (batch.nSamples === 1) return { mean: length([zero[0], lowest[0]]), error: NaN };
  return jackknife([zero, lowest], length, Math.min(20, batch.nSamples));
}
