import { invalidArgument } from '@rgae/core';
import { bondSum, spinSum } from '../lattice/configuration-sums.js';

/** Largest L whose 2^(L²) states are enumerated (2^16 = 65 536 states at L = 4). */
export const MAX_ENUMERATED_LINEAR_SIZE = 4;

/** Number of configurations with bond sum B = Σ⟨ij⟩ s_i s_j and magnetisation M = Σ s_i. */
export interface DensityOfStatesEntry {
  bondSum: number;
  magnetization: number;
  degeneracy: number;
}

const densityCache = new Map<number, DensityOfStatesEntry[]>();

export function checkEnumerable(linearSize: number): void {
  if (!Number.isInteger(linearSize) || linearSize < 2 || linearSize > MAX_ENUMERATED_LINEAR_SIZE) {
    throw invalidArgument(
      `Exact enumeration covers L from 2 to ${MAX_ENUMERATED_LINEAR_SIZE} (2^(L²) states), received L = ${linearSize}. ` +
        'Use the Kaufman solution for larger lattices.',
    );
  }
}

/** Spins of state number `index`: bit i set means s_i = −1, so state 0 is all +1. */
export function stateSpins(index: number, nSites: number, out = new Int8Array(nSites)): Int8Array {
  for (let i = 0; i < nSites; i++) out[i] = (index >>> i) & 1 ? -1 : 1;
  return out;
}

/**
 * Density of states g(B, M) of the periodic L×L lattice by enumerating all 2^(L²) configurations, with the
 * 2L² bonds of `bondSum`. Results are cached per L.
 */
export function densityOfStates(linearSize: number): readonly DensityOfStatesEntry[] {
  checkEnumerable(linearSize);
  const cached = densityCache.get(linearSize);
  if (cached) return cached;

  const nSites = linearSize * linearSize;
  const counts = new Map<string, DensityOfStatesEntry>();
  const spins = new Int8Array(nSites);
  for (let index = 0; index < 2 ** nSites; index++) {
    stateSpins(index, nSites, spins);
    const bonds = bondSum(spins, linearSize);
    const magnetization = spinSum(spins);
    const key = energyMagnetizationKey(bonds, magnetization);
    const entry = counts.get(key);
    if (entry) entry.degeneracy++;
    else counts.set(key, { bondSum: bonds, magnetization, degeneracy: 1 });
  }

  const entries = [...counts.values()];
  densityCache.set(linearSize, entries);
  return entries;
}

/** Histogram key of a (bond sum, magnetisation) pair, e.g. "24,14". */
export function energyMagnetizationKey(bonds: number, magnetization: number): string {
  return `${bonds},${magnetization}`;
}

/**
 * Histogram key of a configuration: its bond sum B and magnetisation M. (B, M) fixes the energy
 * E = −J·B − h·M for every J and h, so one key serves all couplings and fields.
 */
export function energyMagnetizationBin(configuration: Int8Array, linearSize: number): string {
  return energyMagnetizationKey(bondSum(configuration, linearSize), spinSum(configuration));
}

/** Histogram key of a whole configuration: one character per site, '+' or '-', row-major. */
export function stateBin(configuration: Int8Array): string {
  let key = '';
  for (let i = 0; i < configuration.length; i++) key += configuration[i] > 0 ? '+' : '-';
  return key;
}

/** Normalises Boltzmann log-weights ln w_k into probabilities without overflow. */
function normalise(logWeights: Float64Array): Float64Array {
  const largest = logWeights.reduce((a, b) => Math.max(a, b), -Infinity);
  const weights = logWeights.map((w) => Math.exp(w - largest));
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => w / total);
}

/**
 * Exact joint distribution P(B, M) = g(B, M)·exp(β(J·B + h·M)) / Z on the periodic L×L lattice, keyed by
 * `energyMagnetizationKey`, for L ≤ 4.
 */
export function exactEnergyMagnetizationDistribution(linearSize: number, beta: number, coupling = 1, field = 0): Map<string, number> {
  const entries = densityOfStates(linearSize);
  const logWeights = Float64Array.from(entries, (entry) => Math.log(entry.degeneracy) + beta * (coupling * entry.bondSum + field * entry.magnetization));
  const probabilities = normalise(logWeights);
  return new Map(entries.map((entry, k) => [energyMagnetizationKey(entry.bondSum, entry.magnetization), probabilities[k]]));
}

/** Exact probability of every configuration of the periodic L×L lattice, keyed by `stateBin`, for L ≤ 4. */
export function exactStateDistribution(linearSize: number, beta: number, coupling = 1, field = 0): Map<string, number> {
  checkEnumerable(linearSize);
  const nSites = linearSize * linearSize;
  const nStates = 2 ** nSites;
  const spins = new Int8Array(nSites);
  const keys: string[] = [];
  const logWeights = new Float64Array(nStates);
  for (let index = 0; index < nStates; index++) {
    stateSpins(index, nSites, spins);
    keys.push(stateBin(spins));
    logWeights[index] = beta * (coupling * bondSum(spins, linearSize) + field * spinSum(spins));
  }
  const probabilities = normalise(logWeights);
  return new Map(keys.map((key, index) => [key, probabilities[index]]));
}

/** Exact thermal averages per site from enumeration. */
export interface EnumeratedObservables {
  /** ⟨e⟩, e = H/N. */
  e: number;
  /** ⟨|m|⟩. */
  absM: number;
  /** ⟨m²⟩. */
  m2: number;
  /** ⟨m⁴⟩. */
  m4: number;
  /** C = β²N(⟨e²⟩ − ⟨e⟩²). */
  C: number;
  /** χ = βN(⟨m²⟩ − ⟨|m|⟩²), the |m| estimator. */
  chi: number;
  /** U4 = 1 − ⟨m⁴⟩ / (3⟨m²⟩²). */
  U4: number;
}

/** Exact ⟨e⟩, ⟨|m|⟩, ⟨m²⟩, ⟨m⁴⟩, C, χ and U4 of the periodic L×L lattice (L ≤ 4) by enumeration. */
export function exactEnumeratedObservables(linearSize: number, beta: number, coupling = 1, field = 0): EnumeratedObservables {
  const nSites = linearSize * linearSize;
  const entries = densityOfStates(linearSize);
  const probabilities = exactEnergyMagnetizationDistribution(linearSize, beta, coupling, field);
  let e = 0;
  let e2 = 0;
  let absM = 0;
  let m2 = 0;
  let m4 = 0;
  for (const entry of entries) {
    const p = probabilities.get(energyMagnetizationKey(entry.bondSum, entry.magnetization))!;
    const energy = (-coupling * entry.bondSum - field * entry.magnetization) / nSites;
    const m = entry.magnetization / nSites;
    e += p * energy;
    e2 += p * energy * energy;
    absM += p * Math.abs(m);
    m2 += p * m * m;
    m4 += p * m ** 4;
  }
  return {
    e,
    absM,
    m2,
    m4,
    C: beta * beta * nSites * (e2 - e * e),
    chi: beta * nSites * (m2 - absM * absM),
    U4: 1 - m4 / (3 * m2 * m2),
  };
}
