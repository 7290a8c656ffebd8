import { xyPlugin } from './xy-plugin.js';

export { xyPlugin };
export { xyModel, BKT_TEMPERATURE_PER_COUPLING } from './lattice/xy-model.js';
export { measureXy, XY_OBSERVABLES } from './lattice/measure-xy.js';
export { summarizeXy, helicityModulus } from './lattice/summarize-xy.js';
export { wrapAngle, isValidAngleArray } from './lattice/angles.js';
export { xyMetropolisSampler } from './sampler/xy-metropolis.js';
export { xyOverrelaxationSampler, OVERRELAXATION_SWEEPS_PER_METROPOLIS_SWEEP } from './sampler/xy-overrelaxation.js';
export { xyWolffSampler } from './sampler/xy-wolff.js';
export { TARGET_ACCEPTANCE } from './sampler/proposal-width.js';
export { correlationFunction } from './observable/correlation-function.js';
export { secondMomentCorrelationLength } from './observable/correlation-length.js';

export default xyPlugin;
