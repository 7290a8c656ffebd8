import { invalidArgument } from '@rgae/core';

/**
 * Exact transition temperature of the square-lattice q-state Potts model with coupling J > 0,
 * T_c = J / ln(1 + √q) (self-duality: R. J. Baxter, J. Phys. C 6, L445 (1973)). The transition is
 * continuous for q ≤ 4 and first order for q > 4. Returns undefined for J ≤ 0, which has no such transition.
 */
export function pottsCriticalTemperature(nStates: number, coupling: number): number | undefined {
  if (!Number.isInteger(nStates) || nStates < 2) {
    throw invalidArgument(`Invalid number of Potts states q = ${nStates}: expected an integer ≥ 2.`);
  }
  if (!(coupling > 0)) return undefined;
  return coupling / Math.log(1 + Math.sqrt(nStates));
}
