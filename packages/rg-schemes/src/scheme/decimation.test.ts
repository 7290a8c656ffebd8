import { Rng } from '@rgae/core';
import { describe, expect, it } from 'vitest';
import { randomIsingBatch, randomXYBatch } from '../testing/configurations.js';
import { decimationScheme } from './decimation.js';

describe('decimationScheme', () => {
  it('keeps the sublattice of top-left spins', () => {
    const batch = randomIsingBatch(2, 6, 3);
    const coarse = decimationScheme.coarsen(batch, { blockSize: 3, rng: Rng.create(1) });

    // Sites (0, 0), (3, 0), (0, 3), (3, 3) of each 6×6 sample, written out by index.
    const expected = [0, 3, 18, 21, 36, 39, 54, 57].map((index) => batch.data[index]);
    expect(coarse.linearSize).toBe(2);
    expect(coarse.nSamples).toBe(2);
    expect(coarse.data).toBeInstanceOf(Int8Array);
    expect(Array.from(coarse.data)).toEqual(expected);
  });

  it('copies xy angles unchanged', () => {
    const batch = randomXYBatch(1, 4, 2);
    const coarse = decimationScheme.coarsen(batch, { blockSize: 2, rng: Rng.create(1) });

    expect(coarse.data).toBeInstanceOf(Float32Array);
    expect(Array.from(coarse.data)).toEqual([0, 2, 8, 10].map((index) => batch.data[index]));
  });

  it('rejects data of the wrong length', () => {
    const batch = { lattice: 'ising', linearSize: 4, nSamples: 2, data: new Int8Array(16) };
    expect(() => decimationScheme.coarsen(batch, { blockSize: 2, rng: Rng.create(1) })).toThrow(
      /contains 16 values, but nSamples·L² = 2·4² = 32/,
    );
  });
});
