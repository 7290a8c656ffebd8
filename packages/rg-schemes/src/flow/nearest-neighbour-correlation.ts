import { NotImplementedError, type SpinData } from '@rgae/core';

/**
 * Mean over the 2N nearest-neighbour bonds of one configuration (periodic L × L): ⟨s_i s_j⟩ for
 * `ising` (±1 spins) and ⟨cos(θ_i − θ_j)⟩ for `xy` (angles).
 */
export function nearestNeighbourCorrelation(configuration: SpinData, linearSize: number, lattice: string): number {
  const bond =
    lattice === 'ising' ? (a: number, b: number) => a * b : lattice === 'xy' ? (a: number, b: number) => Math.cos(a - b) : undefined;
  if (!bond) {
    throw new NotImplementedError(`The nearest-neighbour correlation is implemented for "ising" and "xy", not "${lattice}".`);
  }

  let sum = 0;
  for (let y = 0; y < linearSize; y++) {
    const row = y * linearSize;
    const below = ((y + 1) % linearSize) * linearSize;
    for (let x = 0; x < linearSize; x++) {
      const spin = configuration[row + x];
      sum += bond(spin, configuration[row + ((x + 1) % linearSize)]) + bond(spin, configuration[below + x]);
    }
  }
  return sum / (2 * linearSize * linearSize);
}
