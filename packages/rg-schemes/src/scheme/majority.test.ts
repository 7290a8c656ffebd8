import { Rng, isRgaeError } from '@rgae/core';
import { describe, expect, it } from 'vitest';
import { isingBatchOf, randomIsingBatch } from '../testing/configurations.js';
import { majorityScheme } from './majority.js';

const checkerboard = (x: number, y: number) => ((x + y) % 2 === 0 ? 1 : -1);

describe('majorityScheme', () => {
  it('maps a checkerboard with b = 3 to the checkerboard of top-left spins', () => {
    // Each 3×3 block of a checkerboard holds five spins equal to its top-left spin and four opposite,
    // so the block takes the top-left value (−1)^(X+Y): the pattern survives, rescaled.
    const batch = isingBatchOf(2, 9, checkerboard);
    const coarse = majorityScheme.coarsen(batch, { blockSize: 3, rng: Rng.create(1) });

    expect(coarse.linearSize).toBe(3);
    expect(Array.from(coarse.data)).toEqual(Array.from(isingBatchOf(2, 3, checkerboard).data));
  });

  it('breaks checkerboard ties by the top-left spin', () => {
    // With b = 2 every block of a checkerboard sums to zero, and every top-left spin is +1.
    const batch = isingBatchOf(1, 8, checkerboard);
    const coarse = majorityScheme.coarsen(batch, { blockSize: 2, rng: Rng.create(1), tieBreak: 'top-left' });

    expect(Array.from(coarse.data)).toEqual(new Array(16).fill(1));
  });

  it('breaks ties with fair seeded coin flips', () => {
    const batch = isingBatchOf(4, 64, checkerboard);
    const first = majorityScheme.coarsen(batch, { blockSize: 2, rng: Rng.create(7) });
    const again = majorityScheme.coarsen(batch, { blockSize: 2, rng: Rng.create(7) });
    const other = majorityScheme.coarsen(batch, { blockSize: 2, rng: Rng.create(8) });

    expect(Array.from(again.data)).toEqual(Array.from(first.data));
    expect(Array.from(other.data)).not.toEqual(Array.from(first.data));
    // 4096 ties: the number of +1 is Binomial(4096, 1/2), mean 2048 and σ = 32; ±5σ never fails by chance.
    const plus = first.data.reduce((count, s) => count + (s === 1 ? 1 : 0), 0);
    expect(Math.abs(plus - 2048)).toBeLessThan(160);
  });

  it('takes the sign of the block sum without ties', () => {
    const batch = randomIsingBatch(3, 12, 5);
    const coarse = majorityScheme.coarsen(batch, { blockSize: 3, rng: Rng.create(1) });

    for (let n = 0; n < 3; n++) {
      for (let row = 0; row < 4; row++) {
        for (let column = 0; column < 4; column++) {
          let sum = 0;
          for (let j = 0; j < 3; j++) {
            for (let i = 0; i < 3; i++) sum += batch.data[n * 144 + (3 * row + j) * 12 + 3 * column + i];
          }
          expect(coarse.data[n * 16 + row * 4 + column]).toBe(Math.sign(sum));
        }
      }
    }
  });

  it('rejects an unknown tie-break', () => {
    const batch = randomIsingBatch(1, 4, 1);
    expect(() => majorityScheme.coarsen(batch, { blockSize: 2, rng: Rng.create(1), tieBreak: 'first' })).toThrow(
      /Invalid tieBreak "first".*Accepted values: random, top-left/,
    );
  });

  it('rejects real-valued spins', () => {
    const batch = { lattice: 'ising', linearSize: 4, nSamples: 1, data: new Float32Array(16) };
    let caught: unknown;
    try {
      majorityScheme.coarsen(batch, { blockSize: 2, rng: Rng.create(1) });
    } catch (error) {
      caught = error;
    }
    expect(isRgaeError(caught)).toBe(true);
    expect((caught as Error).message).toMatch(/expects "ising" spins as Int8Array, received Float32Array/);
  });

  it('rejects the xy lattice naming the accepted one', () => {
    const batch = { lattice: 'xy', linearSize: 4, nSamples: 1, data: new Float32Array(16) };
    expect(() => majorityScheme.coarsen(batch, { blockSize: 2, rng: Rng.create(1) })).toThrow(
      /"majority" does not support the "xy" lattice; it accepts "ising"/,
    );
  });
});
