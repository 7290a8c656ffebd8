import { describe, expect, it } from 'vitest';
import { isRgaeError } from '../errors/rgae-error.js';
import { createStudyContextFixture } from './study-context-fixture.js';

/** Mean of s_i·s_j over configurations and over the pairs (i, j) that `pairs` lists, for an L×L batch. */
function meanProduct(data: Int8Array, linearSize: number, nSamples: number, pairs: Array<[number, number]>): number {
  let sum = 0;
  for (let n = 0; n < nSamples; n++) for (const [i, j] of pairs) sum += data[n * linearSize * linearSize + i] * data[n * linearSize * linearSize + j];
  return sum / (nSamples * pairs.length);
}

describe('createStudyContextFixture', () => {
  it('builds aligned batches for every point', () => {
    const context = createStudyContextFixture();
    expect(context.points.map((point) => point.temperature)).toEqual([1.5, 2, 2.5, 3]);
    expect(context.original.map((batch) => [batch.linearSize, batch.nSamples])).toEqual(new Array(4).fill([8, 40]));
    expect(context.coarse[0].linearSize).toBe(4);
    expect(context.models.rg.latent[0].linearSize).toBe(4);
    expect(context.models.ae.reconstruction[3].linearSize).toBe(8);
    expect(Object.keys(context.thermometers.coarse.readings)).toEqual(['scheme', 'rg-latent', 'ae-latent']);
    expect(Object.keys(context.thermometers.fine.readings)).toEqual(['original', 'rg-reconstruction', 'ae-reconstruction']);
  });

  it('coarse-grains by the majority rule with the top-left spin on ties', () => {
    const context = createStudyContextFixture({ linearSize: 4, nSamples: 50 });
    const fine = context.original[2].data as Int8Array;
    const coarse = context.coarse[2].data as Int8Array;
    for (let n = 0; n < 50; n++) {
      const block = [0, 1, 4, 5].map((site) => fine[n * 16 + site]);
      const sum = block.reduce((total, spin) => total + spin, 0);
      expect(coarse[n * 4]).toBe(sum === 0 ? block[0] : Math.sign(sum));
    }
  });

  it('reconstructs the RG model by repeating coarse spins', () => {
    const context = createStudyContextFixture({ linearSize: 4 });
    const coarse = context.coarse[0].data as Int8Array;
    const reconstruction = context.models.rg.reconstruction[0].data as Int8Array;
    expect(Array.from(reconstruction.subarray(0, 16))).toEqual([0, 0, 1, 1, 0, 0, 1, 1, 2, 2, 3, 3, 2, 2, 3, 3].map((k) => coarse[k]));
  });

  it('has the stated spin correlations within and between blocks', () => {
    // q = 0.1, m = 0.5: within a block (1 − 2q)² = 0.64, between blocks (1 − 2q)²m² = 0.16.
    const context = createStudyContextFixture({ linearSize: 4, nSamples: 4000, temperatures: [2], blockNoise: () => 0.1, coarseOrder: () => 0.5 });
    const data = context.original[0].data as Int8Array;
    expect(meanProduct(data, 4, 4000, [[0, 1], [0, 4], [10, 15], [2, 7]])).toBeCloseTo(0.64, 1);
    expect(meanProduct(data, 4, 4000, [[0, 2], [0, 8], [5, 15], [3, 12]])).toBeCloseTo(0.16, 1);
    expect(meanProduct(data, 4, 4000, [[0, 0]])).toBe(1);
  });

  it('reads the given flows without noise', () => {
    const context = createStudyContextFixture({ readingNoise: 0, coarseFlows: { 'ae-latent': (t) => 2 * t } });
    expect(context.thermometers.coarse.readings.scheme[0][0]).toBeCloseTo(1.5 + 0.5 * (1.5 - 2.3), 12);
    expect(context.thermometers.coarse.readings['ae-latent'][3][7]).toBe(6);
  });

  it('rejects a lattice the blocks do not tile', () => {
    const error = (() => {
      try {
        createStudyContextFixture({ linearSize: 9, blockSize: 2 });
      } catch (e) {
        return e;
      }
    })();
    expect(isRgaeError(error)).toBe(true);
    expect((error as Error).message).toMatch(/L = 9: expected a positive multiple of b = 2/);
  });
});
