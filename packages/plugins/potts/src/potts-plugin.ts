import { definePlugin } from '@rgae/core';
import { POTTS_MODELS } from './lattice/potts-lattices.js';
import { createPottsMetropolisSampler } from './sampler/potts-metropolis.js';
import { createPottsWolffSampler } from './sampler/potts-wolff.js';
import { createPluralityScheme } from './scheme/plurality.js';

/**
 * The Potts plugin: lattices `potts` (q = 3) and `potts4` (q = 4), each with metropolis and wolff samplers,
 * and the plurality RG scheme for both.
 */
export const pottsPlugin = definePlugin({
  name: '@rgae/plugin-potts',
  version: '0.1.0',
  register(bind) {
    for (const model of POTTS_MODELS) {
      bind.lattice(model);
      bind.sampler(createPottsMetropolisSampler(model));
      bind.sampler(createPottsWolffSampler(model));
    }
    bind.scheme(createPluralityScheme(POTTS_MODELS));
  },
});
