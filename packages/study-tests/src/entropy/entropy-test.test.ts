import { createStudyContextFixture, describeStudyTestConformance } from '@rgae/core/testing';
import { describe, expect, it } from 'vitest';
import { entropyTest } from './entropy-test.js';

describeStudyTestConformance(entropyTest, { context: () => createStudyContextFixture() });

describe('entropy test', () => {
  it('gives zero block entropy for all-up configurations', async () => {
    const context = createStudyContextFixture({ coarseOrder: () => 1, blockNoise: () => 0, symmetric: false, aeFlipProbability: 0 });
    const result = await entropyTest.run(context);
    for (const k of [1, 2, 3]) {
      const rows = result.tables.find((table) => table.id === `entropy-block-${k}`)?.rows ?? [];
      for (const row of rows) for (let column = 1; column < row.length; column += 2) expect(row[column]).toBe(0);
    }
    expect(result.verdict).toMatch(/^Both reconstructions keep the originals' entropy equally well/);
  });

  it('finds no information lost by an exact reconstruction', async () => {
    const result = await entropyTest.run(createStudyContextFixture({ blockNoise: () => 0, aeFlipProbability: 0.3 }));
    const rows = (result.tables.find((table) => table.id === 'information-lost')?.rows ?? []) as number[][];
    for (const [, rgLost, rgError, aeLost] of rows) {
      expect(rgLost).toBe(0);
      expect(rgError).toBe(0);
      // Flipping 30% of the spins adds entropy, so the AE reconstruction carries more bits than the original.
      expect(aeLost).toBeLessThan(0);
    }
    expect(result.scalars.compressionRatio).toBe(4);
    expect(result.verdict).toMatch(/^The RG-embedded fixture reconstruction keeps an entropy closer to the originals'/);
  });

  it('measures the latent against the coarse configuration', async () => {
    const result = await entropyTest.run(createStudyContextFixture());
    const rows = (result.tables.find((table) => table.id === 'information-lost')?.rows ?? []) as number[][];
    // The RG fixture's latent is S(x) itself.
    for (const row of rows) expect(row[5]).toBe(0);
  });

  it('estimates about 1 bit per spin for random originals', async () => {
    // q = 1/2 makes every fine spin an independent fair coin.
    const context = createStudyContextFixture({ linearSize: 16, nSamples: 100, temperatures: [2, 3], blockNoise: () => 0.5 });
    const result = await entropyTest.run(context);
    const compressed = (result.tables.find((table) => table.id === 'entropy-compressed')?.rows ?? []) as number[][];
    const pairs = (result.tables.find((table) => table.id === 'entropy-block-2')?.rows ?? []) as number[][];
    for (const row of [...compressed, ...pairs]) expect(row[1]).toBeCloseTo(1, 1);
  });
});
