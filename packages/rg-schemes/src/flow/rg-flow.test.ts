import { isRgaeError } from '@rgae/core';
import { isingModel, wolffSampler } from '@rgae/plugin-ising';
import { describe, expect, it } from 'vitest';
import { blockAverageScheme } from '../scheme/block-average.js';
import { majorityScheme } from '../scheme/majority.js';
import { FLOW_OBSERVABLES, rgFlow, type RgFlowOptions } from './rg-flow.js';

const CRITICAL_TEMPERATURE = 2 / Math.log(1 + Math.SQRT2);

/** Reference grid 1.4, 1.5, …, 3.4 at L/b, wide enough to bracket T′ of every flow point below. */
const referenceTemperatures = Array.from({ length: 21 }, (_, i) => Math.round(14 + i) / 10);

const baseOptions: RgFlowOptions = {
  model: isingModel,
  sampler: wolffSampler,
  scheme: majorityScheme,
  linearSize: 32,
  temperatures: [2.0, 2.2, 2.4, 2.6],
  referenceTemperatures,
  nSamples: 1000,
  seed: 11,
};

function thrown(action: () => unknown): Error & { code?: string } {
  try {
    action();
  } catch (error) {
    expect(isRgaeError(error)).toBe(true);
    return error as Error & { code?: string };
  }
  throw new Error('expected an RgaeError, but nothing was thrown');
}

describe('rgFlow', () => {
  it('flows away from T_c under majority rule at L = 32', () => {
    // 1000 Wolff samples per ensemble give errors of T′ of 0.005 to 0.04, so each 3σ check below
    // passes with room to spare, while a scheme that did not order (or disordered) would fail it.
    const result = rgFlow(baseOptions);
    const [cold, , , hot] = result.points;

    expect(result.points.map((point) => point.temperature)).toEqual([2.0, 2.2, 2.4, 2.6]);
    for (const name of FLOW_OBSERVABLES) {
      expect(cold.flowed[name].mean + 3 * cold.flowed[name].error).toBeLessThan(2.0);
      expect(hot.flowed[name].mean - 3 * hot.flowed[name].error).toBeGreaterThan(2.6);

      const fixedPoint = result.fixedPoint[name];
      expect(fixedPoint).not.toBeNull();
      expect(fixedPoint!.error).toBeGreaterThan(0);
      expect(fixedPoint!.error).toBeLessThan(0.05);
      expect(Math.abs(fixedPoint!.mean - CRITICAL_TEMPERATURE)).toBeLessThan(0.2);
    }
    expect(result.config.coarseLinearSize).toBe(16);
    expect(result.reference.observables.absM).toHaveLength(referenceTemperatures.length);
  });

  it('rejects a scheme that returns block means', () => {
    const error = thrown(() => rgFlow({ ...baseOptions, scheme: blockAverageScheme, referenceTemperatures: [2, 3], nSamples: 20 }));
    expect(error.code).toBe('INCOMPATIBLE');
    expect(error.message).toMatch(/scheme "block-average" returns float32 values instead of int8 spins/);
  });

  it('rejects a reference grid out of order', () => {
    const error = thrown(() => rgFlow({ ...baseOptions, referenceTemperatures: [2.5, 2.0] }));
    expect(error.message).toMatch(/Invalid reference temperatures \[2.5, 2\]: expected at least two, finite, > 0 and strictly ascending/);
  });

  it('rejects a negative flow temperature', () => {
    const error = thrown(() => rgFlow({ ...baseOptions, temperatures: [2.0, -1] }));
    expect(error.message).toMatch(/Invalid flow temperatures \[2, -1\]: expected at least one, all finite and > 0/);
  });

  it('rejects L not divisible by b', () => {
    const error = thrown(() => rgFlow({ ...baseOptions, linearSize: 33 }));
    expect(error.message).toMatch(/L = 33 is not divisible by b\^k = 2\^1 = 2/);
  });
});
