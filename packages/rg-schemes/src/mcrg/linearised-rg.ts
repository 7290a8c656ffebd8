import { jackknife, type Estimate } from '@rgae/core';
import { leadingEigenvalue, solve, type SquareMatrix } from './linear-algebra.js';

/**
 * Per-sample series, centred on their means, from which the connected correlators of one level step
 * n → n+1 are jackknifed: each product of a coarse operator with a coarse or a fine one.
 */
interface CorrelatorSeries {
  size: number;
  /** ⟨S_a^(n+1) S_c^(n+1)⟩ for a ≤ c, then ⟨S_a^(n+1) S_b^(n)⟩, then ⟨S_a^(n+1)⟩, then ⟨S_b^(n)⟩. */
  series: Float64Array[];
}

function centred(series: Float64Array): Float64Array {
  let sum = 0;
  for (let i = 0; i < series.length; i++) sum += series[i];
  const average = sum / series.length;
  return series.map((value) => value - average);
}

function productSeries(a: Float64Array, b: Float64Array): Float64Array {
  return a.map((value, i) => value * b[i]);
}

function correlatorSeries(fine: readonly Float64Array[], coarse: readonly Float64Array[]): CorrelatorSeries {
  const size = coarse.length;
  const fineCentred = fine.map(centred);
  const coarseCentred = coarse.map(centred);
  const series: Float64Array[] = [];

  for (let a = 0; a < size; a++) {
    for (let c = a; c < size; c++) series.push(productSeries(coarseCentred[a], coarseCentred[c]));
  }
  for (let a = 0; a < size; a++) {
    for (let b = 0; b < size; b++) series.push(productSeries(coarseCentred[a], fineCentred[b]));
  }
  series.push(...coarseCentred, ...fineCentred);
  return { size, series };
}

/**
 * Builds T = U⁻¹ D from the means of the correlator series, where U_ac = ⟨S_a^(n+1) S_c^(n+1)⟩_c and
 * D_ab = ⟨S_a^(n+1) S_b^(n)⟩_c, and returns its leading eigenvalue (NaN when U is singular).
 */
function leadingEigenvalueFromMeans(means: number[], size: number): number {
  const upUp = new Float64Array(size * size);
  const downUp = new Float64Array(size * size);
  const coarseMean = (a: number) => means[size * (size + 1) / 2 + size * size + a];
  const fineMean = (b: number) => means[size * (size + 1) / 2 + size * size + size + b];

  let index = 0;
  for (let a = 0; a < size; a++) {
    for (let c = a; c < size; c++) {
      const value = means[index++] - coarseMean(a) * coarseMean(c);
      upUp[a * size + c] = value;
      upUp[c * size + a] = value;
    }
  }
  for (let a = 0; a < size; a++) {
    for (let b = 0; b < size; b++) downUp[a * size + b] = means[index++] - coarseMean(a) * fineMean(b);
  }

  const matrix: SquareMatrix | undefined = solve({ size, values: upUp }, { size, values: downUp });
  return matrix ? leadingEigenvalue(matrix) : NaN;
}

/**
 * Computes the eigenvalue exponent y = ln λ / ln b of the linearised RG transformation between two
 * levels by Swendsen's Monte Carlo RG (1979), in the form of T. Pang, "An Introduction to
 * Computational Physics", eqs. (12.59)–(12.65). With K^(n) the couplings of the operators S^(n),
 *   ∂⟨S_a^(n+1)⟩/∂K_b^(n) = Σ_c ∂⟨S_a^(n+1)⟩/∂K_c^(n+1) · T_cb,   T_cb = ∂K_c^(n+1)/∂K_b^(n).
 * The left side is D_ab = ⟨S_a^(n+1) S_b^(n)⟩ − ⟨S_a^(n+1)⟩⟨S_b^(n)⟩ and the first factor on the right
 * is U_ac = ⟨S_a^(n+1) S_c^(n+1)⟩ − ⟨S_a^(n+1)⟩⟨S_c^(n+1)⟩, so T = U⁻¹ D, and λ is the leading
 * eigenvalue of T. The error is a jackknife over `nBlocks` blocks of consecutive samples.
 */
export function eigenvalueExponent(
  fine: readonly Float64Array[],
  coarse: readonly Float64Array[],
  blockSize: number,
  nBlocks: number,
): Estimate {
  const { size, series } = correlatorSeries(fine, coarse);
  return jackknife(series, (means) => Math.log(leadingEigenvalueFromMeans(means, size)) / Math.log(blockSize), nBlocks);
}
