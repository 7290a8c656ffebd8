import { NotImplementedError, invalidArgument, type ChainOptions, type SamplerDefinition } from '@rgae/core';
import { firstInvalidState } from '../lattice/configuration-sums.js';
import type { PottsModel } from '../lattice/potts-model.js';
import { validatePottsParameters } from '../lattice/validate-potts-parameters.js';

/**
 * Checks what `SamplerDefinition.create` receives: valid parameters, a starting Uint8Array of L² states in
 * 0…q−1, and a kernel choice the sampler offers (only typed-array kernels exist).
 */
export function checkChainOptions(model: PottsModel, sampler: SamplerDefinition<Uint8Array>, options: ChainOptions<Uint8Array>): void {
  validatePottsParameters(model.id, options);
  const { linearSize, initial, kernels } = options;
  const nSites = linearSize * linearSize;
  if (!(initial instanceof Uint8Array) || initial.length !== nSites) {
    throw invalidArgument(
      `Sampler "${sampler.id}" needs a starting Uint8Array of L² = ${nSites} states, received ` +
        `${initial?.constructor?.name ?? typeof initial} of length ${initial?.length ?? 'none'}. Create it with the model's createConfiguration.`,
    );
  }

  const invalid = firstInvalidState(initial, model.nStates);
  if (invalid >= 0) {
    throw invalidArgument(`Sampler "${sampler.id}" received state ${initial[invalid]} at site ${invalid}; "${model.id}" states lie in 0…${model.nStates - 1}.`);
  }
  if (kernels !== 'auto' && kernels !== 'js') {
    throw new NotImplementedError(`Sampler "${sampler.id}" has no "${kernels}" kernels; it offers js. Use --kernels auto or --kernels js.`);
  }
}
