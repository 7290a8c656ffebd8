import { correlatedMean, invalidArgument, jackknife, specificHeat, susceptibility, type Estimate, type ModelParameters, type Series } from '@rgae/core';

/**
 * Binder-like cumulant of the (q − 1)-component Potts order vector,
 * U4 = 1 − ((q − 1)/(q + 1))·⟨|m⃗|⁴⟩/⟨|m⃗|²⟩². A Gaussian n-component vector has ⟨|v|⁴⟩/⟨|v|²⟩² = (n + 2)/n,
 * so U4 → 0 in the disordered phase and U4 → 2/(q + 1) in the ordered one; for q = 2 it is the Ising
 * cumulant 1 − ⟨m⁴⟩/(3⟨m²⟩²). Curves for different L cross near T_c. Errors by jackknife over `nBlocks`.
 */
export function pottsBinderCumulant(vectorM2: Series, nStates: number, nBlocks = 20): Estimate {
  const fourth = Array.from(vectorM2, (x) => x * x);
  const gaussianRatio = (nStates - 1) / (nStates + 1);
  return jackknife([vectorM2, fourth], ([second, fourthMoment]) => 1 - (gaussianRatio * fourthMoment) / (second * second), nBlocks);
}

/**
 * Estimates with errors from the per-configuration series: e, m and |m⃗|² as means with τ_int-corrected
 * errors; χ = βN(⟨m²⟩ − ⟨m⟩²) from the plurality order parameter m ≥ 0 (the finite-lattice estimator, as
 * for Ising |m|); C = β²N(⟨e²⟩ − ⟨e⟩²); and the cumulant U4 of `pottsBinderCumulant`. χ, C and U4 carry
 * jackknife errors over 20 blocks.
 */
export function summarizePotts(nStates: number, series: Record<string, Float64Array>, params: ModelParameters): Record<string, Estimate> {
  for (const name of ['e', 'm', 'vectorM2']) {
    if (!series[name] || series[name].length < 2) {
      throw invalidArgument(`Potts summarize needs a series "${name}" of at least 2 measurements, received ${series[name]?.length ?? 'none'}.`);
    }
  }

  const nSites = params.linearSize * params.linearSize;
  return {
    e: correlatedMean(series.e),
    m: correlatedMean(series.m),
    vectorM2: correlatedMean(series.vectorM2),
    chi: susceptibility(series.m, params.beta, nSites),
    C: specificHeat(series.e, params.beta, nSites),
    U4: pottsBinderCumulant(series.vectorM2, nStates),
  };
}
