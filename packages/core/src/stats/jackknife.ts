import { invalidArgument } from '../errors/rgae-error.js';
import { blockMeans, mean, type Estimate, type Series } from './estimate.js';

/**
 * Jackknife estimate of `f(⟨x₁⟩, ⟨x₂⟩, …)` from several aligned series. The series are cut into
 * `nBlocks` blocks (each block should be longer than the autocorrelation time), f is evaluated on the
 * leave-one-block-out means, and the error is sqrt((n−1)/n · Σ(f_i − f̄)²). The returned mean is the
 * bias-corrected n·f(all) − (n−1)·f̄.
 */
export function jackknife(series: readonly Series[], f: (means: number[]) => number, nBlocks = 20): Estimate {
  if (series.length === 0) throw invalidArgument('jackknife needs at least one series.');
  const length = series[0].length;
  for (const s of series) {
    if (s.length !== length) throw invalidArgument(`jackknife series lengths differ: ${length} and ${s.length}.`);
  }
  const blocks = Math.min(nBlocks, length);
  if (blocks < 2) throw invalidArgument(`jackknife needs at least 2 measurements, received ${length}.`);

  const blockSize = Math.floor(length / blocks);
  const perSeriesBlocks = series.map((s) => blockMeans(s, blockSize).subarray(0, blocks));
  const totals = perSeriesBlocks.map((b) => b.reduce((acc, x) => acc + x, 0));
  const full = f(totals.map((t) => t / blocks));

  const leaveOneOut = new Float64Array(blocks);
  for (let b = 0; b < blocks; b++) {
    leaveOneOut[b] = f(perSeriesBlocks.map((blockValues, k) => (totals[k] - blockValues[b]) / (blocks - 1)));
  }
  const average = mean(leaveOneOut);
  let sum = 0;
  for (let b = 0; b < blocks; b++) sum += (leaveOneOut[b] - average) ** 2;

  return { mean: blocks * full - (blocks - 1) * average, error: Math.sqrt(((blocks - 1) / blocks) * sum) };
}

/** Mean with the error from binning into `nBlocks` blocks (equivalent to the jackknife of the identity). */
export function binnedMean(series: Series, nBlocks = 20): Estimate {
  return jackknife([series], (m) => m[0], nBlocks);
}
