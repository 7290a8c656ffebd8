/** A measured value with its one-standard-error uncertainty. */
export interface Estimate {
  mean: number;
  error: number;
  /** Integrated autocorrelation time of the underlying series, in units of its spacing, when measured. */
  tauInt?: number;
}

export type Series = ArrayLike<number>;

export function mean(series: Series): number {
  let sum = 0;
  for (let i = 0; i < series.length; i++) sum += series[i];
  return sum / series.length;
}

export function variance(series: Series): number {
  const m = mean(series);
  let sum = 0;
  for (let i = 0; i < series.length; i++) sum += (series[i] - m) ** 2;
  return sum / (series.length - 1);
}

/**
 * Averages consecutive blocks of `blockSize` entries; a trailing partial block is dropped.
 */
export function blockMeans(series: Series, blockSize: number): Float64Array {
  const nBlocks = Math.floor(series.length / blockSize);
  const out = new Float64Array(nBlocks);
  for (let b = 0; b < nBlocks; b++) {
    let sum = 0;
    for (let i = b * blockSize; i < (b + 1) * blockSize; i++) sum += series[i];
    out[b] = sum / blockSize;
  }
  return out;
}
