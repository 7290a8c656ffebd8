import { binnedMean, invalidArgument, jackknife, specificHeat, type Estimate, type ModelParameters } from '@rgae/core';
import { XY_OBSERVABLES } from './measure-xy.js';

/**
 * Helicity modulus (spin stiffness) Υ = (1/2N) Σ_{μ=x,y} [J⟨C_μ⟩ − βJ²⟨S_μ²⟩], with
 * C_μ = Σ_i cos(θ_i − θ_{i+μ̂}) and S_μ = Σ_i sin(θ_i − θ_{i+μ̂}): the second derivative of the free energy
 * per site with respect to a uniform twist of the boundary conditions, averaged over both axes. The term
 * β⟨S_μ⟩², which vanishes by the θ → −θ symmetry, is left out. BKT theory predicts that Υ jumps from 2T/π
 * to 0 at T_BKT in the thermodynamic limit. Reference: H. Weber and P. Minnhagen, "Monte Carlo determination
 * of the critical temperature for the two-dimensional XY model", Phys. Rev. B 37, 5986 (1988).
 * Errors by jackknife over blocks.
 */
export function helicityModulus(series: Record<string, Float64Array>, params: ModelParameters): Estimate {
  const { beta, coupling, linearSize } = params;
  const nSites = linearSize * linearSize;
  const sinSquaredX = Array.from(series.sinSumX, (s) => s * s);
  const sinSquaredY = Array.from(series.sinSumY, (s) => s * s);
  return jackknife([series.cosSumX, series.cosSumY, sinSquaredX, sinSquaredY], ([cx, cy, sx2, sy2]) => {
    return (coupling * (cx + cy) - beta * coupling * coupling * (sx2 + sy2)) / (2 * nSites);
  });
}

/**
 * Derives the XY estimates from per-configuration series (see `measureXy`), errors by jackknife over blocks:
 *
 * - `e`, `absM`, `vortexDensity`: means;
 * - `chi` = βN(⟨|m|²⟩ − ⟨|m|⟩²), the connected susceptibility built on |m|, the same estimator the Ising
 *   model uses; `chiSymmetric` = βN⟨|m|²⟩, the usual XY estimator, finite on every lattice and growing as
 *   L^(2−η) below T_BKT;
 * - `C` = β²N(⟨e²⟩ − ⟨e⟩²), the specific heat per site;
 * - `helicityModulus`, see `helicityModulus`.
 */
export function summarizeXy(series: Record<string, Float64Array>, params: ModelParameters): Record<string, Estimate> {
  checkSeries(series);
  const { beta, linearSize } = params;
  const nSites = linearSize * linearSize;
  const absMSquared = Array.from(series.absM, (m) => m * m);

  return {
    e: binnedMean(series.e),
    absM: binnedMean(series.absM),
    chi: jackknife([series.absM, absMSquared], ([m, m2]) => beta * nSites * (m2 - m * m)),
    chiSymmetric: jackknife([absMSquared], ([m2]) => beta * nSites * m2),
    C: specificHeat(series.e, beta, nSites),
    helicityModulus: helicityModulus(series, params),
    vortexDensity: binnedMean(series.vortexDensity),
  };
}

function checkSeries(series: Record<string, Float64Array>): void {
  const missing = XY_OBSERVABLES.filter((name) => series[name] === undefined);
  if (missing.length > 0) {
    throw invalidArgument(
      `XY summary is missing the series ${missing.join(', ')}. Pass every observable that measureXy returns: ${XY_OBSERVABLES.join(', ')}.`,
    );
  }
}
