import { invalidArgument, type ModelParameters } from '@rgae/core';
import { satisfiedBonds, stateCounts } from '../lattice/configuration-sums.js';

/** Largest number of configurations q^N that `exactPottsDistribution` enumerates. */
export const MAX_ENUMERATED_CONFIGURATIONS = 2 ** 22;

/**
 * Histogram bin of a configuration that determines H and shares its symmetry: the satisfied bonds and the
 * state counts in descending order for h = 0, where H is invariant under every permutation of the states;
 * for h ≠ 0 the count n_0 of the favoured state comes first, then the other counts in descending order.
 * Bins without that symmetry would see slow tunnelling between ordered states, a mode the measured series
 * (which share the symmetry) cannot reveal, so their χ² test would fail for a correct sampler.
 */
export function bondsAndCountsBin(states: Uint8Array, linearSize: number, nStates: number, field = 0): string {
  const counts = Array.from(stateCounts(states, nStates));
  const bonds = satisfiedBonds(states, linearSize);
  if (field === 0) return `${bonds}:${counts.sort((a, b) => b - a).join(',')}`;

  const others = counts.slice(1).sort((a, b) => b - a);
  return `${bonds}:${counts[0]}|${others.join(',')}`;
}

/**
 * Exact Boltzmann probabilities of the bins of every configuration of a small periodic Potts lattice, by
 * enumerating all q^N states with weights exp(−βH), H = −J Σ⟨ij⟩ δ(s_i, s_j) − h Σ_i δ(s_i, 0).
 * Bins default to `bondsAndCountsBin`, which determines H. The probabilities sum to 1.
 */
export function exactPottsDistribution(
  nStates: number,
  params: ModelParameters,
  binOf: (states: Uint8Array) => string = (states) => bondsAndCountsBin(states, params.linearSize, nStates, params.field),
): Map<string, number> {
  const { linearSize, beta, coupling, field } = params;
  const nSites = linearSize * linearSize;
  const nConfigurations = nStates ** nSites;
  if (!(nConfigurations <= MAX_ENUMERATED_CONFIGURATIONS)) {
    throw invalidArgument(
      `Exact enumeration of q^N = ${nStates}^${nSites} configurations exceeds the limit ${MAX_ENUMERATED_CONFIGURATIONS}. Use a smaller L or q.`,
    );
  }

  const states = new Uint8Array(nSites);
  const logWeights = new Float64Array(nConfigurations);
  const keys: string[] = [];
  for (let index = 0; index < nConfigurations; index++) {
    const energy = -coupling * satisfiedBonds(states, linearSize) - field * stateCounts(states, nStates)[0];
    logWeights[index] = -beta * energy;
    keys.push(binOf(states));
    advance(states, nStates);
  }

  const largest = logWeights.reduce((a, b) => Math.max(a, b), -Infinity);
  const totals = new Map<string, number>();
  let partition = 0;
  for (let index = 0; index < nConfigurations; index++) {
    const weight = Math.exp(logWeights[index] - largest);
    totals.set(keys[index], (totals.get(keys[index]) ?? 0) + weight);
    partition += weight;
  }
  return new Map([...totals].map(([key, weight]) => [key, weight / partition]));
}

/** Steps `states` to the next configuration in base-q counting order (site 0 is the lowest digit). */
function advance(states: Uint8Array, nStates: number): void {
  for (let site = 0; site < states.length; site++) {
    states[site]++;
    if (states[site] < nStates) return;
    states[site] = 0;
  }
}
