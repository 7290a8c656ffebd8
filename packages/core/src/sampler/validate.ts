import { NotImplementedError, invalidArgument } from '../errors/rgae-error.js';
import type { LatticeModel, ModelParameters } from '../lattice/lattice-model.js';
import type { SamplerDefinition } from './sampler.js';

/** Checks a (model, sampler, parameters) request before any chain is built. */
export function validateChainRequest(model: LatticeModel, sampler: SamplerDefinition, params: ModelParameters): void {
  if (sampler.lattice !== model.id) {
    throw new NotImplementedError(`Sampler "${sampler.id}" updates the "${sampler.lattice}" lattice, not "${model.id}".`);
  }
  const { linearSize, beta, coupling, field } = params;
  if (!Number.isInteger(linearSize) || linearSize < 2) {
    throw invalidArgument(`Invalid linear size L = ${linearSize}: expected an integer ≥ 2.`);
  }
  if (sampler.requiresEvenLinearSize && linearSize % 2 !== 0) {
    throw invalidArgument(
      `Sampler "${sampler.id}" updates a checkerboard and needs an even L, received L = ${linearSize}. Use an even L or another sampler.`,
    );
  }
  if (!Number.isFinite(beta) || beta < 0) {
    throw invalidArgument(`Invalid β = ${beta}: expected a finite number ≥ 0.`);
  }
  if (!Number.isFinite(coupling) || !Number.isFinite(field)) {
    throw invalidArgument(`Invalid coupling J = ${coupling} or field h = ${field}: expected finite numbers.`);
  }
  model.validateParameters?.(params);
}
