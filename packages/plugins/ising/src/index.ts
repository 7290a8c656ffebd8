import { definePlugin } from '@rgae/core';
import { isingModel } from './lattice/ising-model.js';
import { heatBathSampler } from './sampler/heat-bath.js';
import { metropolisSampler } from './sampler/metropolis.js';
import { swendsenWangSampler } from './sampler/swendsen-wang.js';
import { wolffSampler } from './sampler/wolff.js';

export { isingModel } from './lattice/ising-model.js';
export { bondSum, spinSum, isingEnergy } from './lattice/configuration-sums.js';
export { isingCriticalTemperature, isingCriticalBeta } from './lattice/critical-temperature.js';
export { validateIsingParameters, MAX_LINEAR_SIZE } from './lattice/validate-ising-parameters.js';

export { metropolisSampler } from './sampler/metropolis.js';
export { heatBathSampler } from './sampler/heat-bath.js';
export { wolffSampler } from './sampler/wolff.js';
export { swendsenWangSampler } from './sampler/swendsen-wang.js';

export { metropolisAcceptance, toUint32Thresholds, heatBathThresholds, tableIndex } from './kernel/acceptance-table.js';
export { metropolisSweepJs } from './kernel/metropolis-js.js';
export { heatBathSweepJs } from './kernel/heat-bath-js.js';
export { WolffKernel } from './kernel/wolff-js.js';
export { SwendsenWangKernel } from './kernel/swendsen-wang-js.js';
export { GpuJsMetropolis, gpuJsHasRealGpu, REAL_GPU_MODES } from './kernel/metropolis-gpujs.js';
export { xoshiroStateFrom } from './kernel/xoshiro-state.js';

export { spinCorrelation } from './observable/spin-correlation.js';
export { secondMomentCorrelationLength } from './observable/correlation-length.js';

export {
  densityOfStates,
  energyMagnetizationBin,
  energyMagnetizationKey,
  exactEnergyMagnetizationDistribution,
  exactEnumeratedObservables,
  exactStateDistribution,
  stateBin,
  MAX_ENUMERATED_LINEAR_SIZE,
  type DensityOfStatesEntry,
  type EnumeratedObservables,
} from './exact/enumeration.js';
export { exactIsingThermodynamics, exactIsingEnergy, exactIsingSpecificHeat, type ExactThermodynamics } from './exact/kaufman.js';
export { onsagerEnergy, onsagerMagnetization, ellipticK } from './exact/onsager.js';

/** The Ising plugin: the `ising` lattice model and its metropolis, heat-bath, wolff and swendsen-wang samplers. */
export const isingPlugin = definePlugin({
  name: '@rgae/plugin-ising',
  version: '0.1.0',
  register(bind) {
    bind.lattice(isingModel);
    bind.sampler(metropolisSampler);
    bind.sampler(heatBathSampler);
    bind.sampler(wolffSampler);
    bind.sampler(swendsenWangSampler);
  },
});

export default isingPlugin;
