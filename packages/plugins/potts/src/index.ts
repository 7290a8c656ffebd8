import { pottsPlugin } from './potts-plugin.js';

export { pottsPlugin };
export { createPottsModel, MAX_POTTS_STATES, type PottsModel, type PottsModelOptions } from './lattice/potts-model.js';
export { potts3Model, potts4Model, POTTS_MODELS } from './lattice/potts-lattices.js';
export { pottsCriticalTemperature } from './lattice/critical-temperature.js';
export { satisfiedBonds, stateCounts, firstInvalidState } from './lattice/configuration-sums.js';
export { validatePottsParameters, MAX_LINEAR_SIZE } from './lattice/validate-potts-parameters.js';
export { pluralityOrderParameter, orderVectorSquared } from './observable/order-parameter.js';
export { summarizePotts, pottsBinderCumulant } from './observable/summarize-potts.js';
export { encodeOneHot, decodeArgmax } from './encoding/one-hot.js';
export { createPottsMetropolisSampler } from './sampler/potts-metropolis.js';
export { createPottsWolffSampler } from './sampler/potts-wolff.js';
export { createPluralityScheme } from './scheme/plurality.js';
export { exactPottsDistribution, bondsAndCountsBin, MAX_ENUMERATED_CONFIGURATIONS } from './exact/enumeration.js';

export default pottsPlugin;
