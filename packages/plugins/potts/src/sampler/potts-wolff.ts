import { NotImplementedError, type ChainOptions, type MarkovChain, type Rng, type SamplerDefinition } from '@rgae/core';
import type { PottsModel } from '../lattice/potts-model.js';
import { checkChainOptions } from './check-chain-options.js';

function checkClusterParameters(model: PottsModel, options: ChainOptions<Uint8Array>): void {
  if (options.field !== 0) {
    throw new NotImplementedError(
      `Sampler "wolff" on the "${model.id}" lattice with a field h = ${options.field} is not implemented. Use the metropolis sampler or set h = 0.`,
    );
  }
  if (!(options.coupling > 0)) {
    throw new NotImplementedError(
      `Sampler "wolff" on the "${model.id}" lattice needs a ferromagnetic coupling J > 0, received J = ${options.coupling}. Use the metropolis sampler.`,
    );
  }
}

/**
 * Wolff single-cluster updates (U. Wolff, Phys. Rev. Lett. 62, 361 (1989), in its Potts form): from a random
 * seed site in state a, pick a new state b ≠ a uniformly, add each neighbour in state a with probability
 * p = 1 − exp(−βJ), and set the cluster to b. A site is relabelled as soon as it joins, so it cannot join twice.
 */
class PottsWolffKernel {
  private readonly stack: Int32Array;
  private readonly neighbours = new Int32Array(4);

  constructor(
    private readonly linearSize: number,
    private readonly bondProbability: number,
    private readonly rng: Rng,
  ) {
    this.stack = new Int32Array(linearSize * linearSize);
  }

  /** Grows the cluster of `seedSite`, relabels it to `newState` and returns its size. */
  flipCluster(states: Uint8Array, seedSite: number, newState: number): number {
    const { linearSize, stack, neighbours, bondProbability, rng } = this;
    const nSites = states.length;
    const oldState = states[seedSite];
    states[seedSite] = newState;
    stack[0] = seedSite;
    let top = 1;
    let size = 1;

    while (top > 0) {
      const site = stack[--top];
      const x = site % linearSize;
      const row = site - x;
      neighbours[0] = x === 0 ? site + linearSize - 1 : site - 1;
      neighbours[1] = x === linearSize - 1 ? row : site + 1;
      neighbours[2] = row === 0 ? site + nSites - linearSize : site - linearSize;
      neighbours[3] = row === nSites - linearSize ? x : site + linearSize;
      for (let n = 0; n < 4; n++) {
        const neighbour = neighbours[n];
        if (states[neighbour] !== oldState || rng.nextFloat() >= bondProbability) continue;

        states[neighbour] = newState;
        stack[top++] = neighbour;
        size++;
      }
    }
    return size;
  }
}

function createWolffChain(model: PottsModel, sampler: SamplerDefinition<Uint8Array>, options: ChainOptions<Uint8Array>): MarkovChain<Uint8Array> {
  checkChainOptions(model, sampler, options);
  checkClusterParameters(model, options);
  const { linearSize, rng } = options;
  const states = options.initial;
  const kernel = new PottsWolffKernel(linearSize, -Math.expm1(-options.beta * options.coupling), rng);
  let flipped = 0;
  let clusters = 0;

  return {
    configuration: states,
    kernels: 'js',
    sweep() {
      const seedSite = rng.nextInt(states.length);
      const newState = (states[seedSite] + 1 + rng.nextInt(model.nStates - 1)) % model.nStates;
      flipped += kernel.flipCluster(states, seedSite, newState);
      clusters++;
    },
    statistics() {
      const meanClusterSize = clusters > 0 ? flipped / clusters : NaN;
      flipped = 0;
      clusters = 0;
      return { meanClusterSize };
    },
  };
}

/** Wolff single-cluster sampler for a Potts lattice at h = 0 and J > 0; a sweep is one cluster update. */
export function createPottsWolffSampler(model: PottsModel): SamplerDefinition<Uint8Array> {
  const sampler: SamplerDefinition<Uint8Array> = {
    id: 'wolff',
    lattice: model.id,
    description: 'Wolff single-cluster updates, bond probability 1 − exp(−βJ), new cluster state uniform among the other q − 1 (h = 0, J > 0)',
    family: 'cluster',
    sweepDefinition: 'one Wolff cluster grown from a random site and relabelled',
    kernelImplementations: ['js'],
    create: (options) => createWolffChain(model, sampler, options),
  };
  return sampler;
}
