import type { ExactDistributionCheck } from '@rgae/core/testing';
import { energyMagnetizationBin, exactEnergyMagnetizationDistribution, exactStateDistribution, stateBin } from '../exact/enumeration.js';

/** χ² check of the joint (bond sum, magnetisation) histogram of the periodic 4×4 lattice. */
export function energyMagnetizationCheck(
  beta: number,
  options: { coupling?: number; field?: number; nSamples?: number; spacingSweeps?: number } = {},
): ExactDistributionCheck<Int8Array> {
  const coupling = options.coupling ?? 1;
  const field = options.field ?? 0;
  return {
    linearSize: 4,
    beta,
    coupling,
    field,
    binOf: (configuration) => energyMagnetizationBin(configuration, 4),
    probabilities: exactEnergyMagnetizationDistribution(4, beta, coupling, field),
    nSamples: options.nSamples,
    spacingSweeps: options.spacingSweeps,
  };
}

/** χ² check of the histogram of all 512 states of the periodic 3×3 lattice (samplers that allow odd L). */
export function stateCheck(beta: number, options: { coupling?: number; nSamples?: number; spacingSweeps?: number } = {}): ExactDistributionCheck<Int8Array> {
  const coupling = options.coupling ?? 1;
  return {
    linearSize: 3,
    beta,
    coupling,
    binOf: stateBin,
    probabilities: exactStateDistribution(3, beta, coupling),
    nSamples: options.nSamples ?? 50_000,
    spacingSweeps: options.spacingSweeps,
  };
}
