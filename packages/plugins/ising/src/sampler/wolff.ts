import type { ChainOptions, MarkovChain, SamplerDefinition } from '@rgae/core';
import { WolffKernel } from '../kernel/wolff-js.js';
import { xoshiroStateFrom } from '../kernel/xoshiro-state.js';
import { checkChainOptions } from './check-chain-options.js';

function createWolffChain(options: ChainOptions<Int8Array>): MarkovChain<Int8Array> {
  checkChainOptions(wolffSampler, options);
  const seedRng = options.rng.split(['wolff', 'seed-site']);
  const kernel = new WolffKernel(options.linearSize, options.beta, options.coupling, xoshiroStateFrom(options.rng.split(['wolff', 'bonds'])));
  const spins = options.initial;
  let flipped = 0;
  let clusters = 0;

  return {
    configuration: spins,
    kernels: 'js',
    sweep() {
      flipped += kernel.flipCluster(spins, seedRng.nextInt(spins.length));
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

/** Wolff single-cluster sampler for h = 0; a sweep is one cluster flip, so τ_int is counted in clusters. */
export const wolffSampler: SamplerDefinition<Int8Array> = {
  id: 'wolff',
  lattice: 'ising',
  description: 'Wolff single-cluster updates, bond probability 1 − exp(−2β|J|) (h = 0 only)',
  family: 'cluster',
  sweepDefinition: 'one Wolff cluster grown from a random site and flipped',
  kernelImplementations: ['js'],
  create: createWolffChain,
};
