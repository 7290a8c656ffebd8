/**
 * Potts order parameter from the state counts n_a of N sites: m = (q·max_a n_a/N − 1)/(q − 1), which is 0
 * when every state is equally occupied and 1 when all sites share one state.
 */
export function pluralityOrderParameter(counts: Int32Array, nSites: number): number {
  const nStates = counts.length;
  let largest = 0;
  for (let a = 0; a < nStates; a++) largest = Math.max(largest, counts[a]);
  return ((nStates * largest) / nSites - 1) / (nStates - 1);
}

/**
 * Squared length of the Potts order-parameter vector, |m⃗|² = (q·Σ_a ρ_a² − 1)/(q − 1) with ρ_a = n_a/N.
 * It is the quadratic invariant of the (q − 1)-component simplex representation of the states: 0 for equal
 * occupation, 1 when all sites share one state, and it equals m² of the Ising model for q = 2.
 */
export function orderVectorSquared(counts: Int32Array, nSites: number): number {
  const nStates = counts.length;
  let sumOfSquares = 0;
  for (let a = 0; a < nStates; a++) {
    const density = counts[a] / nSites;
    sumOfSquares += density * density;
  }
  return (nStates * sumOfSquares - 1) / (nStates - 1);
}
