import { describe, expect, it } from 'vitest';
import { nearestNeighbourCorrelation } from './nearest-neighbour-correlation.js';

describe('nearestNeighbourCorrelation', () => {
  it('is ±1 for uniform and checkerboard Ising states', () => {
    const uniform = new Int8Array(16).fill(-1);
    const checkerboard = Int8Array.from({ length: 16 }, (_, i) => ((i % 4) + Math.floor(i / 4)) % 2 === 0 ? 1 : -1);

    expect(nearestNeighbourCorrelation(uniform, 4, 'ising')).toBe(1);
    expect(nearestNeighbourCorrelation(checkerboard, 4, 'ising')).toBe(-1);
  });

  it('averages cos(θ_i − θ_j) for xy', () => {
    // Columns alternate between 0 and π/2: horizontal bonds give cos(π/2) = 0, vertical bonds 1.
    const angles = Float32Array.from({ length: 16 }, (_, i) => (i % 2 === 0 ? 0 : Math.PI / 2));
    expect(nearestNeighbourCorrelation(angles, 4, 'xy')).toBeCloseTo(0.5, 6);
  });

  it('rejects another lattice', () => {
    expect(() => nearestNeighbourCorrelation(new Uint8Array(4), 2, 'potts')).toThrow(/implemented for "ising" and "xy", not "potts"/);
  });
});
