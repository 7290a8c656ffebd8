import { invalidArgument } from '@rgae/core';

/**
 * Builds the energy-only temperature estimator T̂_e(e) = E[T | e], the reference a thermometer is judged
 * against. For the Ising model the energy is a sufficient statistic for T (the Boltzmann weight depends
 * on a configuration only through E), so no reading of a configuration can beat the posterior mean given e.
 *
 * From training pairs (e_j, T_j) over the training temperatures T_k, with the empirical prior n_k / n:
 *
 *   p(e | T_k) ≈ (1 / n_k) Σ_{j: T_j = T_k} φ((e − e_j) / h_k) / h_k        (Gaussian kernel density),
 *   E[T | e] = Σ_k T_k·n_k·p(e | T_k) / Σ_k n_k·p(e | T_k).
 *
 * The bandwidth h_k is Silverman's rule 0.9·min(σ_k, IQR_k / 1.34)·n_k^(−1/5) (Silverman 1986, eq. 3.31),
 * never below half the smallest gap between distinct training energies, since finite-lattice energies are
 * discrete and a low-temperature sample may hold a single value.
 */
export function energyTemperatureEstimator(energies: ArrayLike<number>, temperatures: ArrayLike<number>): (energy: number) => number {
  if (energies.length !== temperatures.length || energies.length === 0) {
    throw invalidArgument(`Energy estimator needs one temperature per energy; got ${energies.length} energies and ${temperatures.length} temperatures.`);
  }
  const classes = groupByTemperature(energies, temperatures);
  const minimumBandwidth = smallestGap(energies) / 2;
  const kernels = classes.map(({ temperature, values }) => ({
    temperature,
    ...distinctValues(values),
    bandwidth: Math.max(silvermanBandwidth(values), minimumBandwidth),
  }));
  // Finite-lattice energies repeat, so readings are cached per energy value.
  const cache = new Map<number, number>();

  return (energy: number) => {
    const cached = cache.get(energy);
    if (cached !== undefined) return cached;

    // Log of n_k·p(e | T_k) up to a shared constant, combined with log-sum-exp to avoid underflow far from the data.
    const logWeights = kernels.map(({ values, counts, bandwidth }) => {
      const exponents = Array.from(values, (ej, j) => Math.log(counts[j]) - 0.5 * ((energy - ej) / bandwidth) ** 2);
      return logSumExp(exponents) - Math.log(bandwidth);
    });
    const top = Math.max(...logWeights);
    let numerator = 0;
    let denominator = 0;
    kernels.forEach(({ temperature }, k) => {
      const weight = Math.exp(logWeights[k] - top);
      numerator += temperature * weight;
      denominator += weight;
    });

    const reading = numerator / denominator;
    cache.set(energy, reading);
    return reading;
  };
}

/** Counts the distinct values of a sample. */
function distinctValues(values: Float64Array): { values: Float64Array; counts: Float64Array } {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return { values: Float64Array.from(counts.keys()), counts: Float64Array.from(counts.values()) };
}

function groupByTemperature(energies: ArrayLike<number>, temperatures: ArrayLike<number>): Array<{ temperature: number; values: Float64Array }> {
  const groups = new Map<number, number[]>();
  for (let i = 0; i < energies.length; i++) {
    const list = groups.get(temperatures[i]) ?? [];
    list.push(energies[i]);
    groups.set(temperatures[i], list);
  }
  return [...groups.entries()].sort(([a], [b]) => a - b).map(([temperature, values]) => ({ temperature, values: Float64Array.from(values) }));
}

function silvermanBandwidth(values: Float64Array): number {
  const n = values.length;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const sigma = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / Math.max(1, n - 1));
  const sorted = Float64Array.from(values).sort();
  const quantile = (q: number) => sorted[Math.min(n - 1, Math.floor(q * (n - 1)))];
  const spread = Math.min(sigma, (quantile(0.75) - quantile(0.25)) / 1.34) || sigma;
  return 0.9 * spread * n ** -0.2;
}

function smallestGap(values: ArrayLike<number>): number {
  const distinct = [...new Set(Array.from(values))].sort((a, b) => a - b);
  let gap = Infinity;
  for (let i = 1; i < distinct.length; i++) gap = Math.min(gap, distinct[i] - distinct[i - 1]);
  return Number.isFinite(gap) ? gap : 1e-6;
}

function logSumExp(values: number[]): number {
  const top = Math.max(...values);
  return top + Math.log(values.reduce((s, v) => s + Math.exp(v - top), 0));
}
