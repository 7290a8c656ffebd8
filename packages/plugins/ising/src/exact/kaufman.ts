import { invalidArgument } from '@rgae/core';

/** Exact thermodynamics of the periodic L×L Ising lattice at h = 0. */
export interface ExactThermodynamics {
  /** ln Z of the whole lattice. */
  lnZ: number;
  /** Energy per site e = ⟨H⟩/N. */
  energy: number;
  /** Specific heat per site C = β²(⟨H²⟩ − ⟨H⟩²)/N. */
  specificHeat: number;
}

/** A value f(K) with its first two derivatives, stored as f·e^(−scale) to avoid overflow. */
interface ScaledFactor {
  scale: number;
  value: number;
  first: number;
  second: number;
}

/**
 * Computes the factor 2cosh(x) or 2sinh(x), x = Lγ/2, with its K-derivatives from γ, γ' and γ''. Values are
 * scaled by e^(−|x|): 2cosh x·e^(−|x|) = 1 + e^(−2|x|) and 2sinh x·e^(−|x|) = sign(x)(1 − e^(−2|x|)).
 */
function transferFactor(kind: 'cosh' | 'sinh', linearSize: number, gamma: number, gammaFirst: number, gammaSecond: number): ScaledFactor {
  const x = (linearSize * gamma) / 2;
  const xFirst = (linearSize * gammaFirst) / 2;
  const xSecond = (linearSize * gammaSecond) / 2;
  const decay = Math.exp(-2 * Math.abs(x));
  const coshScaled = 1 + decay;
  const sinhScaled = Math.sign(x) * -Math.expm1(-2 * Math.abs(x));

  const [even, odd] = kind === 'cosh' ? [coshScaled, sinhScaled] : [sinhScaled, coshScaled];
  return {
    scale: Math.abs(x),
    value: even,
    first: odd * xFirst,
    second: even * xFirst * xFirst + odd * xSecond,
  };
}

/**
 * γ_l(K) of the Kaufman solution with its first two K-derivatives. For l ≥ 1, cosh γ_l = c − cos(πl/L) with
 * c = cosh 2K·coth 2K = u + 1/u and u = sinh 2K, written as γ_l = acosh(1 + δ) with
 * δ = (u − 1)²/u + 2 sin²(πl/2L) to keep precision near K_c. For l = 0, γ_0 = 2K + ln tanh K, which changes
 * sign at K_c.
 */
function gammaWithDerivatives(l: number, linearSize: number, k: number): [number, number, number] {
  const u = Math.sinh(2 * k);
  const cosh2k = Math.cosh(2 * k);
  if (l === 0) {
    return [2 * k + Math.log(Math.tanh(k)), 2 + 2 / u, (-4 * cosh2k) / (u * u)];
  }

  const halfAngle = Math.sin((Math.PI * l) / (2 * linearSize));
  const delta = (u - 1) ** 2 / u + 2 * halfAngle * halfAngle;
  const sinhGamma = Math.sqrt(delta * (2 + delta));
  const gamma = Math.log1p(delta + sinhGamma);
  const cFirst = 2 * cosh2k * (1 - 1 / (u * u));
  const cSecond = 4 * u - 4 / u + (8 * cosh2k * cosh2k) / u ** 3;
  const gammaFirst = cFirst / sinhGamma;
  const gammaSecond = (cSecond - (1 + delta) * gammaFirst * gammaFirst) / sinhGamma;
  return [gamma, gammaFirst, gammaSecond];
}

/**
 * Computes one of the four partial sums Z_i = Π_{r=0}^{L−1} f(γ_{2r+offset}) with its first two K-derivatives,
 * scaled by e^(−scale). The r = 0 factor is kept apart because γ_0 vanishes at K_c, where dividing by it would
 * fail. Every other factor is positive.
 */
