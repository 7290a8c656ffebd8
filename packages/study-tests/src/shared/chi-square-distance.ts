import type { Estimate } from '@rgae/core';

/**
 * Mean squared distance between two curves sampled at the same points, in units of their errors:
 * χ²/point = (1/P) Σ_p (a_p − b_p)² / (σ_a,p² + σ_b,p²). The errors are treated as independent. A point where
 * both errors are zero adds 0 when the means agree and makes the result Infinity otherwise. A NaN mean or
 * error makes the result NaN.
 */
export function chiSquareDistance(a: readonly Estimate[], b: readonly Estimate[]): number {
  let sum = 0;
  for (let p = 0; p < a.length; p++) {
    const difference = a[p].mean - b[p].mean;
    const variance = a[p].error ** 2 + b[p].error ** 2;
    if (Number.isNaN(difference) || Number.isNaN(variance)) return NaN;
    if (variance > 0) sum += difference ** 2 / variance;
    else if (difference !== 0) return Infinity;
  }
  return a.length === 0 ? NaN : sum / a.length;
}
