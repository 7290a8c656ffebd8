import type { ChainOptions, MarkovChain, SamplerDefinition } from '@rgae/core';
import { checkChainOptions } from './check-chain-options.js';
import { LocalChain } from './local-chain.js';

/** Over-relaxation sweeps that follow each Metropolis sweep in one sweep of the hybrid sampler. */
export const OVERRELAXATION_SWEEPS_PER_METROPOLIS_SWEEP = 3;

/**
 * Hybrid sampler for the XY model: one sweep is one Metropolis sweep (as `xyMetropolisSampler`, width tuned
 * during thermalisation and frozen by `endThermalisation()`) followed by three over-relaxation sweeps, each
 * reflecting every θ_i about its local field. Over-relaxation moves along the energy surface at no rejection
 * cost and shortens autocorrelation times; the Metropolis sweeps change the energy and make the chain ergodic.
 */
export const xyOverrelaxationSampler: SamplerDefinition<Float32Array> = {
  id: 'overrelaxation',
  lattice: 'xy',
  description: `Metropolis mixed with microcanonical over-relaxation (${OVERRELAXATION_SWEEPS_PER_METROPOLIS_SWEEP} reflection sweeps per Metropolis sweep)`,
  family: 'local',
  sweepDefinition: `one Metropolis sweep (N proposals) then ${OVERRELAXATION_SWEEPS_PER_METROPOLIS_SWEEP} over-relaxation sweeps (N reflections each)`,
  create(options: ChainOptions<Float32Array>): MarkovChain<Float32Array> {
    checkChainOptions('overrelaxation', options);
    return new LocalChain(options, OVERRELAXATION_SWEEPS_PER_METROPOLIS_SWEEP);
  },
};
