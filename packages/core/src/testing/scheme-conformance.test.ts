import { describe, expect, it } from 'vitest';
import { invalidArgument } from '../errors/rgae-error.js';
import type { LatticeModel, ModelParameters } from '../lattice/lattice-model.js';
import type { SpinBatch } from '../lattice/spin-batch.js';
import type { Rng } from '../random/rng.js';
import type { CoarsenOptions, RGScheme } from '../rg/rg-scheme.js';
import { correlatedMean } from '../stats/observables.js';
import { describeSchemeConformance, schemeConformanceChecks } from './scheme-conformance.js';

/** Two-state sites without interaction (test model); the cold start is all zeros. */
const twoStateModel: LatticeModel<Uint8Array> = {
  id: 'two-states',
  description: 'Independent sites in state 0 or 1 (test model)',
  dtype: 'uint8',
  channels: 1,
  observables: ['m'],
  spacingObservables: ['m'],
  createConfiguration: (linearSize: number, rng: Rng, start: 'hot' | 'cold') =>
    Uint8Array.from({ length: linearSize * linearSize }, () => (start === 'cold' ? 0 : rng.nextInt(2))),
  measure: (configuration: Uint8Array, _params: ModelParameters) => ({ m: configuration.reduce((sum, s) => sum + s, 0) / configuration.length }),
  summarize: (series: Record<string, Float64Array>) => ({ m: correlatedMean(series.m) }),
  encode: (batch: SpinBatch<Uint8Array>) => Float32Array.from(batch.data),
  decode: (encoded: Float32Array, nSamples: number, linearSize: number) => ({
    lattice: 'two-states',
    linearSize,
    nSamples,
    data: Uint8Array.from(encoded, (x) => (x > 0.5 ? 1 : 0)),
  }),
};

/** Keeps the top-left site of every block; `breakage` swaps in one mistake per broken variant. */
function decimation(breakage: 'none' | 'mutates-input' | 'unseeded' | 'floors-size' | 'drops-lattice' | 'noisy' = 'none'): RGScheme {
  let calls = 0;
  return {
    id: 'test-decimation',
    description: 'Top-left site of each block (test scheme)',
    defaultBlockSize: 2,
    supports: (lattice) => lattice === 'two-states',
    coarsen(batch: SpinBatch, options: CoarsenOptions): SpinBatch {
      const b = options.blockSize;
      if (batch.linearSize % b !== 0 && breakage !== 'floors-size') {
        throw invalidArgument(`L = ${batch.linearSize} is not divisible by b = ${b}.`);
      }
      const coarseSize = Math.floor(batch.linearSize / b);
      const fine = batch.data as Uint8Array;
      const data = new Uint8Array(batch.nSamples * coarseSize * coarseSize);
      calls++;
      for (let n = 0; n < batch.nSamples; n++) {
        for (let y = 0; y < coarseSize; y++) {
          for (let x = 0; x < coarseSize; x++) {
            const site = n * batch.linearSize ** 2 + y * b * batch.linearSize + x * b;
            let value = fine[site];
            if (breakage === 'unseeded') value = (value + calls) % 2;
            if (breakage === 'noisy') value = options.rng.nextInt(2);
            data[n * coarseSize * coarseSize + y * coarseSize + x] = value;
          }
        }
      }
      if (breakage === 'mutates-input') fine.fill(1);
      return { lattice: breakage === 'drops-lattice' ? '' : batch.lattice, linearSize: coarseSize, nSamples: batch.nSamples, data };
    },
  };
}

describeSchemeConformance(decimation(), { model: twoStateModel });

describe('schemeConformanceChecks', () => {
  const failingChecks = async (scheme: RGScheme) => {
    const failing: string[] = [];
    for (const check of schemeConformanceChecks(scheme, { model: twoStateModel })) {
      try {
        await check.run();
      } catch {
        failing.push(check.name);
      }
    }
    return failing;
  };

  it('passes a correct scheme', async () => {
    expect(await failingChecks(decimation())).toEqual([]);
  });

  it('catches a scheme that mutates its input', async () => {
    expect(await failingChecks(decimation('mutates-input'))).toContain('leaves its input unchanged');
  });

  it('catches an unseeded scheme', async () => {
    expect(await failingChecks(decimation('unseeded'))).toContain('gives the same output for the same seed');
  });

  it('catches a scheme that accepts any L', async () => {
    expect(await failingChecks(decimation('floors-size'))).toEqual(['rejects L not divisible by b']);
  });

  it('catches a scheme that drops the lattice id', async () => {
    expect(await failingChecks(decimation('drops-lattice'))).toContain('maps L to L/b and keeps the lattice');
  });

  it('catches a scheme that breaks uniform input', async () => {
    expect(await failingChecks(decimation('noisy'))).toEqual(['keeps a uniform configuration uniform']);
  });

  it('rejects a linear size b does not divide', () => {
    expect(() => schemeConformanceChecks(decimation(), { model: twoStateModel, linearSize: 9 })).toThrow(/L = 9 is not divisible by b = 2/);
  });
});
