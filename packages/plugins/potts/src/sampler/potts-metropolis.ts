import type { ChainOptions, MarkovChain, SamplerDefinition } from '@rgae/core';
import type { PottsModel } from '../lattice/potts-model.js';
import { checkChainOptions } from './check-chain-options.js';

/** Index of a (Δn, Δδ₀) pair in the acceptance table: Δn ∈ −4…4 aligned neighbours, Δδ₀ ∈ −1…1. */
function tableIndex(alignedChange: number, groundChange: number): number {
  return (alignedChange + 4) * 3 + groundChange + 1;
}

/**
 * Metropolis acceptance min(1, exp(−βΔE)) for every energy change of one site,
 * ΔE = −J·Δn − h·Δδ₀, where Δn is the change in aligned neighbours and Δδ₀ the change of δ(s_i, 0).
 */
function acceptanceTable(beta: number, coupling: number, field: number): Float64Array {
  const table = new Float64Array(27);
  for (let alignedChange = -4; alignedChange <= 4; alignedChange++) {
    for (let groundChange = -1; groundChange <= 1; groundChange++) {
      const energyChange = -coupling * alignedChange - field * groundChange;
      table[tableIndex(alignedChange, groundChange)] = Math.min(1, Math.exp(-beta * energyChange));
    }
  }
  return table;
}

function createMetropolisChain(model: PottsModel, sampler: SamplerDefinition<Uint8Array>, options: ChainOptions<Uint8Array>): MarkovChain<Uint8Array> {
  checkChainOptions(model, sampler, options);
  const { linearSize, rng } = options;
  const nStates = model.nStates;
  const states = options.initial;
  const nSites = states.length;
  const acceptance = acceptanceTable(options.beta, options.coupling, options.field);
  let accepted = 0;
  let attempted = 0;

  const update = (site: number) => {
    const x = site % linearSize;
    const row = site - x;
    const left = states[x === 0 ? site + linearSize - 1 : site - 1];
    const right = states[x === linearSize - 1 ? row : site + 1];
    const up = states[row === 0 ? site + nSites - linearSize : site - linearSize];
    const down = states[row === nSites - linearSize ? x : site + linearSize];

    const current = states[site];
    const offset = 1 + rng.nextInt(nStates - 1);
    const proposed = (current + offset) % nStates;
    const alignedNow = +(left === current) + +(right === current) + +(up === current) + +(down === current);
    const alignedAfter = +(left === proposed) + +(right === proposed) + +(up === proposed) + +(down === proposed);
    const groundChange = +(proposed === 0) - +(current === 0);

    if (rng.nextFloat() < acceptance[tableIndex(alignedAfter - alignedNow, groundChange)]) {
      states[site] = proposed;
      accepted++;
    }
  };

  return {
    configuration: states,
    kernels: 'js',
    sweep() {
      for (let i = 0; i < nSites; i++) update(rng.nextInt(nSites));
      attempted += nSites;
    },
    statistics() {
      const acceptanceRate = attempted > 0 ? accepted / attempted : NaN;
      accepted = 0;
      attempted = 0;
      return { acceptanceRate };
    },
  };
}

/**
 * Single-site Metropolis sampler for a Potts lattice: each update picks a random site and proposes one of
 * the other q − 1 states uniformly (a symmetric proposal), accepted with min(1, exp(−βΔE)).
 */
export function createPottsMetropolisSampler(model: PottsModel): SamplerDefinition<Uint8Array> {
  const sampler: SamplerDefinition<Uint8Array> = {
    id: 'metropolis',
    lattice: model.id,
    description: 'Single-site Metropolis: random site, one of the other q − 1 states proposed uniformly',
    family: 'local',
    sweepDefinition: 'N = L² updates of randomly chosen sites',
    kernelImplementations: ['js'],
    create: (options) => createMetropolisChain(model, sampler, options),
  };
  return sampler;
}
