import { createStudyContextFixture, describeStudyTestConformance } from '@rgae/core/testing';
import { describe, expect, it } from 'vitest';
import { sharedObservables, summarizeBatch } from './observable-curves.js';
import { observablesTest } from './observables-test.js';

describeStudyTestConformance(observablesTest, { context: () => createStudyContextFixture() });

const estimate = { mean: 1, error: 0 };

describe('sharedObservables', () => {
  it('keeps the preferred observables in order', () => {
    const summary = { C: estimate, e: estimate, U4: estimate, absM: estimate, chi: estimate };
    expect(sharedObservables([summary, { ...summary }])).toEqual(['absM', 'e', 'chi', 'C']);
  });

  it('falls back to the observables every summary has', () => {
    expect(sharedObservables([{ q: estimate, r: estimate }, { q: estimate }])).toEqual(['q']);
  });
});

describe('summarizeBatch', () => {
  it('gives |m| = 1 and e = −2J for ordered configurations', () => {
    const context = createStudyContextFixture({ coarseOrder: () => 1, blockNoise: () => 0 });
    const summary = summarizeBatch(context.lattice, context.original[0], { linearSize: 8, beta: 0.5, coupling: 1, field: 0 });
    expect(summary.absM.mean).toBe(1);
    expect(summary.e.mean).toBe(-2);
    expect(summary.chi.mean).toBeCloseTo(0, 12);
  });

  it('rejects a single configuration', () => {
    const context = createStudyContextFixture();
    const single = { ...context.original[0], nSamples: 1, data: context.original[0].data.subarray(0, 64) };
    expect(() => summarizeBatch(context.lattice, single, { linearSize: 8, beta: 0.5, coupling: 1, field: 0 })).toThrow(/at least 2 configurations/);
  });
});

describe('observables test', () => {
  it('finds no distance for exact reconstructions', async () => {
    const result = await observablesTest.run(createStudyContextFixture({ blockNoise: () => 0, aeFlipProbability: 0 }));
    expect(result.scalars['rg.meanChiSquarePerPoint']).toBe(0);
    expect(result.scalars['ae.meanChiSquarePerPoint']).toBe(0);
    expect(result.verdict).toMatch(/^Both reconstructions' observables stay equally close/);
  });

  it('tables the originals beside both reconstructions', async () => {
    const result = await observablesTest.run(createStudyContextFixture({ coarseOrder: () => 1, blockNoise: () => 0, aeFlipProbability: 0 }));
    const energy = result.tables.find((table) => table.id === 'observable-e');
    expect(energy?.rows[0]).toEqual([1.5, -2, 0, -2, 0, -2, 0]);
    expect(result.tables.map((table) => table.id)).toEqual(['observable-distance', 'observable-absM', 'observable-e', 'observable-chi', 'observable-C']);
  });

  it('prefers the reconstruction that keeps the curves', async () => {
    const result = await observablesTest.run(createStudyContextFixture({ blockNoise: () => 0, aeFlipProbability: 0.2 }));
    expect(result.scalars['rg.meanChiSquarePerPoint']).toBe(0);
    expect(result.scalars['ae.meanChiSquarePerPoint']).toBeGreaterThan(10);
    expect(result.verdict).toMatch(/^The RG-embedded fixture reconstruction's observables stay closer/);
  });
});
