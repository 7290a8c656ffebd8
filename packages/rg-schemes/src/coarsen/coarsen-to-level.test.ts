import { Rng, isRgaeError, type RGScheme } from '@rgae/core';
import { describe, expect, it } from 'vitest';
import { blockAverageScheme } from '../scheme/block-average.js';
import { decimationScheme } from '../scheme/decimation.js';
import { majorityScheme } from '../scheme/majority.js';
import { isingBatchOf, randomIsingBatch } from '../testing/configurations.js';
import { coarsenLevels, coarsenToLevel } from './coarsen-to-level.js';

const isingSchemes: RGScheme[] = [majorityScheme, decimationScheme, blockAverageScheme];

function thrown(action: () => unknown): Error & { code?: string } {
  try {
    action();
  } catch (error) {
    expect(isRgaeError(error)).toBe(true);
    return error as Error & { code?: string };
  }
  throw new Error('expected an RgaeError, but nothing was thrown');
}

describe('coarsenLevels', () => {
  it.each(isingSchemes.map((scheme) => [scheme.id, scheme] as const))('%s keeps a uniform state uniform', (_id, scheme) => {
    for (const sign of [1, -1]) {
      const levels = coarsenLevels(scheme, isingBatchOf(2, 27, () => sign), { blockSize: 3, level: 3, rng: Rng.create(1) });

      expect(levels.map((batch) => batch.linearSize)).toEqual([9, 3, 1]);
      for (const batch of levels) expect(Array.from(batch.data).every((value) => value === sign)).toBe(true);
    }
  });

  it('equals single steps sharing one generator', () => {
    const batch = randomIsingBatch(5, 16, 11);
    const iterated = coarsenToLevel(majorityScheme, batch, { blockSize: 2, level: 2, rng: Rng.create(42) });

    const rng = Rng.create(42);
    const once = majorityScheme.coarsen(batch, { blockSize: 2, rng });
    const twice = majorityScheme.coarsen(once, { blockSize: 2, rng });
    expect(iterated.linearSize).toBe(4);
    expect(Array.from(iterated.data)).toEqual(Array.from(twice.data));
  });

  it('uses the scheme default block size', () => {
    const levels = coarsenLevels(decimationScheme, randomIsingBatch(1, 8, 1), { level: 2, rng: Rng.create(1) });
    expect(levels.map((batch) => batch.linearSize)).toEqual([4, 2]);
  });

  it('passes scheme options to every step', () => {
    const checkerboard = isingBatchOf(1, 8, (x, y) => ((x + y) % 2 === 0 ? 1 : -1));
    const coarse = coarsenToLevel(majorityScheme, checkerboard, { blockSize: 2, level: 2, rng: Rng.create(1), tieBreak: 'top-left' });
    expect(Array.from(coarse.data)).toEqual([1, 1, 1, 1]);
  });

  it('rejects L not divisible by b^k', () => {
    const error = thrown(() => coarsenLevels(majorityScheme, randomIsingBatch(1, 12, 1), { blockSize: 2, level: 3, rng: Rng.create(1) }));
    expect(error.message).toMatch(/L = 12 is not divisible by b\^k = 2\^3 = 8/);
  });

  it.each([0, -1, 1.5])('rejects level %s', (level) => {
    const error = thrown(() => coarsenLevels(majorityScheme, randomIsingBatch(1, 8, 1), { blockSize: 2, level, rng: Rng.create(1) }));
    expect(error.message).toMatch(new RegExp(`Invalid number of levels ${level}: expected an integer ≥ 1`));
  });

  it('lists the schemes that support the lattice', () => {
    const xy = { lattice: 'xy', linearSize: 4, nSamples: 1, data: new Float32Array(16) };
    const error = thrown(() => coarsenLevels(majorityScheme, xy, { blockSize: 2, level: 1, rng: Rng.create(1) }));

    expect(error.code).toBe('INCOMPATIBLE');
    expect(error.message).toBe(
      'RG scheme "majority" does not support the "xy" lattice. Schemes that support "xy": decimation, block-average. Choose one of them.',
    );
  });

  it('lists only the schemes it is given', () => {
    const potts = { lattice: 'potts', linearSize: 4, nSamples: 1, data: new Uint8Array(16) };
    const error = thrown(() =>
      coarsenLevels(majorityScheme, potts, { blockSize: 2, level: 1, rng: Rng.create(1), schemes: [majorityScheme, blockAverageScheme] }),
    );
    expect(error.message).toMatch(/No registered scheme supports "potts"/);
  });
});
