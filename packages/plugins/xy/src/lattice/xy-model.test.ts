import { Rng, isRgaeError } from '@rgae/core';
import { describe, expect, it } from 'vitest';
import { measureXy } from './measure-xy.js';
import { helicityModulus } from './summarize-xy.js';
import { xyModel } from './xy-model.js';

const params = (linearSize: number, field = 0, coupling = 1) => ({ linearSize, beta: 1, coupling, field });

/** Angles θ(x, y) on an L×L lattice, site index y·L + x. */
function configurationOf(linearSize: number, angle: (x: number, y: number) => number): Float32Array {
  const out = new Float32Array(linearSize * linearSize);
  for (let y = 0; y < linearSize; y++) for (let x = 0; x < linearSize; x++) out[y * linearSize + x] = angle(x, y);
  return out;
}

describe('measureXy', () => {
  it('gives the ground-state values for aligned spins', () => {
    const measurement = measureXy(new Float32Array(16), params(4, 0.5, 1.5));
    expect(measurement.e).toBeCloseTo(-2 * 1.5 - 0.5, 12);
    expect(measurement.mx).toBeCloseTo(1, 12);
    expect(measurement.my).toBeCloseTo(0, 12);
    expect(measurement.absM).toBeCloseTo(1, 12);
    expect(measurement.cosSumX).toBeCloseTo(16, 12);
    expect(measurement.sinSumY).toBeCloseTo(0, 12);
    expect(measurement.vortexDensity).toBe(0);
  });

  it('measures a spin wave along x', () => {
    const linearSize = 8;
    const wave = (2 * Math.PI) / linearSize;
    const measurement = measureXy(configurationOf(linearSize, (x) => x * wave), params(linearSize));
    const nSites = linearSize * linearSize;
    // θ_i − θ_{i+x̂} = −2π/L everywhere, also across the boundary (0 − 7·2π/8 ≡ −2π/8 mod 2π).
    expect(measurement.cosSumX).toBeCloseTo(nSites * Math.cos(wave), 5);
    expect(measurement.sinSumX).toBeCloseTo(-nSites * Math.sin(wave), 5);
    expect(measurement.cosSumY).toBeCloseTo(nSites, 5);
    expect(measurement.e).toBeCloseTo(-Math.cos(wave) - 1, 5);
    expect(measurement.absM).toBeCloseTo(0, 5);
    expect(measurement.vortexDensity).toBe(0);
  });

  it('counts one vortex and one antivortex', () => {
    const linearSize = 8;
    // Vortex centred in the plaquette at (1.5, 3.5), antivortex at (5.5, 3.5): winding +1 and −1.
    const angle = (x: number, y: number) =>
      Math.atan2(y - 3.5, x - 1.5) - Math.atan2(y - 3.5, x - 5.5) + 2 * Math.PI;
    const configuration = configurationOf(linearSize, (x, y) => angle(x, y) % (2 * Math.PI));
    expect(measureXy(configuration, params(linearSize)).vortexDensity).toBeCloseTo(2 / 64, 12);
  });
});

describe('helicityModulus', () => {
  it('equals J for aligned spins', () => {
    const n = 40;
    const series = {
      cosSumX: new Float64Array(n).fill(16),
      cosSumY: new Float64Array(n).fill(16),
      sinSumX: new Float64Array(n),
      sinSumY: new Float64Array(n),
    };
    const estimate = helicityModulus(series, { linearSize: 4, beta: 2, coupling: 1.5, field: 0 });
    expect(estimate.mean).toBeCloseTo(1.5, 12);
    expect(estimate.error).toBeCloseTo(0, 12);
  });

  it('subtracts β⟨S²⟩ for fluctuating currents', () => {
    // S_x = ±4 alternating, C = 16: Υ = (1/2N)[2·16 − β·2·16] with N = 16, β = 0.5 → 0.5.
    const n = 40;
    const alternating = Float64Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 4 : -4));
    const series = { cosSumX: new Float64Array(n).fill(16), cosSumY: new Float64Array(n).fill(16), sinSumX: alternating, sinSumY: alternating };
    expect(helicityModulus(series, { linearSize: 4, beta: 0.5, coupling: 1, field: 0 }).mean).toBeCloseTo(0.5, 12);
  });
});

