import { describe, expect, it } from 'vitest';
import { generateEnsemble } from '@rgae/core';
import { exactStateDistribution } from '../exact/enumeration.js';
import { isingModel } from '../lattice/ising-model.js';
import { wolffSampler } from '../sampler/wolff.js';
import { secondMomentCorrelationLength } from './correlation-length.js';

/** |Σ_j s_j e^{i k·r_j}|² / N for k = (2π/L)·(kx, ky), written directly from the definition. */
function structureFactor(spins: Int8Array, linearSize: number, kx: number, ky: number): number {
  let re = 0;
  let im = 0;
  for (let y = 0; y < linearSize; y++) {
    for (let x = 0; x < linearSize; x++) {
      const phase = (2 * Math.PI * (kx * x + ky * y)) / linearSize;
      re += spins[y * linearSize + x] * Math.cos(phase);
      im += spins[y * linearSize + x] * Math.sin(phase);
    }
  }
  return (re * re + im * im) / spins.length;
}

describe('secondMomentCorrelationLength', () => {
  it('is 0 for stripes with M = 0', () => {
    const stripes = Int8Array.from({ length: 16 }, (_, i) => (i % 4 < 2 ? 1 : -1));
    expect(secondMomentCorrelationLength({ lattice: 'ising', linearSize: 4, nSamples: 1, data: stripes })).toEqual({ mean: 0, error: NaN });
  });

  it('diverges for an ordered lattice', () => {
    const ordered = new Int8Array(16).fill(1);
    expect(secondMomentCorrelationLength({ lattice: 'ising', linearSize: 4, nSamples: 1, data: ordered }).mean).toBeGreaterThan(1e12);
  });

  it('follows the definition on one configuration', () => {
    const spins = Int8Array.from([1, 1, 1, -1, 1, 1, 1, 1, -1, 1, 1, 1, 1, 1, -1, 1]);
    const chiZero = structureFactor(spins, 4, 0, 0);
    const chiLowest = (structureFactor(spins, 4, 1, 0) + structureFactor(spins, 4, 0, 1)) / 2;
    const expected = Math.sqrt(chiZero / chiLowest - 1) / (2 * Math.sin(Math.PI / 4));
    expect(secondMomentCorrelationLength({ lattice: 'ising', linearSize: 4, nSamples: 1, data: spins }).mean).toBeCloseTo(expected, 12);
  });

  it('matches the exact 4×4 value within 4σ', () => {
    const beta = 0.35;
    let chiZero = 0;
    let chiLowest = 0;
    for (const [key, probability] of exactStateDistribution(4, beta)) {
      const spins = Int8Array.from(key, (c) => (c === '+' ? 1 : -1));
      chiZero += probability * structureFactor(spins, 4, 0, 0);
      chiLowest += (probability * (structureFactor(spins, 4, 1, 0) + structureFactor(spins, 4, 0, 1))) / 2;
    }
    const exact = Math.sqrt(chiZero / chiLowest - 1) / (2 * Math.sin(Math.PI / 4));

    const { batch } = generateEnsemble(isingModel, wolffSampler, {
      params: { linearSize: 4, beta, coupling: 1, field: 0 },
      nSamples: 20_000,
      seed: 3,
      spacingSweeps: 10,
    });
    const xi = secondMomentCorrelationLength(batch as typeof batch & { data: Int8Array });
    expect(xi.error).toBeGreaterThan(0);
    expect(Math.abs(xi.mean - exact), `ξ₂ = ${xi.mean} ± ${xi.error}, exact ${exact}`).toBeLessThan(4 * xi.error);
  });
});
