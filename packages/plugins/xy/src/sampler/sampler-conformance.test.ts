import type { SamplerDefinition } from '@rgae/core';
import { describeSamplerConformance, type ExactDistributionCheck } from '@rgae/core/testing';
import { exactTwoByTwoDistribution, twoByTwoBinLabel, type TwoByTwoBins } from '../lattice/exact-two-by-two.js';
import { measureXy } from '../lattice/measure-xy.js';
import { xyModel } from '../lattice/xy-model.js';
import { xyMetropolisSampler } from './xy-metropolis.js';
import { xyOverrelaxationSampler } from './xy-overrelaxation.js';
import { xyWolffSampler } from './xy-wolff.js';

/** χ² check of the joint (e, |m|) histogram of the 2×2 lattice at zero field against its exact distribution. */
function twoByTwoCheck(beta: number, bins: TwoByTwoBins, spacingSweeps: number): ExactDistributionCheck<Float32Array> {
  const params = { linearSize: 2, beta, coupling: 1, field: 0 };
  return {
    linearSize: 2,
    beta,
    binOf: (configuration) => {
      const { e, absM } = measureXy(configuration, params);
      return twoByTwoBinLabel(e, absM, bins);
    },
    probabilities: exactTwoByTwoDistribution(params, bins),
    spacingSweeps,
  };
}

const warmBins = { energyEdges: [-1.8, -1.5, -1.2, -0.8, -0.3], magnetisationEdges: [0.5, 0.8, 0.9] };
const coldBins = { energyEdges: [-1.9, -1.8, -1.65, -1.4, -1], magnetisationEdges: [0.85, 0.93, 0.97] };

/**
 * Sweeps between recorded configurations. The χ² statistic is divided by the largest 2τ_int of all
 * observables, and under Metropolis alone the global angle (mx, my) of the 2×2 lattice decorrelates over tens
 * of sweeps. Wider spacing keeps that divisor near 1, so the check keeps its power: with these settings,
 * Metropolis and over-relaxation accepting with exp(−0.95·βΔE) gave p < 1e-15 in every check.
 */
const spacing: Record<string, [warm: number, cold: number]> = {
  metropolis: [50, 100],
  overrelaxation: [10, 10],
  wolff: [10, 10],
};

for (const sampler of [xyMetropolisSampler, xyOverrelaxationSampler, xyWolffSampler] as SamplerDefinition<Float32Array>[]) {
  const [warm, cold] = spacing[sampler.id];
  describeSamplerConformance({
    model: xyModel,
    sampler,
    exact: [twoByTwoCheck(0.7, warmBins, warm), twoByTwoCheck(1.5, coldBins, cold)],
    isValidConfiguration: xyModel.isValidConfiguration,
  });
}