function partialSum(kind: 'cosh' | 'sinh', offset: 0 | 1, linearSize: number, k: number): ScaledFactor {
  const factors = Array.from({ length: linearSize }, (_, r) => transferFactor(kind, linearSize, ...gammaWithDerivatives(2 * r + offset, linearSize, k)));
  const [first, ...rest] = factors;

  let logRest = 0;
  let ratioFirst = 0;
  let ratioSecond = 0;
  for (const factor of rest) {
    logRest += factor.scale + Math.log(factor.value);
    const d1 = factor.first / factor.value;
    ratioFirst += d1;
    ratioSecond += factor.second / factor.value - d1 * d1;
  }
  const restSecond = ratioFirst * ratioFirst + ratioSecond;

  return {
    scale: logRest + first.scale,
    value: first.value,
    first: first.first + first.value * ratioFirst,
    second: first.second + 2 * first.first * ratioFirst + first.value * restSecond,
  };
}

/**
 * Exact ln Z, energy and specific heat per site of the L×L Ising lattice with periodic boundaries at h = 0
 * (B. Kaufman, Phys. Rev. 76, 1232 (1949), in the form of A. E. Ferdinand and M. E. Fisher,
 * Phys. Rev. 185, 832 (1969)):
 *
 *   Z = ½ (2 sinh 2K)^(N/2) Σ_{i=1}^{4} Z_i,  K = βJ, N = L²,
 *   Z_1 = Π_r 2cosh(Lγ_{2r+1}/2),  Z_2 = Π_r 2sinh(Lγ_{2r+1}/2),
 *   Z_3 = Π_r 2cosh(Lγ_{2r}/2),    Z_4 = Π_r 2sinh(Lγ_{2r}/2),  r = 0 … L−1.
 *
 * e = −(J/N) ∂ln Z/∂K and C = (K²/N) ∂²ln Z/∂K², from analytic derivatives of γ_l(K), so the result is exact
 * to rounding. J must be > 0; β = 0 gives ln Z = N ln 2, e = 0, C = 0.
 */
export function exactIsingThermodynamics(linearSize: number, beta: number, coupling = 1): ExactThermodynamics {
  if (!Number.isInteger(linearSize) || linearSize < 2) {
    throw invalidArgument(`Invalid L = ${linearSize} for the Kaufman solution: expected an integer ≥ 2.`);
  }
  if (!Number.isFinite(beta) || beta < 0) throw invalidArgument(`Invalid β = ${beta} for the Kaufman solution: expected a finite number ≥ 0.`);
  if (!Number.isFinite(coupling) || coupling <= 0) {
    throw invalidArgument(`Invalid coupling J = ${coupling} for the Kaufman solution: expected a finite J > 0 (ferromagnet).`);
  }

  const nSites = linearSize * linearSize;
  const k = beta * coupling;
  if (k === 0) return { lnZ: nSites * Math.LN2, energy: 0, specificHeat: 0 };

  const sums = [partialSum('cosh', 1, linearSize, k), partialSum('sinh', 1, linearSize, k), partialSum('cosh', 0, linearSize, k), partialSum('sinh', 0, linearSize, k)];
  const largest = Math.max(...sums.map((s) => s.scale));
  let total = 0;
  let totalFirst = 0;
  let totalSecond = 0;
  for (const s of sums) {
    const weight = Math.exp(s.scale - largest);
    total += weight * s.value;
    totalFirst += weight * s.first;
    totalSecond += weight * s.second;
  }

  const u = Math.sinh(2 * k);
  const lnZ = -Math.LN2 + (nSites / 2) * Math.log(2 * u) + largest + Math.log(total);
  const ratio = totalFirst / total;
  const dLnZ = nSites / Math.tanh(2 * k) + ratio;
  const d2LnZ = (-2 * nSites) / (u * u) + totalSecond / total - ratio * ratio;
  return { lnZ, energy: (-coupling * dLnZ) / nSites, specificHeat: (k * k * d2LnZ) / nSites };
}

/** Exact energy per site of the periodic L×L lattice at h = 0 (Kaufman solution). */
export function exactIsingEnergy(linearSize: number, beta: number, coupling = 1): number {
  return exactIsingThermodynamics(linearSize, beta, coupling).energy;
}

/** Exact specific heat per site of the periodic L×L lattice at h = 0 (Kaufman solution). */
export function exactIsingSpecificHeat(linearSize: number, beta: number, coupling = 1): number {
  return exactIsingThermodynamics(linearSize, beta, coupling).specificHeat;
}
