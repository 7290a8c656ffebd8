import { describe, expect, it } from 'vitest';
import { Rng, isRgaeError } from '@rgae/core';
import { exactEnumeratedObservables, stateSpins } from '../exact/enumeration.js';
import { bondSum, isingEnergy, spinSum } from './configuration-sums.js';
import { isingCriticalBeta, isingCriticalTemperature } from './critical-temperature.js';
import { isingModel } from './ising-model.js';

const params = (linearSize: number, beta = 0.4, coupling = 1, field = 0) => ({ linearSize, beta, coupling, field });

/** Checkerboard configuration: s = +1 where (x + y) is even. */
function checkerboard(linearSize: number): Int8Array {
  return Int8Array.from({ length: linearSize * linearSize }, (_, i) => ((i % linearSize) + Math.floor(i / linearSize)) % 2 === 0 ? 1 : -1);
}

describe('configuration sums', () => {
  it('counts 2L² bonds', () => {
    expect(bondSum(new Int8Array(16).fill(1), 4)).toBe(32);
    expect(bondSum(checkerboard(4), 4)).toBe(-32);
    expect(bondSum(new Int8Array(9).fill(-1), 3)).toBe(18);
  });

  it('gives H = −J·B − h·M', () => {
    const spins = Int8Array.from([1, 1, -1, 1]);
    expect(spinSum(spins)).toBe(2);
    // 2×2 periodic: each row and column pair is bonded twice; B = 2·(1·1 + (−1)·1) + 2·(1·(−1) + 1·1) = 0.
    expect(bondSum(spins, 2)).toBe(0);
    expect(isingEnergy(spins, 2, 1.5, 0.25)).toBe(-0.5);
  });
});

describe('isingModel', () => {
  it('measures e, m and |m| per site', () => {
    expect(isingModel.measure(new Int8Array(64).fill(1), params(8, 0.4, 1, 0.5))).toEqual({ e: -2.5, m: 1, absM: 1 });
    expect(isingModel.measure(new Int8Array(64).fill(-1), params(8, 0.4, 2, 0.5))).toEqual({ e: -3.5, m: -1, absM: 1 });
    expect(isingModel.measure(checkerboard(8), params(8))).toEqual({ e: 2, m: 0, absM: 0 });
  });

  it('creates cold and hot starts', () => {
    const rng = Rng.create(1);
    expect(isingModel.createConfiguration(5, rng, 'cold').every((s) => s === 1)).toBe(true);

    const hot = isingModel.createConfiguration(64, rng, 'hot');
    expect(hot.every((s) => s === 1 || s === -1)).toBe(true);
    // 4096 fair spins: |M| stays below 4·√4096 = 256 with overwhelming probability.
    expect(Math.abs(spinSum(hot))).toBeLessThan(256);
  });

  it('summarizes with the documented estimators', () => {
    // A series alternating between two states: every jackknife block holds one of each, so the
    // estimates equal the formulas evaluated on the two-state averages.
    const series = { e: Float64Array.from({ length: 40 }, (_, i) => (i % 2 ? -2 : -1)), m: Float64Array.from({ length: 40 }, (_, i) => (i % 2 ? 1 : -0.5)) };
    const summary = isingModel.summarize({ ...series, absM: series.m.map(Math.abs) }, params(2, 0.5));
    expect(summary.e.mean).toBeCloseTo(-1.5, 12);
    expect(summary.absM.mean).toBeCloseTo(0.75, 12);
    // C = β²N(⟨e²⟩ − ⟨e⟩²) = 0.25·4·0.25; χ = βN(⟨m²⟩ − ⟨|m|⟩²) = 0.5·4·(0.625 − 0.5625).
    expect(summary.C.mean).toBeCloseTo(0.25, 10);
    expect(summary.chi.mean).toBeCloseTo(0.125, 10);
    expect(summary.U4.mean).toBeCloseTo(1 - (0.5 * (1 + 0.0625)) / (3 * 0.625 ** 2), 10);
  });

  it('summarizes all 2×2 states to the β = 0 averages', () => {
    // At β = 0 every state has the same weight, so the list of all 16 states is an exact sample.
    const nStates = 16;
    const e = new Float64Array(nStates);
    const m = new Float64Array(nStates);
    for (let index = 0; index < nStates; index++) {
      const measured = isingModel.measure(stateSpins(index, 4), params(2, 0));
      e[index] = measured.e;
      m[index] = measured.m;
    }
    const summary = isingModel.summarize({ e, m, absM: m.map(Math.abs) }, params(2, 0));
    const exact = exactEnumeratedObservables(2, 0);
    expect(summary.e.mean).toBeCloseTo(exact.e, 12);
    expect(summary.absM.mean).toBeCloseTo(exact.absM, 12);
  });

  it('encodes spins as one float channel and decodes by sign', () => {
    const data = Int8Array.from([1, -1, -1, 1, 1, 1, -1, -1]);
    const encoded = isingModel.encode({ lattice: 'ising', linearSize: 2, nSamples: 2, data });
    expect(Array.from(encoded)).toEqual([1, -1, -1, 1, 1, 1, -1, -1]);
    expect(isingModel.decode(encoded, 2, 2).data).toEqual(data);

    const decoded = isingModel.decode(Float32Array.from([0.3, -0.01, 0, -0]), 1, 2);
    expect(Array.from(decoded.data)).toEqual([1, -1, 1, 1]);
  });

  it('rejects a decode of the wrong length or with NaN', () => {
    expect(() => isingModel.decode(new Float32Array(7), 2, 2)).toThrow(/received 7 values, expected nSamples·L² = 2·2² = 8/);
    expect(() => isingModel.decode(Float32Array.from([1, NaN, 1, 1]), 1, 2)).toThrow(/NaN at index 1/);
  });

  it('names T_c = 2J / ln(1 + √2)', () => {
    expect(isingModel.criticalTemperature?.(1)).toBeCloseTo(2.269185314213022, 12);
    expect(isingCriticalTemperature(2)).toBeCloseTo(4.538370628426044, 12);
    expect(isingCriticalBeta(1)).toBeCloseTo(0.44068679350977147, 14);
    expect(isingCriticalTemperature(-1)).toBeUndefined();
  });

  it.each([
    [{ ...params(1) }, /L = 1/],
    [{ ...params(8.5) }, /L = 8.5/],
    [{ ...params(8, -0.1) }, /β = -0.1/],
    [{ ...params(8, 0.4, Infinity) }, /coupling J = Infinity/],
    [{ ...params(8, 0.4, 1, NaN) }, /field h = NaN/],
  ])('rejects invalid parameters %o', (invalid, message) => {
    let caught: unknown;
    try {
      isingModel.validateParameters?.(invalid);
    } catch (error) {
      caught = error;
    }
    expect(isRgaeError(caught)).toBe(true);
    expect((caught as Error).message).toMatch(message);
  });
});
