import { NotImplementedError, invalidArgument, type ChainOptions, type SamplerDefinition } from '@rgae/core';
import { validateIsingParameters } from '../lattice/validate-ising-parameters.js';

/**
 * Checks what `SamplerDefinition.create` receives: valid Ising parameters, a starting configuration of L² spins,
 * an even L for checkerboard samplers and, for cluster samplers, h = 0. A sampler with typed-array kernels only
 * runs them whatever `kernels` requests, and its chain reports `kernels: 'js'`.
 */
export function checkChainOptions(sampler: SamplerDefinition<Int8Array>, options: ChainOptions<Int8Array>): void {
  validateIsingParameters(options);
  const { linearSize, initial, field } = options;
  if (!(initial instanceof Int8Array) || initial.length !== linearSize * linearSize) {
    throw invalidArgument(
      `Sampler "${sampler.id}" needs a starting Int8Array of L² = ${linearSize * linearSize} spins, received ` +
        `${initial?.constructor?.name ?? typeof initial} of length ${initial?.length ?? 'none'}. Create it with isingModel.createConfiguration.`,
    );
  }
  if (sampler.requiresEvenLinearSize && linearSize % 2 !== 0) {
    throw invalidArgument(`Sampler "${sampler.id}" updates a checkerboard and needs an even L, received L = ${linearSize}. Use an even L or another sampler.`);
  }
  if (sampler.family === 'cluster' && field !== 0) {
    throw new NotImplementedError(
      `Sampler "${sampler.id}" on the "ising" lattice with a field h = ${field} is not implemented (it would need a ghost spin). ` +
        'Use the metropolis or heat-bath sampler, or set h = 0.',
    );
  }
}
