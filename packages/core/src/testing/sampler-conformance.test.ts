import { describe, expect, it } from 'vitest';
import type { LatticeModel, ModelParameters } from '../lattice/lattice-model.js';
import type { SpinBatch } from '../lattice/spin-batch.js';
import type { Rng } from '../random/rng.js';
import type { ChainOptions, MarkovChain, SamplerDefinition } from '../sampler/sampler.js';
import { correlatedMean } from '../stats/observables.js';
import { checkLatticeId, checkReproducibility, checkValidConfigurations, defaultValidity, type ConformanceSubject } from './conformance-checks.js';
import { runExactDistributionCheck, type ExactDistributionCheck } from './exact-distribution-check.js';
import { describeSamplerConformance } from './sampler-conformance.js';

/** Independent spins ±1 in a field, H = −h Σ s_i: each spin is +1 with probability 1/(1 + exp(−2βh)). */
const freeSpinModel: LatticeModel<Int8Array> = {
  id: 'free-spins',
  description: 'Non-interacting spins in a field (test model)',
  dtype: 'int8',
  channels: 1,
  observables: ['e', 'm'],
  spacingObservables: ['m'],
  createConfiguration(linearSize: number, rng: Rng, start: 'hot' | 'cold') {
    return Int8Array.from({ length: linearSize * linearSize }, () => (start === 'cold' || rng.nextFloat() < 0.5 ? 1 : -1));
  },
  measure(configuration: Int8Array, params: ModelParameters) {
    const m = configuration.reduce((sum, s) => sum + s, 0) / configuration.length;
    return { e: -params.field * m, m };
  },
  summarize(series: Record<string, Float64Array>) {
    return { e: correlatedMean(series.e), m: correlatedMean(series.m) };
  },
  encode: (batch: SpinBatch<Int8Array>) => Float32Array.from(batch.data),
  decode: (encoded: Float32Array, nSamples: number, linearSize: number) => ({
    lattice: 'free-spins',
    linearSize,
    nSamples,
    data: Int8Array.from(encoded, (x) => (x < 0 ? -1 : 1)),
  }),
};

/** Redraws every spin from its exact marginal at β·betaFactor; betaFactor ≠ 1 makes a wrong sampler. */
function resamplingSampler(betaFactor: number, overrides: Partial<SamplerDefinition<Int8Array>> = {}): SamplerDefinition<Int8Array> {
  return {
    id: 'resample',
    lattice: 'free-spins',
    description: 'Draws every spin afresh (test sampler)',
    family: 'local',
    sweepDefinition: 'every spin redrawn once',
    create(options: ChainOptions<Int8Array>): MarkovChain<Int8Array> {
      const up = 1 / (1 + Math.exp(-2 * options.beta * betaFactor * options.field));
      const spins = options.initial;
      return {
        configuration: spins,
        sweep() {
          for (let i = 0; i < spins.length; i++) spins[i] = options.rng.nextFloat() < up ? 1 : -1;
        },
      };
    },
    ...overrides,
  };
}

/** Exact distribution of M = Σ s_i on L² = 4 free spins: binomial with p = 1/(1 + exp(−2βh)). */
function magnetizationCheck(beta: number, field: number): ExactDistributionCheck<Int8Array> {
  const up = 1 / (1 + Math.exp(-2 * beta * field));
  const binomial = [1, 4, 6, 4, 1];
  const probabilities = new Map(binomial.map((ways, nUp) => [String(2 * nUp - 4), ways * up ** nUp * (1 - up) ** (4 - nUp)]));
  return {
    linearSize: 2,
    beta,
    field,
    binOf: (configuration) => String(configuration.reduce((sum, s) => sum + s, 0)),
    probabilities,
    nSamples: 5000,
    spacingSweeps: 1,
  };
}

function subjectOf(sampler: SamplerDefinition<Int8Array>): ConformanceSubject<Int8Array> {
  return {
    model: freeSpinModel,
    sampler,
    params: { linearSize: 4, beta: 0.5, coupling: 1, field: 0.3 },
    seed: 3,
    kernels: 'auto',
    isValidConfiguration: defaultValidity(freeSpinModel, 4, 3),
  };
}

describeSamplerConformance({
  model: freeSpinModel,
  sampler: resamplingSampler(1),
  linearSize: 4,
  exact: [magnetizationCheck(0.5, 0.3), magnetizationCheck(1, -0.2)],
});

describe('conformance checks on broken samplers', () => {
  it('runExactDistributionCheck rejects a 10% error in β', () => {
    const outcome = runExactDistributionCheck({ model: freeSpinModel, sampler: resamplingSampler(1.1), seed: 1 }, { ...magnetizationCheck(1, 0.5), nSamples: 20_000 });
    expect(outcome.chiSquare.pValue).toBeLessThan(1e-6);
  });

  it('runExactDistributionCheck reports bins of probability 0', () => {
    const check = magnetizationCheck(0.5, 0.3);
    const withoutAllUp = new Map([...check.probabilities].filter(([key]) => key !== '4'));
    const total = [...withoutAllUp.values()].reduce((a, b) => a + b, 0);
    const outcome = runExactDistributionCheck(
      { model: freeSpinModel, sampler: resamplingSampler(1), seed: 1 },
      { ...check, probabilities: new Map([...withoutAllUp].map(([key, p]) => [key, p / total])) },
    );
    expect(outcome.unexpectedBins).toEqual(['4']);
    expect(outcome.chiSquare.pValue).toBe(0);
  });

  it('checkLatticeId fails for another lattice', () => {
    expect(() => checkLatticeId(subjectOf(resamplingSampler(1, { lattice: 'ising' })))).toThrow(/must name the model/);
  });

  it('checkValidConfigurations fails for a value outside ±1', () => {
    const zeroing = resamplingSampler(1, {
      create: (options) => ({
        configuration: options.initial,
        sweep: () => options.initial.fill(0, 0, 1),
      }),
    });
    expect(() => checkValidConfigurations(subjectOf(zeroing))).toThrow(/invalid value/);
  });

  it('checkReproducibility fails for a sampler that ignores its stream', () => {
    const fixed = resamplingSampler(1, {
      create: (options) => ({
        configuration: options.initial,
        sweep: () => options.initial.fill(1),
      }),
    });
    expect(() => checkReproducibility(subjectOf(fixed))).toThrow(/different seed/);
  });
});