describe('xyModel', () => {
  it('creates cold and hot configurations of valid angles', () => {
    const rng = Rng.create(1);
    const cold = xyModel.createConfiguration(5, rng, 'cold');
    const hot = xyModel.createConfiguration(5, rng, 'hot');
    expect(cold).toEqual(new Float32Array(25));
    expect(xyModel.isValidConfiguration(hot)).toBe(true);
    expect(new Set(hot).size).toBe(25);
  });

  it('rejects an invalid linear size', () => {
    expect(() => xyModel.createConfiguration(1.5, Rng.create(1), 'hot')).toThrow(/Invalid linear size L = 1.5: expected an integer ≥ 2/);
  });

  it('round-trips angles through encode and decode', () => {
    const rng = Rng.create(2);
    const data = xyModel.createConfiguration(4, rng, 'hot');
    const batch = { lattice: 'xy', linearSize: 2, nSamples: 4, data };
    const encoded = xyModel.encode(batch);
    expect(encoded.length).toBe(32);
    expect(encoded[0]).toBeCloseTo(Math.cos(data[0]), 6);
    expect(encoded[1]).toBeCloseTo(Math.sin(data[0]), 6);

    const decoded = xyModel.decode(encoded, 4, 2);
    expect(decoded.lattice).toBe('xy');
    for (let i = 0; i < data.length; i++) {
      const difference = Math.abs(decoded.data[i] - data[i]);
      expect(Math.min(difference, 2 * Math.PI - difference)).toBeLessThan(1e-5);
    }
  });

  it('decodes unnormalised vectors by direction into [0, 2π)', () => {
    const decoded = xyModel.decode(Float32Array.of(-3, -0, 0, 2, 0, 0, 5, -1e-9), 1, 2);
    expect(decoded.data[0]).toBeCloseTo(Math.PI, 6);
    expect(decoded.data[1]).toBeCloseTo(Math.PI / 2, 6);
    expect(decoded.data[2]).toBe(0);
    expect(xyModel.isValidConfiguration(decoded.data)).toBe(true);
  });

  it('rejects a decode input of the wrong length or with NaN', () => {
    expect(() => xyModel.decode(new Float32Array(7), 1, 2)).toThrow(/expected 8 values .* received 7/);
    const withNaN = new Float32Array(8);
    withNaN[5] = Number.NaN;
    expect(() => xyModel.decode(withNaN, 1, 2)).toThrow(/non-finite value .* at site 2/);
  });

  it('names the BKT temperature 0.8929·J', () => {
    expect(xyModel.criticalTemperature?.(1)).toBe(0.8929);
    expect(xyModel.criticalTemperature?.(2)).toBeCloseTo(1.7858, 12);
    expect(xyModel.criticalTemperature?.(-1)).toBeUndefined();
  });

  it('summarizes a constant series and rejects a missing one', () => {
    const n = 40;
    const measurement = measureXy(new Float32Array(16), params(4));
    const series = Object.fromEntries(Object.entries(measurement).map(([name, value]) => [name, new Float64Array(n).fill(value)]));
    const summary = xyModel.summarize(series, params(4));
    expect(summary.e.mean).toBeCloseTo(-2, 12);
    expect(summary.absM.mean).toBeCloseTo(1, 12);
    expect(summary.chi.mean).toBeCloseTo(0, 12);
    expect(summary.chiSymmetric.mean).toBeCloseTo(16, 12);
    expect(summary.C.mean).toBeCloseTo(0, 12);
    expect(summary.helicityModulus.mean).toBeCloseTo(1, 12);
    expect(summary.vortexDensity.mean).toBe(0);

    delete series.sinSumY;
    let error: unknown;
    try {
      xyModel.summarize(series, params(4));
    } catch (caught) {
      error = caught;
    }
    expect(isRgaeError(error)).toBe(true);
    expect((error as Error).message).toMatch(/missing the series sinSumY/);
  });
});
