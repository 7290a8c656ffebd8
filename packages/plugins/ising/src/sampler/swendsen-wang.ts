import type { ChainOptions, MarkovChain, SamplerDefinition } from '@rgae/core';
import { SwendsenWangKernel } from '../kernel/swendsen-wang-js.js';
import { xoshiroStateFrom } from '../kernel/xoshiro-state.js';
import { checkChainOptions } from './check-chain-options.js';

function createSwendsenWangChain(options: ChainOptions<Int8Array>): MarkovChain<Int8Array> {
  checkChainOptions(swendsenWangSampler, options);
  const kernel = new SwendsenWangKernel(options.linearSize, options.beta, options.coupling, xoshiroStateFrom(options.rng.split(['swendsen-wang'])));
  const spins = options.initial;
  let clusters = 0;
  let steps = 0;

  return {
    configuration: spins,
    kernels: 'js',
    sweep() {
      clusters += kernel.step(spins);
      steps++;
    },
    statistics() {
      const meanClusterCount = steps > 0 ? clusters / steps : NaN;
      clusters = 0;
      steps = 0;
      return { meanClusterCount, meanClusterSize: meanClusterCount > 0 ? spins.length / meanClusterCount : NaN };
    },
  };
}

/** Swendsen–Wang multi-cluster sampler for h = 0; a sweep is one Swendsen–Wang step over the whole lattice. */
export const swendsenWangSampler: SamplerDefinition<Int8Array> = {
  id: 'swendsen-wang',
  lattice: 'ising',
  description: 'Swendsen–Wang cluster updates, bond probability 1 − exp(−2β|J|) (h = 0 only)',
  family: 'cluster',
  sweepDefinition: 'one Swendsen–Wang step: activate bonds, flip each cluster with probability 1/2',
  kernelImplementations: ['js'],
  create: createSwendsenWangChain,
};
