import type { WeightTensor } from '@rgae/core';
import { createStudyContextFixture, describeStudyTestConformance } from '@rgae/core/testing';
import { describe, expect, it } from 'vitest';
import { weightsTest } from './weights-test.js';

describeStudyTestConformance(weightsTest, { context: () => createStudyContextFixture() });

/** Two 2×2 filters: filter 0 one-hot at the top-left, filter 1 zero (index ((ky·2 + kx)·1)·2 + unit). */
const oneHotFilters: WeightTensor[] = [{ name: 'encoder-block/kernel', shape: [2, 2, 1, 2], values: Float32Array.from([1, 0, 0, 0, 0, 0, 0, 0]) }];

describe('weights test', () => {
  it('scores the fixture RG kernel as the ideal majority filter', async () => {
    const result = await weightsTest.run(createStudyContextFixture());
    expect(result.scalars['rg.hoyer']).toBeCloseTo(0, 12);
    expect(result.scalars['rg.smallFraction']).toBe(0);
    expect(result.scalars['rg.locality']).toBe(1);
    expect(result.scalars['rg.idealBest']).toBeCloseTo(1, 6);
  });

  it('compares hand-made filters measure by measure', async () => {
    const result = await weightsTest.run(createStudyContextFixture({ encoderWeights: { ae: oneHotFilters } }));
    expect(result.scalars['ae.hoyer']).toBeCloseTo(1, 12);
    expect(result.scalars['ae.smallFraction']).toBe(7 / 8);
    expect(result.scalars['ae.idealBest']).toBeCloseTo(0.5, 6);

    // The ideal majority filter in the AE's shape [2, 2, 1, 2] is uniform in both units: Hoyer 0, no small weights.
    expect(result.scalars['ae.ideal.hoyer']).toBeCloseTo(0, 12);
    expect(result.scalars['ae.ideal.smallFraction']).toBe(0);
    expect(result.scalars['ae.ideal.idealBest']).toBeCloseTo(1, 6);

    const summary = result.tables.find((table) => table.id === 'weight-summary');
    expect(summary?.rows.map((row) => row[5])).toEqual(['RG-embedded fixture', 'RG-embedded fixture', 'tie', 'RG-embedded fixture']);
    expect(result.verdict).toMatch(/^RG-embedded fixture's encoder is closer to the ideal uniform filter on 3 of 4 measures \(Hoyer sparsity 0 vs 1, ideal 0;/);
  });

  it('uses the one-site filter for decimation', async () => {
    const result = await weightsTest.run(createStudyContextFixture({ scheme: 'decimation', encoderWeights: { ae: oneHotFilters } }));
    expect(result.scalars.idealFilter).toBe('single-site');
    expect(result.scalars['rg.idealBest']).toBeCloseTo(1, 6);
    expect(result.scalars['ae.idealBest']).toBeCloseTo(1, 6);
    // One site in each of 2 units: 2 of 8 weights non-zero.
    expect(result.scalars['ae.ideal.smallFraction']).toBe(6 / 8);
  });

  it('reads dense input matrices', async () => {
    // L = 4, b = 2: a [16, 4] matrix whose column j is 1/4 on the fine sites of coarse site j, the ideal majority matrix.
    const values = new Float32Array(64);
    for (let site = 0; site < 16; site++) values[site * 4 + Math.floor(Math.floor(site / 4) / 2) * 2 + Math.floor((site % 4) / 2)] = 0.25;
    const dense: WeightTensor[] = [{ name: 'encoder-dense/kernel', shape: [16, 4], values }];
    const result = await weightsTest.run(createStudyContextFixture({ linearSize: 4, encoderWeights: { ae: dense } }));
    expect(result.scalars['ae.locality']).toBeCloseTo(1, 12);
    expect(result.scalars['ae.idealBest']).toBeCloseTo(1, 6);
    // 16 of the 64 weights are 1/4 and the rest 0: ‖w‖₁/‖w‖₂ = 4/1, so Hoyer = (√64 − 4)/(√64 − 1) = 4/7.
    expect(result.scalars['ae.hoyer']).toBeCloseTo(4 / 7, 6);
    expect(result.scalars['ae.ideal.hoyer']).toBeCloseTo(4 / 7, 6);
  });

  it('measures only the first layer that reads the lattice', async () => {
    const result = await weightsTest.run(createStudyContextFixture());
    const rows = result.tables.find((table) => table.id === 'weight-measures')?.rows ?? [];
    const rgLatent = rows.find((row) => row[0] === 'RG-embedded fixture' && row[1] === 'encoder-latent/kernel');
    expect(rgLatent?.[6]).toBeNull();
    expect(rows.some((row) => row[1] === 'encoder-block/bias')).toBe(false);
  });

  it('draws the filters of both models', async () => {
    const result = await weightsTest.run(createStudyContextFixture());
    expect(result.figures.map((figure) => figure.id)).toEqual(['weight-summary', 'weights-rg', 'weights-ae']);
    const panels = (result.figures[2].spec.data as { values: Array<{ panel: string }> }).values.map((row) => row.panel);
    expect(new Set(panels)).toEqual(new Set(['unit 0', 'unit 1', 'unit 2', 'unit 3']));
  });
});
