import type { ChainOptions, MarkovChain, SamplerDefinition } from '@rgae/core';
import { checkChainOptions } from './check-chain-options.js';
import { LocalChain } from './local-chain.js';
import { TARGET_ACCEPTANCE } from './proposal-width.js';

/**
 * Metropolis sampler for the XY model: sequential single-site proposals θ → θ + δ, δ uniform in [−w, w].
 * During thermalisation w is tuned toward an acceptance rate of 0.5; `endThermalisation()` freezes it, so the
 * chain satisfies detailed balance while configurations are recorded.
 */
export const xyMetropolisSampler: SamplerDefinition<Float32Array> = {
  id: 'metropolis',
  lattice: 'xy',
  description: `Single-site Metropolis with a uniform angle proposal, width tuned to ${TARGET_ACCEPTANCE * 100}% acceptance during thermalisation`,
  family: 'local',
  sweepDefinition: 'N = L² sequential single-site Metropolis proposals',
  create(options: ChainOptions<Float32Array>): MarkovChain<Float32Array> {
    checkChainOptions('metropolis', options);
    return new LocalChain(options, 0);
  },
};
