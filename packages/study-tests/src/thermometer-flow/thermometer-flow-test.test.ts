import { isRgaeError } from '@rgae/core';
import { createStudyContextFixture, describeStudyTestConformance } from '@rgae/core/testing';
import { describe, expect, it } from 'vitest';
import { fixedPointEstimate, flowFixedPoint } from './flow-fixed-point.js';
import { thermometerFlowTest } from './thermometer-flow-test.js';

const temperatures = [1.5, 2, 2.5, 3];

describeStudyTestConformance(thermometerFlowTest, { context: () => createStudyContextFixture() });

describe('flowFixedPoint', () => {
  it('finds T* = 2.3 of T′ = T + 0.5(T − 2.3)', () => {
    const readings = temperatures.map((t) => t + 0.5 * (t - 2.3));
    expect(flowFixedPoint(temperatures, readings)).toBeCloseTo(2.3, 12);
  });

  it('sorts the points by temperature', () => {
    const shuffled = [3, 1.5, 2.5, 2];
    expect(flowFixedPoint(shuffled, shuffled.map((t) => t + 0.5 * (t - 2.3)))).toBeCloseTo(2.3, 12);
  });

  it('returns NaN for a flow that never crosses T′ = T', () => {
    expect(flowFixedPoint(temperatures, temperatures.map((t) => t + 1))).toBeNaN();
  });

  it('ignores a stable crossing from hotter to colder', () => {
    expect(flowFixedPoint(temperatures, temperatures.map((t) => t - 0.5 * (t - 2.3)))).toBeNaN();
  });

  it('takes the crossing closest to T_c', () => {
    // f = T′ − T: −, +, −, + crosses upwards between 1.5 and 2 (at 1.75) and between 2.5 and 3 (at 2.75).
    const readings = [1.5 - 1, 2 + 1, 2.5 - 1, 3 + 1];
    expect(flowFixedPoint(temperatures, readings, 2.7)).toBeCloseTo(2.75, 12);
    expect(flowFixedPoint(temperatures, readings, 1.6)).toBeCloseTo(1.75, 12);
  });
});

describe('fixedPointEstimate', () => {
  it('has zero error for noiseless readings', () => {
    const readings = temperatures.map((t) => new Float64Array(10).fill(t + 0.5 * (t - 2.3)));
    const estimate = fixedPointEstimate(temperatures, readings, null);
    expect(estimate.mean).toBeCloseTo(2.3, 12);
    expect(estimate.error).toBeCloseTo(0, 12);
  });
});

describe('thermometer-flow test', () => {
  it('finds the fixed points of the fixture flows', async () => {
    const result = await thermometerFlowTest.run(createStudyContextFixture({ nSamples: 60 }));
    const rows = result.tables.find((table) => table.id === 'flow-fixed-points')?.rows ?? [];
    const [scheme, rg, ae] = rows as Array<[string, number, number]>;
    expect(scheme[0]).toBe('scheme S(x)');
    for (const [row, exact] of [[scheme, 2.3], [rg, 2.3], [ae, 2.7]] as const) {
      expect(row[2]).toBeGreaterThan(0);
      expect(Math.abs(row[1] - exact)).toBeLessThan(4 * row[2]);
    }
  });

  it('gives the exact fixed point without reading noise', async () => {
    const result = await thermometerFlowTest.run(createStudyContextFixture({ readingNoise: 0 }));
    expect(result.scalars['scheme.fixedPoint']).toEqual({ mean: expect.closeTo(2.3, 10), error: expect.closeTo(0, 10) });
    expect(result.scalars['ae.fixedPoint']).toEqual({ mean: expect.closeTo(2.7, 10), error: expect.closeTo(0, 10) });
  });

  it('records the flow directions around T_c', async () => {
    const result = await thermometerFlowTest.run(createStudyContextFixture({ readingNoise: 0 }));
    const rows = result.tables.find((table) => table.id === 'thermometer-flow')?.rows ?? [];
    expect(rows.map((row) => row[3])).toEqual(['colder', 'colder', 'hotter', 'hotter']);
    // T′ = T + 0.2(T − 2.7) flows colder at T = 2.5 > T_c, against the RG direction.
    expect(rows.map((row) => row[9])).toEqual(['colder', 'colder', 'colder', 'hotter']);
    expect(result.scalars['scheme.directionAgreement']).toBe(1);
    expect(result.scalars['ae.directionAgreement']).toBe(0.75);
  });

  it('names the latent closer to the scheme flow', async () => {
    const result = await thermometerFlowTest.run(createStudyContextFixture());
    expect(result.verdict).toMatch(/^The RG-embedded fixture latent follows the scheme's flow more closely/);
    expect(result.scalars['rg.flowChiSquarePerPoint']).toBeLessThan(10);
    expect(result.scalars['ae.flowChiSquarePerPoint']).toBeGreaterThan(100);
  });

  it('reports the fine readings of the reconstructions', async () => {
    const result = await thermometerFlowTest.run(createStudyContextFixture({ readingNoise: 0 }));
    const rows = result.tables.find((table) => table.id === 'fine-thermometer')?.rows ?? [];
    const [temperature, original, originalError, rg, rgError, ae, aeError] = rows[0] as number[];
    expect([temperature, original, rg, ae]).toEqual([1.5, 1.5, 1.4, 1.75]);
    for (const error of [originalError, rgError, aeError]) expect(error).toBeCloseTo(0, 10);
  });

  it('rejects a context without latent readings', async () => {
    const context = createStudyContextFixture();
    delete context.thermometers.coarse.readings['ae-latent'];
    const error = await thermometerFlowTest.run(context).catch((e: unknown) => e);
    expect(isRgaeError(error)).toBe(true);
    expect((error as Error).message).toMatch(/no "ae-latent" readings \(present: scheme, rg-latent\)/);
  });
});
