import { definePlugin } from '@rgae/core';
import { BUILTIN_SCHEMES } from './scheme/builtin-schemes.js';

export { majorityScheme, parseTieBreak, TIE_BREAKS, type TieBreak } from './scheme/majority.js';
export { decimationScheme } from './scheme/decimation.js';
export { blockAverageScheme, xyBlockAverage, type XYBlockAverage } from './scheme/block-average.js';
export { BUILTIN_SCHEMES } from './scheme/builtin-schemes.js';
export { assertSchemeSupports } from './scheme/scheme-support.js';
export { coarsenLevels, coarsenToLevel, type CoarsenToLevelOptions } from './coarsen/coarsen-to-level.js';
export type { BlockKernels, BlockShape } from './kernel/block-kernels.js';
export { typedArrayKernels } from './kernel/typed-array-kernels.js';
export { gpujsKernels, gpujsMode, hasRealGpuMode } from './kernel/gpujs-kernels.js';
export { selectBlockKernels } from './kernel/select-block-kernels.js';
export type { ChainSettings } from './ensemble/chain-settings.js';
export {
  rgFlow,
  FLOW_OBSERVABLES,
  type FlowObservable,
  type FlowPoint,
  type RgFlowConfig,
  type RgFlowOptions,
  type RgFlowResult,
} from './flow/rg-flow.js';
export { nearestNeighbourCorrelation } from './flow/nearest-neighbour-correlation.js';
export {
  analyseMcrg,
  runMcrg,
  type McrgAnalysisOptions,
  type McrgConfig,
  type McrgLevel,
  type McrgOptions,
  type McrgResult,
} from './mcrg/run-mcrg.js';
export { EVEN_OPERATORS, ODD_OPERATORS, measureOperators, type CouplingOperator } from './mcrg/coupling-operators.js';

/** Registers the majority, decimation and block-average schemes. */
export default definePlugin({
  name: '@rgae/rg-schemes',
  version: '0.1.0',
  register(binders) {
    for (const scheme of BUILTIN_SCHEMES) binders.scheme(scheme);
  },
});
