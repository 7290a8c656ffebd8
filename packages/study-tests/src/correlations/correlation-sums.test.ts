import { describe, expect, it } from 'vitest';
import { addConfigurations, alignWithMagnetisation, connectedMatrix, emptyCorrelationSums, subtractSums } from './correlation-sums.js';

describe('connectedMatrix', () => {
  it('subtracts the product of the site means', () => {
    // Two 2×2 configurations: all up, and columns alternating; ⟨s⟩ = (1, 0, 1, 0).
    const encoded = Float32Array.from([1, 1, 1, 1, 1, -1, 1, -1]);
    const matrix = connectedMatrix(addConfigurations(emptyCorrelationSums(2, 1), encoded, 0, 2));
    expect(Array.from(matrix)).toEqual([0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 1, 0, 1]);
  });

  it('takes the dot product of two-channel spins', () => {
    // Four XY spins on a 2×2 lattice at angles 0, π/2, π, 0.
    const angles = [0, Math.PI / 2, Math.PI, 0];
    const encoded = Float32Array.from(angles.flatMap((theta) => [Math.cos(theta), Math.sin(theta)]));
    const sums = addConfigurations(emptyCorrelationSums(2, 2), encoded, 0, 1);
    expect(sums.pairSums[0 * 4 + 1]).toBeCloseTo(0, 6);
    expect(sums.pairSums[0 * 4 + 2]).toBeCloseTo(-1, 6);
    // One configuration: C = ⟨v_i·v_j⟩ − ⟨v_i⟩·⟨v_j⟩ vanishes.
    expect(Math.max(...Array.from(connectedMatrix(sums), Math.abs))).toBeLessThan(1e-6);
  });
});

describe('subtractSums', () => {
  it('leaves the sums of the other configurations', () => {
    const encoded = Float32Array.from([1, 1, 1, 1, 1, -1, 1, -1, -1, -1, 1, 1]);
    const total = addConfigurations(emptyCorrelationSums(2, 1), encoded, 0, 3);
    const middle = addConfigurations(emptyCorrelationSums(2, 1), encoded, 1, 2);
    const rest = subtractSums(total, middle, emptyCorrelationSums(2, 1));

    const direct = addConfigurations(addConfigurations(emptyCorrelationSums(2, 1), encoded, 0, 1), encoded, 2, 3);
    expect(rest).toEqual(direct);
  });
});

describe('alignWithMagnetisation', () => {
  it('flips Ising configurations with negative magnetisation', () => {
    const spins = Float64Array.from([-1, -1, 1, -1]);
    alignWithMagnetisation(spins, 1);
    expect(Array.from(spins)).toEqual([1, 1, -1, 1]);
  });

  it('rotates XY vectors so the magnetisation points along +x', () => {
    const vectors = Float64Array.from([0, 1, 0, 1]);
    alignWithMagnetisation(vectors, 2);
    expect(vectors[0]).toBeCloseTo(1, 12);
    expect(vectors[1]).toBeCloseTo(0, 12);
  });

  it('puts the most occupied one-hot channel first', () => {
    const oneHot = Float64Array.from([0, 0, 1, 0, 0, 1, 1, 0, 0]);
    alignWithMagnetisation(oneHot, 3);
    expect(Array.from(oneHot)).toEqual([1, 0, 0, 1, 0, 0, 0, 1, 0]);
  });

  it('makes an ordered two-sector ensemble uncorrelated', () => {
    // Half the configurations all up, half all down: without alignment C_ij = 1 for every pair.
    const encoded = Float32Array.from([1, 1, 1, 1, -1, -1, -1, -1]);
    const sums = addConfigurations(emptyCorrelationSums(2, 1), encoded, 0, 2);
    expect(Array.from(connectedMatrix(sums)).every((value) => Math.abs(value) < 1e-12)).toBe(true);
  });
});
