import { Rng, generateEnsemble, isRgaeError, sampleView, type SpinBatch } from '@rgae/core';
import { describeSchemeConformance } from '@rgae/core/testing';
import { describe, expect, it } from 'vitest';
import { potts3Model, potts4Model, POTTS_MODELS } from '../lattice/potts-lattices.js';
import { createPottsWolffSampler } from '../sampler/potts-wolff.js';
import { createPluralityScheme } from './plurality.js';

const plurality = createPluralityScheme(POTTS_MODELS);

/** Configurations near T_c drawn by the Wolff sampler, so blocks hold realistic domains. */
function sampledConfiguration(linearSize: number, rng: Rng): Uint8Array {
  const ensemble = generateEnsemble(potts3Model, createPottsWolffSampler(potts3Model), {
    params: { linearSize, beta: 1.0, coupling: 1, field: 0 },
    nSamples: 1,
    seed: rng.nextUint32(),
    thermalisationSweeps: 50,
    spacingSweeps: 1,
  });
  return ensemble.batch.data as Uint8Array;
}

describeSchemeConformance(plurality, { model: potts3Model, configuration: sampledConfiguration });
describeSchemeConformance(plurality, { model: potts3Model, blockSize: 3 });
describeSchemeConformance(plurality, { model: potts4Model });

function batchOf(lattice: string, linearSize: number, rows: number[][]): SpinBatch<Uint8Array> {
  return { lattice, linearSize, nSamples: rows.length, data: Uint8Array.from(rows.flat()) };
}

function rgaeErrorOf(action: () => unknown): Error {
  try {
    action();
  } catch (error) {
    expect(isRgaeError(error)).toBe(true);
    return error as Error;
  }
  throw new Error('expected an RgaeError, but nothing was thrown');
}

describe('plurality scheme', () => {
  it('takes the most frequent state of each block', () => {
    // 3×3 blocks of a 6×6 lattice; the four blocks hold pluralities 1, 2, 0 and 2.
    const fine = batchOf('potts', 6, [
      [1, 1, 0, 2, 2, 2, 1, 2, 0, 2, 0, 1, 1, 0, 2, 0, 2, 1, 0, 0, 1, 2, 2, 0, 0, 2, 1, 1, 2, 0, 0, 0, 2, 0, 1, 2],
    ]);
    const coarse = plurality.coarsen(fine, { blockSize: 3, rng: Rng.create(1) });

    expect(coarse.linearSize).toBe(2);
    expect(Array.from(coarse.data)).toEqual([1, 2, 0, 2]);
  });

  it('breaks ties uniformly among the tied states', () => {
    // Every 2×2 block holds states 0, 0, 1, 1 (3 and 2 are absent), so each block is a fair coin between 0 and 1.
    const linearSize = 64;
    const data = Uint8Array.from({ length: linearSize * linearSize }, (_, i) => (Math.floor(i / linearSize) % 2));
    const fine: SpinBatch<Uint8Array> = { lattice: 'potts4', linearSize, nSamples: 1, data };
    const coarse = plurality.coarsen(fine, { blockSize: 2, rng: Rng.create(5) });
    const ones = coarse.data.reduce((count, state) => count + (state === 1 ? 1 : 0), 0);

    expect(coarse.data.every((state) => state <= 1)).toBe(true);
    // 1024 ties: the number of 1s is Binomial(1024, 1/2), mean 512 and σ = 16; ±5σ never fails by chance.
    expect(Math.abs(ones - 512)).toBeLessThan(80);
  });

  it('draws ties from the seeded stream', () => {
    // A checkerboard of states 0 and 1: every 2×2 block is a tie.
    const fine = batchOf('potts', 4, [[0, 1, 0, 1, 1, 0, 1, 0, 0, 1, 0, 1, 1, 0, 1, 0]]);
    const first = plurality.coarsen(fine, { blockSize: 2, rng: Rng.create(3) });
    const draws = Array.from({ length: 8 }, (_, seed) => Array.from(plurality.coarsen(fine, { blockSize: 2, rng: Rng.create(seed) }).data).join(''));

    expect(Array.from(plurality.coarsen(fine, { blockSize: 2, rng: Rng.create(3) }).data)).toEqual(Array.from(first.data));
    expect(new Set(draws).size).toBeGreaterThan(1);
  });

  it('coarsens every sample of a batch', () => {
    const fine = batchOf('potts', 2, [
      [2, 2, 2, 0],
      [1, 1, 0, 1],
    ]);
    const coarse = plurality.coarsen(fine, { blockSize: 2, rng: Rng.create(1) });

    expect(coarse.nSamples).toBe(2);
    expect(Array.from(sampleView(coarse, 0))).toEqual([2]);
    expect(Array.from(sampleView(coarse, 1))).toEqual([1]);
  });

  it('supports only Potts lattices', () => {
    expect(plurality.supports('potts')).toBe(true);
    expect(plurality.supports('potts4')).toBe(true);
    expect(plurality.supports('ising')).toBe(false);
  });

  it('rejects an Ising batch naming the accepted lattices', () => {
    const batch = { lattice: 'ising', linearSize: 2, nSamples: 1, data: new Int8Array(4) };
    const error = rgaeErrorOf(() => plurality.coarsen(batch, { blockSize: 2, rng: Rng.create(1) }));
    expect(error.message).toMatch(/"plurality" does not support the "ising" lattice; it accepts "potts", "potts4"/);
  });

  it('rejects states outside 0…q−1', () => {
    const batch = batchOf('potts', 2, [[0, 1, 3, 0]]);
    const error = rgaeErrorOf(() => plurality.coarsen(batch, { blockSize: 2, rng: Rng.create(1) }));
    expect(error.message).toMatch(/state 3 at index 2; "potts" states lie in 0…2/);
  });

  it('rejects float states', () => {
    const batch = { lattice: 'potts', linearSize: 2, nSamples: 1, data: new Float32Array(4) };
    expect(rgaeErrorOf(() => plurality.coarsen(batch, { blockSize: 2, rng: Rng.create(1) })).message).toMatch(/as Uint8Array, received Float32Array/);
  });

  it('rejects a tie-break other than random', () => {
    const batch = batchOf('potts', 2, [[0, 1, 2, 0]]);
    const error = rgaeErrorOf(() => plurality.coarsen(batch, { blockSize: 2, rng: Rng.create(1), tieBreak: 'top-left' }));
    expect(error.message).toMatch(/Invalid tieBreak "top-left" for the plurality rule. Accepted values: random/);
  });
});
