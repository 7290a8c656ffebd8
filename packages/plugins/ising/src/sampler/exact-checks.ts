import type { ExactDistributionCheck } from '@rgae/core/testing';
import { energyMagnetizationBin, exactEnergyMagnetizationDistribution, exactStateDistribution, stateBin } from '../exact/enumeration.js';

/** χ² check of the joint (bond sum, magnetisation) histogram of the periodic 4×4 lattice. */
export function energyMagnetizationCheck(
  beta: number,
  options: { field?: number; nSamples?: number; spacingSweeps?: number } = {},
): ExactDistributionCheck<Int8Array> {
  const field = options.field ?? 0;
  return {
    linearSize: 4,
    beta,
    field,
    binOf: (configuration) => energyMagnetizationBin(configuration, 4),
    probabilities: exactEnergyMagnetizationDistribution(4, beta, 1, field),
    nSamples: options.nSamples,
    spacingSweeps: options.spacingSweeps,
  };
}

/** χ² check of the histogram of all 512 states of the periodic 3×3 lattice (samplers that allow odd L). */
export function stateCheck(beta: number, options: { nSamples?: number; spacingSweeps?: number } = {}): ExactDistributionCheck<Int8Array> {
  return {
    linearSize: 3,
    beta,
    binOf: stateBin,
    probabilities: exactStateDistribution(3, beta),
    nSamples: options.nSamples ?? 50_000,
    spacingSweeps: options.spacingSweeps,
  };
}
