import { Rng, generateEnsemble, type SpinBatch } from '@rgae/core';
import { describe, expect, it } from 'vitest';
import { xyModel } from '../lattice/xy-model.js';
import { xyWolffSampler } from '../sampler/xy-wolff.js';
import { correlationFunction } from './correlation-function.js';
import { secondMomentCorrelationLength } from './correlation-length.js';

function batchOf(linearSize: number, samples: Float32Array[]): SpinBatch<Float32Array> {
  const data = new Float32Array(samples.length * linearSize * linearSize);
  samples.forEach((sample, n) => data.set(sample, n * linearSize * linearSize));
  return { lattice: 'xy', linearSize, nSamples: samples.length, data };
}

function spinWave(linearSize: number, waveNumber: number): Float32Array {
  const out = new Float32Array(linearSize * linearSize);
  for (let y = 0; y < linearSize; y++) {
    for (let x = 0; x < linearSize; x++) out[y * linearSize + x] = (2 * Math.PI * waveNumber * x) / linearSize;
  }
  return out;
}

/** ξ₂ of one configuration from the double sums χ = (1/N) Σ_ij s_i·s_j and F = (1/N) Σ_ij s_i·s_j cos(k·(x_i − x_j)). */
function naiveCorrelationLength(angles: Float32Array, linearSize: number): number {
  const k = (2 * Math.PI) / linearSize;
  let chi = 0;
  let f = 0;
  for (let i = 0; i < angles.length; i++) {
    for (let j = 0; j < angles.length; j++) {
      const dot = Math.cos(angles[i] - angles[j]);
      const dx = (i % linearSize) - (j % linearSize);
      const dy = Math.floor(i / linearSize) - Math.floor(j / linearSize);
      chi += dot;
      f += (dot * (Math.cos(k * dx) + Math.cos(k * dy))) / 2;
    }
  }
  return Math.sqrt(chi / f - 1) / (2 * Math.sin(Math.PI / linearSize));
}

describe('correlationFunction', () => {
  it('is 1 at every distance for aligned spins', () => {
    const values = correlationFunction(batchOf(6, [new Float32Array(36), new Float32Array(36)]));
    expect(values).toHaveLength(4);
    for (const value of values) {
      expect(value.mean).toBeCloseTo(1, 12);
      expect(value.error).toBeCloseTo(0, 12);
    }
  });

  it('averages a spin wave over both axes', () => {
    const linearSize = 8;
    const value = correlationFunction(batchOf(linearSize, [spinWave(linearSize, 1)]));
    for (let r = 0; r <= 4; r++) {
      expect(value[r].mean).toBeCloseTo((1 + Math.cos((2 * Math.PI * r) / linearSize)) / 2, 6);
      expect(Number.isNaN(value[r].error)).toBe(true);
    }
  });

  it('rejects a batch whose data does not match its shape', () => {
    expect(() => correlationFunction({ lattice: 'xy', linearSize: 4, nSamples: 2, data: new Float32Array(16) })).toThrow(
      /correlationFunction: invalid batch shape, 16 angles for nSamples·L² = 32/,
    );
  });
});

describe('secondMomentCorrelationLength', () => {
  it('matches the double-sum definition', () => {
    const linearSize = 6;
    const angles = xyModel.createConfiguration(linearSize, Rng.create(3), 'hot');
    // A random configuration has χ ≈ F ≈ 1, so ξ₂ is ill-conditioned: add a partial alignment.
    for (let i = 0; i < angles.length; i += 2) angles[i] = 0.3;
    const expected = naiveCorrelationLength(angles, linearSize);
    expect(Number.isFinite(expected)).toBe(true);
    expect(secondMomentCorrelationLength(batchOf(linearSize, [angles])).mean).toBeCloseTo(expected, 4);
  });

  it('diverges for aligned spins', () => {
    expect(secondMomentCorrelationLength(batchOf(4, [new Float32Array(16)])).mean).toBeGreaterThan(1e6);
  });

  it('grows as the temperature drops toward T_BKT', () => {
    const lengthAt = (temperature: number) => {
      const ensemble = generateEnsemble(xyModel, xyWolffSampler, {
        params: { linearSize: 16, beta: 1 / temperature, coupling: 1, field: 0 },
        nSamples: 1000,
        seed: 4,
        spacingSweeps: 2,
      });
      return secondMomentCorrelationLength(ensemble.batch as SpinBatch<Float32Array>);
    };
    const hot = lengthAt(1.5);
    const warm = lengthAt(1.05);
    expect(hot.mean).toBeGreaterThan(0.5);
    expect(warm.mean - hot.mean).toBeGreaterThan(4 * Math.hypot(warm.error, hot.error));
  });
});
