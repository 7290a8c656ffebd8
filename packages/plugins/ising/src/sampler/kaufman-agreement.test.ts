import { describe, expect, it } from 'vitest';
import { generateEnsemble, type KernelChoice, type SamplerDefinition } from '@rgae/core';
import { exactIsingThermodynamics } from '../exact/kaufman.js';
import { isingModel } from '../lattice/ising-model.js';
import { heatBathSampler } from './heat-bath.js';
import { metropolisSampler } from './metropolis.js';
import { swendsenWangSampler } from './swendsen-wang.js';
import { wolffSampler } from './wolff.js';

/** Below, at and above T_c ≈ 2.26919. */
const TEMPERATURES = [2.0, 2.269, 2.6];

interface AgreementCase {
  sampler: SamplerDefinition<Int8Array>;
  kernels: KernelChoice;
  linearSize: number;
  nSamples: number;
}

const CASES: AgreementCase[] = [
  { sampler: metropolisSampler, kernels: 'js', linearSize: 8, nSamples: 10_000 },
  { sampler: metropolisSampler, kernels: 'gpujs', linearSize: 8, nSamples: 5000 },
  { sampler: heatBathSampler, kernels: 'js', linearSize: 8, nSamples: 10_000 },
  { sampler: wolffSampler, kernels: 'js', linearSize: 8, nSamples: 10_000 },
  { sampler: swendsenWangSampler, kernels: 'js', linearSize: 8, nSamples: 10_000 },
  { sampler: metropolisSampler, kernels: 'js', linearSize: 16, nSamples: 10_000 },
  { sampler: wolffSampler, kernels: 'js', linearSize: 16, nSamples: 10_000 },
  { sampler: swendsenWangSampler, kernels: 'js', linearSize: 16, nSamples: 10_000 },
];

describe('agreement with the Kaufman solution', () => {
  for (const { sampler, kernels, linearSize, nSamples } of CASES) {
    it.each(TEMPERATURES)(`${sampler.id} (${kernels}), L = ${linearSize}: e and C at T = %f`, (temperature) => {
      const beta = 1 / temperature;
      const { metadata } = generateEnsemble(isingModel, sampler, {
        params: { linearSize, beta, coupling: 1, field: 0 },
        nSamples,
        seed: 7,
        kernels,
      });
      const exact = exactIsingThermodynamics(linearSize, beta);
      const { e, C } = metadata.observables;

      expect(Math.abs(e.mean - exact.energy), `e = ${e.mean} ± ${e.error}, exact ${exact.energy}`).toBeLessThan(4 * e.error);
      expect(Math.abs(C.mean - exact.specificHeat), `C = ${C.mean} ± ${C.error}, exact ${exact.specificHeat}`).toBeLessThan(4 * C.error);
    });
  }
});
