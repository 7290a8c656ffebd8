import { invalidArgument, type ModelParameters } from '@rgae/core';

/** Largest accepted L, so that L² sites fit the Int32Array cluster stack. */
export const MAX_LINEAR_SIZE = 32768;

/** Throws an RgaeError (INVALID_ARGUMENT) naming the first parameter the Potts model cannot take. */
export function validatePottsParameters(lattice: string, params: ModelParameters): void {
  const { linearSize, beta, coupling, field } = params;
  if (!Number.isInteger(linearSize) || linearSize < 2 || linearSize > MAX_LINEAR_SIZE) {
    throw invalidArgument(`Invalid ${lattice} linear size L = ${linearSize}: expected an integer from 2 to ${MAX_LINEAR_SIZE}.`);
  }
  if (!Number.isFinite(beta) || beta < 0) {
    throw invalidArgument(`Invalid ${lattice} β = ${beta}: expected a finite number ≥ 0 (β = 1/temperature).`);
  }
  if (!Number.isFinite(coupling)) {
    throw invalidArgument(`Invalid ${lattice} coupling J = ${coupling}: expected a finite number (J > 0 is ferromagnetic).`);
  }
  if (!Number.isFinite(field)) {
    throw invalidArgument(`Invalid ${lattice} field h = ${field}: expected a finite number (h > 0 favours state 0).`);
  }
}
