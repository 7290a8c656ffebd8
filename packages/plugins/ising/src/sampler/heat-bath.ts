import type { ChainOptions, MarkovChain, SamplerDefinition } from '@rgae/core';
import { heatBathThresholds } from '../kernel/acceptance-table.js';
import { heatBathSweepJs } from '../kernel/heat-bath-js.js';
import { xoshiroStateFrom } from '../kernel/xoshiro-state.js';
import { checkChainOptions } from './check-chain-options.js';

function createHeatBathChain(options: ChainOptions<Int8Array>): MarkovChain<Int8Array> {
  checkChainOptions(heatBathSampler, options);
  const thresholds = heatBathThresholds(options.beta, options.coupling, options.field);
  const state = xoshiroStateFrom(options.rng.split(['heat-bath']));
  const spins = options.initial;
  let changed = 0;
  let attempted = 0;

  return {
    configuration: spins,
    kernels: 'js',
    sweep() {
      changed += heatBathSweepJs(spins, options.linearSize, thresholds, state);
      attempted += spins.length;
    },
    statistics() {
      const changeRate = attempted > 0 ? changed / attempted : NaN;
      changed = 0;
      attempted = 0;
      return { changeRate };
    },
  };
}

/** Heat-bath (Glauber) updates in typewriter order; any L ≥ 2, odd included. */
export const heatBathSampler: SamplerDefinition<Int8Array> = {
  id: 'heat-bath',
  lattice: 'ising',
  description: 'Heat-bath single-spin updates in typewriter order, P(s = +1) = 1/(1 + exp(−2β(J·nb + h)))',
  family: 'local',
  sweepDefinition: 'N = L² single-site updates, sites in row-major order',
  kernelImplementations: ['js'],
  create: createHeatBathChain,
};
