import type { KernelChoice } from '../compute/kernel-choice.js';
import type { LatticeModel } from '../lattice/lattice-model.js';
import { sampleView, type SpinData } from '../lattice/spin-batch.js';
import { generateEnsemble } from '../sampler/generate-ensemble.js';
import type { SamplerDefinition } from '../sampler/sampler.js';
import { integratedAutocorrelationTime } from '../stats/autocorrelation.js';
import { chiSquareTest, type ChiSquareResult } from '../stats/chi-square.js';

/** A tiny lattice whose equilibrium distribution over some histogram bins is known exactly. */
export interface ExactDistributionCheck<D extends SpinData> {
  linearSize: number;
  beta: number;
  coupling?: number;
  field?: number;
  /** Histogram bin of a configuration, e.g. `${E},${M}` or the whole state as a string. */
  binOf(configuration: D): string;
  /** Exact probability of every bin (sums to 1). */
  probabilities: ReadonlyMap<string, number>;
  /** Recorded configurations; default 20 000. */
  nSamples?: number;
  /** Sweeps between recorded configurations; default 10. */
  spacingSweeps?: number;
  /** The check fails when the p-value is below this; default 1e-4. */
  significance?: number;
}

export interface ExactCheckRun<D extends SpinData> {
  model: LatticeModel<D>;
  sampler: SamplerDefinition<D>;
  seed: number;
  kernels?: KernelChoice;
}

export interface ExactCheckOutcome {
  chiSquare: ChiSquareResult;
  /**
   * Largest τ_int of the model's observables over the recorded series, in recorded samples: about 0.5 when the
   * samples are independent. Correlated samples make the χ² test reject a correct sampler too often.
   */
  maxTauInt: number;
  /** Bins the sampler produced that `probabilities` does not list (each has probability 0). */
  unexpectedBins: string[];
  /** Recorded count per bin, in the order of `probabilities`, then unexpected bins. */
  counts: Map<string, number>;
}

function maxTauInt(series: Record<string, Float64Array>): number {
  let largest = 0.5;
  for (const values of Object.values(series)) {
    if (values.length >= 4) largest = Math.max(largest, integratedAutocorrelationTime(values).tauInt);
  }
  return largest;
}

/**
 * Samples the check's lattice with `generateEnsemble` (200 thermalisation sweeps, then fixed spacing), bins
 * every recorded configuration and runs Pearson's χ² test against the exact probabilities. The test assumes
 * independent samples, so `spacingSweeps` must exceed the autocorrelation time; `maxTauInt` helps to check it.
 */
export function runExactDistributionCheck<D extends SpinData>(run: ExactCheckRun<D>, check: ExactDistributionCheck<D>): ExactCheckOutcome {
  const params = { linearSize: check.linearSize, beta: check.beta, coupling: check.coupling ?? 1, field: check.field ?? 0 };
  const ensemble = generateEnsemble(run.model, run.sampler, {
    params,
    nSamples: check.nSamples ?? 20_000,
    seed: run.seed,
    kernels: run.kernels,
    thermalisationSweeps: 200,
    spacingSweeps: check.spacingSweeps ?? 10,
  });

  const counts = new Map<string, number>([...check.probabilities.keys()].map((key) => [key, 0]));
  const batch = { ...ensemble.batch, data: ensemble.batch.data as D };
  for (let n = 0; n < batch.nSamples; n++) {
    const key = check.binOf(sampleView(batch, n));
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const unexpectedBins = [...counts.keys()].filter((key) => !check.probabilities.has(key));

  const keys = [...counts.keys()];
  const chiSquare = chiSquareTest(
    keys.map((key) => counts.get(key)!),
    keys.map((key) => check.probabilities.get(key) ?? 0),
  );
  return { chiSquare, maxTauInt: maxTauInt(ensemble.series), unexpectedBins, counts };
}
