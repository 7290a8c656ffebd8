import { integratedAutocorrelationTime } from './autocorrelation.js';
import { mean, type Estimate, type Series } from './estimate.js';
import { jackknife } from './jackknife.js';

/**
 * Mean of a correlated series with its error σ·sqrt(2τ_int/n), τ_int from the automatic window.
 */
export function correlatedMean(series: Series): Estimate {
  const n = series.length;
  const m = mean(series);
  if (n < 4) return { mean: m, error: NaN };
  let sum = 0;
  for (let i = 0; i < n; i++) sum += (series[i] - m) ** 2;
  const sampleVariance = sum / (n - 1);
  const { tauInt } = integratedAutocorrelationTime(series);
  return { mean: m, error: Math.sqrt((2 * tauInt * sampleVariance) / n), tauInt };
}

/**
 * Magnetic susceptibility per site, χ = βN(⟨m²⟩ − ⟨|m|⟩²). This is the finite-lattice estimator built
 * on |m| (the ⟨m⟩ = 0 symmetric estimator βN⟨m²⟩ diverges with N below T_c); errors by jackknife.
 */
export function susceptibility(m: Series, beta: number, nSites: number, nBlocks = 20): Estimate {
  const abs = Array.from(m, Math.abs);
  const sq = Array.from(m, (x) => x * x);
  return jackknife([abs, sq], ([a, s]) => beta * nSites * (s - a * a), nBlocks);
}

/** Specific heat per site, C = β²N(⟨e²⟩ − ⟨e⟩²), e the energy per site; errors by jackknife. */
export function specificHeat(e: Series, beta: number, nSites: number, nBlocks = 20): Estimate {
  const sq = Array.from(e, (x) => x * x);
  return jackknife([e, sq], ([a, s]) => beta * beta * nSites * (s - a * a), nBlocks);
}

/** Binder cumulant U4 = 1 − ⟨m⁴⟩ / (3⟨m²⟩²); 2/3 in the ordered phase, 0 for a Gaussian. */
export function binderCumulant(m: Series, nBlocks = 20): Estimate {
  const m2 = Array.from(m, (x) => x * x);
  const m4 = Array.from(m, (x) => x ** 4);
  return jackknife([m2, m4], ([a, b]) => 1 - b / (3 * a * a), nBlocks);
}
