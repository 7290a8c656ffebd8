import { Rng, type SpinBatch } from '@rgae/core';
import { describe, expect, it } from 'vitest';
import { blockAverageScheme, xyBlockAverage } from './block-average.js';

const options = { blockSize: 2, rng: Rng.create(1) };

/** Distance between two angles on the circle. */
function circularDistance(a: number, b: number): number {
  const difference = Math.abs(a - b) % (2 * Math.PI);
  return Math.min(difference, 2 * Math.PI - difference);
}

function xyBatch(angles: number[]): SpinBatch<Float32Array> {
  return { lattice: 'xy', linearSize: Math.sqrt(angles.length), nSamples: 1, data: Float32Array.from(angles) };
}

describe('blockAverageScheme on ising', () => {
  it('returns the block means', () => {
    // Blocks (top-left, top-right, bottom-left, bottom-right) of a 4×4 lattice, rows listed in order.
    const data = Int8Array.from([1, 1, 1, -1, 1, -1, -1, -1, -1, -1, 1, 1, -1, -1, 1, 1]);
    const coarse = blockAverageScheme.coarsen({ lattice: 'ising', linearSize: 4, nSamples: 1, data }, options);

    expect(coarse.data).toBeInstanceOf(Float32Array);
    expect(Array.from(coarse.data)).toEqual([0.5, -0.5, -1, 1]);
  });

  it('averages over b² sites for b = 3', () => {
    const data = new Int8Array(9).fill(1);
    data[4] = -1;
    data[8] = -1;
    const coarse = blockAverageScheme.coarsen({ lattice: 'ising', linearSize: 3, nSamples: 1, data }, { ...options, blockSize: 3 });

    expect(coarse.data[0]).toBe(Math.fround(5 / 9));
  });

  it('averages block means at the next level', () => {
    const means = Float32Array.from([0.5, -0.5, 1, 0]);
    const coarse = blockAverageScheme.coarsen({ lattice: 'ising', linearSize: 2, nSamples: 1, data: means }, options);

    expect(Array.from(coarse.data)).toEqual([0.25]);
  });
});

describe('blockAverageScheme on xy', () => {
  it('returns the direction of the mean vector', () => {
    const delta = 0.3;
    const half = Math.PI / 2;
    const result = xyBlockAverage(xyBatch([half - delta, half + delta, half, half]), options);

    expect(result.direction.data[0]).toBeCloseTo(half, 6);
    expect(result.length[0]).toBeCloseTo((2 * Math.cos(delta) + 2) / 4, 6);
  });

  it('wraps the direction into [0, 2π)', () => {
    const twoPi = 2 * Math.PI;
    const aroundZero = xyBatch([twoPi - 0.1, 0.1, twoPi - 0.1, 0.1]);
    const belowZero = xyBatch([twoPi - 0.2, 0.1, twoPi - 0.2, 0.1]);

    const zero = xyBlockAverage(aroundZero, options);
    const below = blockAverageScheme.coarsen(belowZero, options).data[0];

    // float32 angles near 2π are not exact, so the mean lands within 1e-6 of 0 on either side.
    expect(circularDistance(zero.direction.data[0], 0)).toBeLessThan(1e-6);
    expect(zero.direction.data[0]).toBeLessThan(twoPi);
    expect(zero.length[0]).toBeCloseTo(Math.cos(0.1), 6);
    expect(below).toBeCloseTo(twoPi - 0.05, 5);
    expect(below).toBeLessThan(twoPi);
  });

  it('gives direction 0 when the vectors cancel', () => {
    const result = xyBlockAverage(xyBatch([0, Math.PI, Math.PI / 2, (3 * Math.PI) / 2]), options);

    expect(result.length[0]).toBeLessThan(1e-6);
    expect(result.direction.data[0]).toBeGreaterThanOrEqual(0);
    expect(result.direction.data[0]).toBeLessThan(2 * Math.PI);
  });

  it('dispatches on the lattice of the batch', () => {
    expect(blockAverageScheme.supports('ising')).toBe(true);
    expect(blockAverageScheme.supports('xy')).toBe(true);
    expect(blockAverageScheme.supports('potts')).toBe(false);
    expect(() => blockAverageScheme.coarsen({ lattice: 'potts', linearSize: 2, nSamples: 1, data: new Uint8Array(4) }, options)).toThrow(
      /"block-average" does not support the "potts" lattice; it accepts "ising", "xy"/,
    );
  });
});
