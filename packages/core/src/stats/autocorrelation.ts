import { invalidArgument } from '../errors/rgae-error.js';
import { mean, type Series } from './estimate.js';

/** In-place iterative radix-2 FFT; `re` and `im` have the same power-of-two length. */
function fft(re: Float64Array, im: Float64Array, inverse: boolean): void {
  const n = re.length;
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      [re[i], re[j]] = [re[j], re[i]];
      [im[i], im[j]] = [im[j], im[i]];
    }
  }

  for (let size = 2; size <= n; size <<= 1) {
    const angle = ((inverse ? 2 : -2) * Math.PI) / size;
    const wRe = Math.cos(angle);
    const wIm = Math.sin(angle);
    for (let start = 0; start < n; start += size) {
      let curRe = 1;
      let curIm = 0;
      for (let k = 0; k < size / 2; k++) {
        const a = start + k;
        const b = a + size / 2;
        const tRe = re[b] * curRe - im[b] * curIm;
        const tIm = re[b] * curIm + im[b] * curRe;
        re[b] = re[a] - tRe;
        im[b] = im[a] - tIm;
        re[a] += tRe;
        im[a] += tIm;
        const nextRe = curRe * wRe - curIm * wIm;
        curIm = curRe * wIm + curIm * wRe;
        curRe = nextRe;
      }
    }
  }
}

/** Normalised autocorrelation function ρ(t) for t = 0 … n−1, computed by FFT in O(n log n). */
export function autocorrelation(series: Series): Float64Array {
  const n = series.length;
  const m = mean(series);
  let size = 1;
  while (size < 2 * n) size <<= 1;

  const re = new Float64Array(size);
  const im = new Float64Array(size);
  for (let i = 0; i < n; i++) re[i] = series[i] - m;
  fft(re, im, false);
  for (let i = 0; i < size; i++) {
    re[i] = re[i] * re[i] + im[i] * im[i];
    im[i] = 0;
  }
  fft(re, im, true);

  const rho = new Float64Array(n);
  const c0 = re[0];
  if (c0 > 0) {
    for (let t = 0; t < n; t++) rho[t] = re[t] / c0;
  } else {
    // A constant series has no fluctuations: ρ(0) = 1 by definition and no correlation beyond.
    rho[0] = 1;
  }
  return rho;
}

export interface AutocorrelationTime {
  /** τ_int = 1/2 + Σ_{t=1}^{W} ρ(t), in units of the series spacing. */
  tauInt: number;
  /** Statistical error of τ_int, Madras–Sokal: τ·sqrt(2(2W+1)/n). */
  error: number;
  /** Summation window W chosen by the automatic criterion. */
  window: number;
  /** False when the window reached n/4 before the criterion was met: the series is too short. */
  reliable: boolean;
}

/**
 * Integrated autocorrelation time with Sokal's automatic window: the smallest W with W ≥ c·τ_int(W).
 * A constant series has τ_int = 1/2. Reference: A. Sokal, "Monte Carlo methods in statistical mechanics:
 * foundations and new algorithms" (1996), section 3.
 */
export function integratedAutocorrelationTime(series: Series, c = 5): AutocorrelationTime {
  const n = series.length;
  if (n < 4) throw invalidArgument(`Autocorrelation time needs at least 4 measurements, received ${n}.`);
  const rho = autocorrelation(series);

  let tau = 0.5;
  const maxWindow = Math.floor(n / 4);
  for (let w = 1; w <= maxWindow; w++) {
    tau += rho[w];
    if (w >= c * tau) {
      return { tauInt: Math.max(tau, 0.5), error: Math.max(tau, 0.5) * Math.sqrt((2 * (2 * w + 1)) / n), window: w, reliable: true };
    }
  }
  const tauEnd = Math.max(tau, 0.5);
  return { tauInt: tauEnd, error: tauEnd * Math.sqrt((2 * (2 * maxWindow + 1)) / n), window: maxWindow, reliable: false };
}
