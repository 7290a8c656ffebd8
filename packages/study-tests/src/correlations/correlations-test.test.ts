import { createStudyContextFixture, describeStudyTestConformance } from '@rgae/core/testing';
import { describe, expect, it } from 'vitest';
import { correlationsTest } from './correlations-test.js';

describeStudyTestConformance(correlationsTest, { context: () => createStudyContextFixture() });

describe('correlations test', () => {
  it('retains everything of exact reconstructions', async () => {
    const result = await correlationsTest.run(createStudyContextFixture({ blockNoise: () => 0, aeFlipProbability: 0 }));
    const rows = result.tables.find((table) => table.id === 'correlation-retained')?.rows ?? [];
    for (const row of rows) {
      expect(row[3]).toBe(0);
      expect(row[7]).toBe(1);
      expect(row[9]).toBe(1);
    }
    expect(result.verdict).toMatch(/^Both reconstructions retain the same share/);
  });

  it('matches the exact G(r) of the block fixture', async () => {
    // q = 0.1, m = 0.5: ⟨s_i s_j⟩ = (1 − 2q)² = 0.64 within a 2×2 block and (1 − 2q)²m² = 0.16 between blocks.
    // G(1) mixes both equally, G(2) is always between blocks. Aligning each configuration with its magnetisation
    // leaves s_i·s_j unchanged and makes ⟨s_i⟩ = ⟨|m|⟩, so the connected G(r) is the pair value minus ⟨|m|⟩².
    const context = createStudyContextFixture({ linearSize: 4, nSamples: 400, temperatures: [2], blockNoise: () => 0.1, coarseOrder: () => 0.5 });
    const result = await correlationsTest.run(context);
    const rows = (result.tables.find((table) => table.id === 'correlation-function')?.rows ?? []) as number[][];
    const batch = context.original[0];
    let meanAbsM = 0;
    for (let n = 0; n < batch.nSamples; n++) {
      let sum = 0;
      for (let i = 0; i < 16; i++) sum += batch.data[n * 16 + i];
      meanAbsM += Math.abs(sum) / 16 / batch.nSamples;
    }
    for (const [r, pair] of [[1, 0.4], [2, 0.16]]) {
      const exact = pair - meanAbsM ** 2;
      const [, distance, correlation, error] = rows[r];
      expect(distance).toBe(r);
      expect(error).toBeGreaterThan(0);
      expect(Math.abs(correlation - exact)).toBeLessThan(4 * error + 0.01);
    }
  });

  it('ranks the exact RG reconstruction above the noisy AE', async () => {
    const result = await correlationsTest.run(createStudyContextFixture({ blockNoise: () => 0, aeFlipProbability: 0.2 }));
    expect(result.scalars['rg.meanShareRetained']).toEqual({ mean: 1, error: 0 });
    expect(result.verdict).toMatch(/^The RG-embedded fixture reconstruction retains more of the connected spin correlations/);
  });

  it('draws the matrices at the point nearest T_c', async () => {
    const result = await correlationsTest.run(createStudyContextFixture());
    const heatmaps = result.figures.find((figure) => figure.id === 'correlation-matrices');
    expect(heatmaps?.caption).toMatch(/at T = 2\.5 \(the point nearest T_c\)/);
    expect((heatmaps?.spec.data as { values: unknown[] }).values).toHaveLength(3 * 64 * 64);
  });
});
