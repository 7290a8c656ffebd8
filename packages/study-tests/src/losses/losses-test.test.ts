import type { SpinBatch } from '@rgae/core';
import { createStudyContextFixture, describeStudyTestConformance } from '@rgae/core/testing';
import { describe, expect, it } from 'vitest';
import { lossesTest } from './losses-test.js';
import { reconstructionAccuracy } from './reconstruction-accuracy.js';

const ising = (data: number[], nSamples = 1): SpinBatch => ({ lattice: 'ising', linearSize: Math.sqrt(data.length / nSamples), nSamples, data: Int8Array.from(data) });
const xy = (data: number[]): SpinBatch => ({ lattice: 'xy', linearSize: Math.sqrt(data.length), nSamples: 1, data: Float32Array.from(data) });

describeStudyTestConformance(lossesTest, { context: () => createStudyContextFixture() });

describe('reconstructionAccuracy', () => {
  it('counts equal Ising spins per configuration', () => {
    const original = ising([1, 1, -1, -1, 1, 1, 1, 1], 2);
    const reconstruction = ising([1, -1, -1, 1, 1, 1, 1, -1], 2);
    expect(Array.from(reconstructionAccuracy(original, reconstruction))).toEqual([0.5, 0.75]);
  });

  it('averages cos(θ_rec − θ) for XY angles', () => {
    const accuracy = reconstructionAccuracy(xy([0, Math.PI / 2, Math.PI, 0]), xy([0, 0, Math.PI, Math.PI]));
    expect(accuracy[0]).toBeCloseTo((1 + 0 + 1 - 1) / 4, 6);
  });

  it('rejects batches of different sizes', () => {
    expect(() => reconstructionAccuracy(ising([1, 1, 1, 1]), ising([1, 1, 1, 1, 1, 1, 1, 1, 1]))).toThrow(/Pass the reconstruction of these same configurations/);
  });
});

describe('losses test', () => {
  it('lists every epoch of every phase', async () => {
    const result = await lossesTest.run(createStudyContextFixture());
    const history = result.tables.find((table) => table.id === 'loss-history');
    expect(history?.rows).toHaveLength(6 + 4);
    expect(history?.rows[0]).toEqual(['RG-embedded fixture', 'encoder', 1, 0.4, 0.44]);
    expect(result.scalars['rg.finalValidationLoss']).toBeCloseTo(0.22, 10);
    expect(result.scalars['ae.finalValidationLoss']).toBeCloseTo(0.1375, 10);
  });

  it('gives accuracy 1 for exact reconstructions', async () => {
    const context = createStudyContextFixture({ blockNoise: () => 0, aeFlipProbability: 0 });
    const result = await lossesTest.run(context);
    const accuracy = result.tables.find((table) => table.id === 'reconstruction-accuracy');
    for (const row of accuracy?.rows ?? []) {
      expect(row[1]).toBe(1);
      expect(row[3]).toBe(1);
    }
    expect(result.verdict).toMatch(/^Both models reconstruct the configurations equally well/);
  });

  it('measures the AE flip probability as 1 − accuracy', async () => {
    const context = createStudyContextFixture({ blockNoise: () => 0, aeFlipProbability: 0.1, nSamples: 80 });
    const result = await lossesTest.run(context);
    const rows = result.tables.find((table) => table.id === 'reconstruction-accuracy')?.rows ?? [];
    for (const [, rgAccuracy, , aeAccuracy, aeError] of rows as number[][]) {
      expect(rgAccuracy).toBe(1);
      expect(aeError).toBeGreaterThan(0);
      expect(Math.abs(aeAccuracy - 0.9)).toBeLessThan(4 * aeError);
    }
    expect(result.verdict).toMatch(/^RG-embedded fixture reconstructs the held-out configurations more accurately \(mean accuracy 1 \(RG-embedded fixture\) vs 0\.\d+ \(plain AE fixture\)/);
  });
});
