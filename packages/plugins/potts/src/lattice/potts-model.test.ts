import { Rng, isRgaeError } from '@rgae/core';
import { describe, expect, it } from 'vitest';
import { createPottsModel } from './potts-model.js';
import { potts3Model, potts4Model } from './potts-lattices.js';

const params = (linearSize: number, field = 0) => ({ linearSize, beta: 1, coupling: 1, field });

function rgaeErrorOf(action: () => unknown): Error {
  try {
    action();
  } catch (error) {
    expect(isRgaeError(error)).toBe(true);
    return error as Error;
  }
  throw new Error('expected an RgaeError, but nothing was thrown');
}

describe('createPottsModel', () => {
  it('measures the ordered state', () => {
    const cold = potts3Model.createConfiguration(4, Rng.create(1), 'cold');
    const measurement = potts3Model.measure(cold, params(4, 0.5));

    // All 2N bonds are satisfied and every site is in state 0, so e = −2J − h.
    expect(measurement.e).toBe(-2.5);
    expect(measurement.m).toBe(1);
    expect(measurement.vectorM2).toBe(1);
  });

  it('measures equal occupation as disordered', () => {
    // Rows 0 1 2 / 1 2 0 / 2 0 1: every state three times, no neighbours equal on the periodic 3×3 lattice.
    const states = Uint8Array.from([0, 1, 2, 1, 2, 0, 2, 0, 1]);
    const measurement = potts3Model.measure(states, params(3));

    expect(measurement.e).toBe(0);
    expect(measurement.m).toBe(0);
    expect(measurement.vectorM2).toBe(0);
  });

  it('measures a two-state split of q = 4', () => {
    // Columns 0–1 hold state 0, columns 2–3 state 1, on a periodic 4×4 lattice.
    const states = Uint8Array.from({ length: 16 }, (_, i) => (i % 4 < 2 ? 0 : 1));
    const measurement = potts4Model.measure(states, params(4));

    // Vertical bonds: 16 satisfied; horizontal bonds: 2 of 4 per row satisfied, 8 in all. e = −24/16.
    expect(measurement.e).toBe(-1.5);
    // m = (4·8/16 − 1)/3 = 1/3; |m⃗|² = (4·(1/4 + 1/4) − 1)/3 = 1/3.
    expect(measurement.m).toBeCloseTo(1 / 3, 12);
    expect(measurement.vectorM2).toBeCloseTo(1 / 3, 12);
  });

  it('draws every state in a hot start', () => {
    const hot = potts4Model.createConfiguration(16, Rng.create(3), 'hot');
    const counts = [0, 0, 0, 0];
    for (const state of hot) counts[state]++;

    // 256 sites, 64 expected per state with σ ≈ 7; 64 ± 35 never fails by chance.
    for (const count of counts) expect(Math.abs(count - 64)).toBeLessThan(35);
  });

  it('round-trips one-hot encoding', () => {
    const data = potts4Model.createConfiguration(5, Rng.create(2), 'hot');
    const batch = { lattice: 'potts4', linearSize: 5, nSamples: 1, data };
    const encoded = potts4Model.encode(batch);

    expect(encoded.length).toBe(25 * 4);
    expect(encoded.slice(0, 4).reduce((a, b) => a + b, 0)).toBe(1);
    expect(Array.from(potts4Model.decode(encoded, 1, 5).data)).toEqual(Array.from(data));
  });

  it('decodes by argmax with ties to the lowest state', () => {
    const encoded = Float32Array.from([0.1, 0.7, 0.2, 0.4, 0.4, 0.2, -1, -1, -1, 0, 0, 3]);
    const decoded = potts3Model.decode(encoded, 1, 2);

    expect(decoded.lattice).toBe('potts');
    expect(Array.from(decoded.data)).toEqual([1, 0, 0, 2]);
  });

  it('rejects a decode of the wrong length', () => {
    expect(rgaeErrorOf(() => potts3Model.decode(new Float32Array(10), 1, 2)).message).toMatch(/received 10 values, expected nSamples·L²·q = 1·2²·3 = 12/);
  });

  it('rejects NaN in a decode', () => {
    const encoded = new Float32Array(12);
    encoded[4] = NaN;
    expect(rgaeErrorOf(() => potts3Model.decode(encoded, 1, 2)).message).toMatch(/NaN at index 4/);
  });

  it('rejects an out-of-range state when encoding', () => {
    const batch = { lattice: 'potts', linearSize: 2, nSamples: 1, data: Uint8Array.from([0, 1, 3, 2]) };
    expect(rgaeErrorOf(() => potts3Model.encode(batch)).message).toMatch(/state 3 at index 2.*0…2/);
  });

  it('rejects q outside 2…255', () => {
    expect(rgaeErrorOf(() => createPottsModel({ id: 'potts1', nStates: 1 })).message).toMatch(/q = 1 .*from 2 to 255/);
    expect(rgaeErrorOf(() => createPottsModel({ id: 'potts256', nStates: 256 })).message).toMatch(/q = 256/);
  });

  it('rejects invalid parameters', () => {
    expect(rgaeErrorOf(() => potts3Model.validateParameters!({ ...params(1) })).message).toMatch(/Invalid potts linear size L = 1/);
    expect(rgaeErrorOf(() => potts3Model.validateParameters!({ ...params(4), beta: -1 })).message).toMatch(/Invalid potts β = -1/);
    expect(rgaeErrorOf(() => potts3Model.validateParameters!({ ...params(4), field: NaN })).message).toMatch(/field h = NaN/);
  });

  it('gives the exact critical temperature', () => {
    expect(potts3Model.criticalTemperature!(1)).toBeCloseTo(1 / Math.log(1 + Math.sqrt(3)), 14);
    expect(potts4Model.criticalTemperature!(2)).toBeCloseTo(2 / Math.log(3), 14);
    expect(potts3Model.criticalTemperature!(-1)).toBeUndefined();
  });

  it('summarizes the ordered limit of U4 as 2/(q + 1)', () => {
    const n = 40;
    const ordered = { e: new Float64Array(n).fill(-2), m: new Float64Array(n).fill(1), vectorM2: new Float64Array(n).fill(1) };
    const summary = potts3Model.summarize(ordered, params(8));

    expect(summary.U4.mean).toBeCloseTo(0.5, 12);
    expect(summary.chi.mean).toBeCloseTo(0, 12);
    expect(summary.C.mean).toBeCloseTo(0, 12);
  });

  it('summarizes a Gaussian order vector as U4 near 0', () => {
    // |m⃗|² of a 2-component Gaussian vector is exponentially distributed: ⟨x²⟩/⟨x⟩² = 2 = (n + 2)/n.
    const rng = Rng.create(11);
    const n = 20_000;
    const vectorM2 = Float64Array.from({ length: n }, () => -Math.log(1 - rng.nextFloat()) * 0.01);
    const summary = potts3Model.summarize({ e: new Float64Array(n), m: Float64Array.from(vectorM2, Math.sqrt), vectorM2 }, params(8));

    // The exponential's ratio estimate has relative σ ≈ 2%, so U4 = 1 − ratio/2 lies within ±0.05 of 0.
    expect(Math.abs(summary.U4.mean)).toBeLessThan(0.05);
  });

  it('rejects a summary without the order vector series', () => {
    const series = { e: new Float64Array(4), m: new Float64Array(4) };
    expect(rgaeErrorOf(() => potts3Model.summarize(series, params(4))).message).toMatch(/series "vectorM2"/);
  });
});
