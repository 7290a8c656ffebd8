import { invalidArgument } from '../errors/rgae-error.js';

/** Result of a χ² goodness-of-fit test. */
export interface ChiSquareResult {
  /** Σ (O − E)² / E over the bins left after merging; Infinity when a bin of probability 0 was observed. */
  statistic: number;
  /** Number of bins after merging, minus one. */
  degreesOfFreedom: number;
  /** P(χ²_df ≥ statistic) = Q(df/2, statistic/2). */
  pValue: number;
  /** Bins after merging, before subtracting one. */
  nBins: number;
}

export interface ChiSquareOptions {
  /** Bins whose expected count is below this are pooled into one bin; default 5. */
  minExpected?: number;
}

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0, Lanczos approximation (g = 7, 9 terms), relative error about 1e-15. */
export function lnGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  const shifted = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i] / (shifted + i);
  const t = shifted + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (shifted + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** P(a, x) by its power series, which converges fast for x < a + 1. */
function lowerGammaSeries(a: number, x: number): number {
  let term = 1 / a;
  let sum = term;
  for (let n = 1; n < 10_000; n++) {
    term *= x / (a + n);
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * 1e-16) break;
  }
  return sum * Math.exp(-x + a * Math.log(x) - lnGamma(a));
}

/** Q(a, x) by its continued fraction (modified Lentz), which converges fast for x ≥ a + 1. */
function upperGammaFraction(a: number, x: number): number {
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let n = 1; n < 10_000; n++) {
    const an = -n * (n - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x + a * Math.log(x) - lnGamma(a)) * h;
}

/**
 * Computes the regularised upper incomplete gamma function Q(a, x) = Γ(a, x)/Γ(a), from the power series of
 * P = 1 − Q for x < a + 1 and from the continued fraction of Q otherwise, so that each converges fast.
 */
export function regularizedGammaQ(a: number, x: number): number {
  if (!(a > 0) || !(x >= 0)) throw invalidArgument(`regularizedGammaQ(${a}, ${x}) needs a > 0 and x ≥ 0.`);
  if (x === 0) return 1;
  if (x === Infinity) return 0;
  return x < a + 1 ? 1 - lowerGammaSeries(a, x) : upperGammaFraction(a, x);
}

function checkInputs(counts: ArrayLike<number>, probabilities: ArrayLike<number>): void {
  if (counts.length !== probabilities.length) {
    throw invalidArgument(`chiSquareTest needs one probability per bin: received ${counts.length} counts and ${probabilities.length} probabilities.`);
  }
  let total = 0;
  for (let i = 0; i < probabilities.length; i++) {
    const p = probabilities[i];
    const count = counts[i];
    if (!(p >= 0) || !Number.isFinite(p)) throw invalidArgument(`chiSquareTest: probability ${p} of bin ${i} is invalid; expected a finite number ≥ 0.`);
    if (!Number.isInteger(count) || count < 0) throw invalidArgument(`chiSquareTest: count ${count} of bin ${i} is invalid; expected an integer ≥ 0.`);
    total += p;
  }
  if (Math.abs(total - 1) > 1e-9) {
    throw invalidArgument(`chiSquareTest: probabilities sum to ${total}, expected 1. Normalise them or add the missing bins.`);
  }
}

/**
 * Pools the bins whose expected count is below `minExpected` into one bin. When that pool itself stays below
 * `minExpected`, it joins the smallest remaining bin. Returns (observed, expected) pairs.
 */
function mergeSmallBins(counts: ArrayLike<number>, expected: Float64Array, minExpected: number): Array<[number, number]> {
  const bins: Array<[number, number]> = [];
  let pooledObserved = 0;
  let pooledExpected = 0;
  for (let i = 0; i < expected.length; i++) {
    if (expected[i] >= minExpected) bins.push([counts[i], expected[i]]);
    else {
      pooledObserved += counts[i];
      pooledExpected += expected[i];
    }
  }
  if (pooledExpected === 0) return bins;
  if (pooledExpected >= minExpected || bins.length === 0) {
    bins.push([pooledObserved, pooledExpected]);
    return bins;
  }

  let smallest = 0;
  for (let b = 1; b < bins.length; b++) if (bins[b][1] < bins[smallest][1]) smallest = b;
  bins[smallest] = [bins[smallest][0] + pooledObserved, bins[smallest][1] + pooledExpected];
  return bins;
}

/**
 * Pearson's χ² goodness-of-fit test of observed counts against bin probabilities, with bins of small expected
 * count merged first. An observation in a bin of probability 0 gives statistic Infinity and p-value 0.
 * Throws when fewer than 2 bins remain after merging, because no test is possible then.
 */
export function chiSquareTest(counts: ArrayLike<number>, probabilities: ArrayLike<number>, options: ChiSquareOptions = {}): ChiSquareResult {
  checkInputs(counts, probabilities);
  const minExpected = options.minExpected ?? 5;
  let nObserved = 0;
  for (let i = 0; i < counts.length; i++) nObserved += counts[i];
  if (nObserved === 0) throw invalidArgument('chiSquareTest needs at least one observation; all counts are 0.');

  for (let i = 0; i < counts.length; i++) {
    if (probabilities[i] === 0 && counts[i] > 0) {
      return { statistic: Infinity, degreesOfFreedom: Math.max(1, counts.length - 1), pValue: 0, nBins: counts.length };
    }
  }

  const expected = Float64Array.from(probabilities, (p) => p * nObserved);
  const bins = mergeSmallBins(counts, expected, minExpected);
  if (bins.length < 2) {
    throw invalidArgument(`chiSquareTest needs at least 2 bins after merging bins with expected count < ${minExpected}, found ${bins.length}. Record more samples.`);
  }
  let statistic = 0;
  for (const [observed, expectedCount] of bins) statistic += (observed - expectedCount) ** 2 / expectedCount;
  const degreesOfFreedom = bins.length - 1;
  return { statistic, degreesOfFreedom, pValue: regularizedGammaQ(degreesOfFreedom / 2, statistic / 2), nBins: bins.length };
}
