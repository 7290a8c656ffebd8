import { invalidArgument, type Estimate } from '@rgae/core';

/** Jackknife blocks used by the study tests: 20, or one per item when there are fewer items. */
export const DEFAULT_JACKKNIFE_BLOCKS = 20;

/**
 * Returns the half-open item range [start, end) of block `block` when `nItems` items are cut into `nBlocks` contiguous
 * blocks whose sizes differ by at most one, so that no item is dropped.
 */
export function blockRange(nItems: number, nBlocks: number, block: number): [number, number] {
  return [Math.floor((block * nItems) / nBlocks), Math.floor(((block + 1) * nItems) / nBlocks)];
}

/** Number of jackknife blocks for `nItems` items: at most `DEFAULT_JACKKNIFE_BLOCKS`, at most one per item. */
export function jackknifeBlockCount(nItems: number, maxBlocks = DEFAULT_JACKKNIFE_BLOCKS): number {
  return Math.max(0, Math.min(maxBlocks, nItems));
}

/**
 * Delete-one-block jackknife of a statistic θ. `evaluate(null)` computes θ on all items, `evaluate(b)` on all
 * items except block b. The estimate is θ(all) and its error sqrt((B−1)/B · Σ_b (θ_b − θ̄)²). The error is
 * NaN when there are fewer than 2 blocks or a left-out value is not finite.
 */
export function blockJackknife(nBlocks: number, evaluate: (leftOut: number | null) => number): Estimate {
  const [estimate] = blockJackknifeVector(nBlocks, (leftOut) => [evaluate(leftOut)]);
  return estimate;
}

/** `blockJackknife` for a statistic with several components computed together, one Estimate per component. */
export function blockJackknifeVector(nBlocks: number, evaluate: (leftOut: number | null) => ArrayLike<number>): Estimate[] {
  if (!Number.isInteger(nBlocks) || nBlocks < 0) {
    throw invalidArgument(`Invalid number of jackknife blocks ${nBlocks}: expected a non-negative integer.`);
  }
  const full = Array.from(evaluate(null));
  if (nBlocks < 2) return full.map((mean) => ({ mean, error: NaN }));

  const leftOut = Array.from({ length: nBlocks }, (_, block) => Array.from(evaluate(block)));
  return full.map((mean, component) => ({ mean, error: jackknifeError(leftOut.map((values) => values[component])) }));
}

function jackknifeError(values: number[]): number {
  if (!values.every(Number.isFinite)) return NaN;
  const n = values.length;
  const average = values.reduce((sum, value) => sum + value, 0) / n;
  const squares = values.reduce((sum, value) => sum + (value - average) ** 2, 0);
  return Math.sqrt(((n - 1) / n) * squares);
}

/** Mean of per-item values with its block-jackknife error (for a plain mean this is the binned standard error). */
export function meanWithError(values: ArrayLike<number>, maxBlocks = DEFAULT_JACKKNIFE_BLOCKS): Estimate {
  const n = values.length;
  if (n === 0) return { mean: NaN, error: NaN };

  let total = 0;
  for (let i = 0; i < n; i++) total += values[i];
  const nBlocks = jackknifeBlockCount(n, maxBlocks);
  return blockJackknife(nBlocks, (leftOut) => {
    if (leftOut === null) return total / n;
    const [start, end] = blockRange(n, nBlocks, leftOut);
    let removed = 0;
    for (let i = start; i < end; i++) removed += values[i];
    return (total - removed) / (n - (end - start));
  });
}

/**
 * Average of independent estimates (e.g. one per thermal point): the mean of the means, with the error
 * sqrt(Σ σ_i²)/n. NaN errors make the error NaN.
 */
export function averageOfEstimates(estimates: readonly Estimate[]): Estimate {
  const n = estimates.length;
  if (n === 0) return { mean: NaN, error: NaN };
  const mean = estimates.reduce((sum, e) => sum + e.mean, 0) / n;
  const error = Math.sqrt(estimates.reduce((sum, e) => sum + e.error ** 2, 0)) / n;
  return { mean, error };
}
