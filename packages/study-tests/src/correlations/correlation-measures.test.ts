import { describe, expect, it } from 'vitest';
import { axisCorrelation, frobeniusDistance, frobeniusNorm, secondMomentLength, shareRetained, windowBlock } from './correlation-measures.js';

/** N×N matrix on an L×L periodic lattice: 1 on the diagonal, `neighbour` between axis neighbours, 0 elsewhere. */
function nearestNeighbourMatrix(linearSize: number, neighbour: number): Float64Array {
  const nSites = linearSize * linearSize;
  const matrix = new Float64Array(nSites * nSites);
  for (let i = 0; i < nSites; i++) {
    const x = i % linearSize;
    const y = Math.floor(i / linearSize);
    matrix[i * nSites + i] = 1;
    for (const [dx, dy] of [[1, 0], [-1, 0], [0, 1], [0, -1]]) {
      const j = ((y + dy + linearSize) % linearSize) * linearSize + ((x + dx + linearSize) % linearSize);
      matrix[i * nSites + j] = neighbour;
    }
  }
  return matrix;
}

describe('Frobenius measures', () => {
  it('computes the norm and distance', () => {
    expect(frobeniusNorm([3, 4, 0, 0])).toBe(5);
    expect(frobeniusDistance([1, 1, 1, 1], [1, 2, 3, 1])).toBeCloseTo(Math.sqrt(5), 12);
  });

  it('retains 1 of identical matrices, 0 of a zero or doubled one', () => {
    const original = nearestNeighbourMatrix(4, 0.3);
    expect(shareRetained(original, original)).toBe(1);
    expect(shareRetained(original, new Float64Array(original.length))).toBe(0);
    expect(shareRetained(original, original.map((value) => 2 * value))).toBeCloseTo(0, 12);
    expect(shareRetained(new Float64Array(4), original)).toBeNaN();
  });
});

describe('axisCorrelation', () => {
  it('reads G(r) off a nearest-neighbour matrix', () => {
    expect(Array.from(axisCorrelation(nearestNeighbourMatrix(4, 0.25), 4))).toEqual([1, 0.25, 0]);
  });
});

describe('secondMomentLength', () => {
  it('is 0 without correlations', () => {
    expect(secondMomentLength(nearestNeighbourMatrix(4, 0), 4)).toBe(0);
  });

  it('matches the hand value of a nearest-neighbour matrix', () => {
    // L = 4: χ(0) = 1 + 4a, χ(k_min) = 1 + 2a, 2 sin(π/4) = √2, so ξ₂ = √(a/(1 + 2a)).
    expect(secondMomentLength(nearestNeighbourMatrix(4, 0.25), 4)).toBeCloseTo(Math.sqrt(0.25 / 1.5), 12);
  });

  it('is NaN for a constant matrix, whose χ(k_min) vanishes', () => {
    expect(secondMomentLength(new Float64Array(256).fill(1), 4)).toBeNaN();
  });
});

describe('windowBlock', () => {
  it('keeps the pairs of sites inside the window', () => {
    const matrix = Float64Array.from({ length: 16 * 16 }, (_, k) => k);
    const block = windowBlock(matrix, 4, 2);
    expect(block.shape).toEqual([4, 4]);
    // Window sites 0, 1, 4, 5 of the 4×4 lattice.
    expect(Array.from(block.data.slice(0, 4))).toEqual([0, 1, 4, 5]);
    expect(block.data[2 * 4 + 3]).toBe(4 * 16 + 5);
  });
});
