import type { KernelChoice } from '../compute/kernel-choice.js';
import { invalidArgument } from '../errors/rgae-error.js';
import { ENSEMBLE_FORMAT, ENSEMBLE_FORMAT_VERSION, type EnsembleMetadata } from '../io/ensemble-files.js';
import type { LatticeModel, ModelParameters } from '../lattice/lattice-model.js';
import type { SpinBatch, SpinData } from '../lattice/spin-batch.js';
import { silentLogger, type Logger, type ProgressCallback } from '../logging/logger.js';
import { Rng } from '../random/rng.js';
import { integratedAutocorrelationTime } from '../stats/autocorrelation.js';
import type { SamplerDefinition } from './sampler.js';
import { validateChainRequest } from './validate.js';

export interface EnsembleOptions {
  params: ModelParameters;
  nSamples: number;
  seed: number;
  kernels?: KernelChoice;
  /**
   * Sweeps before the pilot run; default 1000 for local samplers and 2000 cluster steps for cluster samplers
   * (from a hot start at T_c, L = 64, Wolff needs well over 200 steps before τ_int is measured right).
   */
  thermalisationSweeps?: number;
  /** Length of the pilot run that measures τ_int; default 2000 sweeps (1000 cluster steps). */
  pilotSweeps?: number;
  /** Upper bound on the spacing in sweeps; a warning is logged when τ_int would need more. */
  maxSpacingSweeps?: number;
  /** Fixed spacing in sweeps, skipping the measured 2·τ_int rule (tests of the sampler itself). */
  spacingSweeps?: number;
  logger?: Logger;
  onProgress?: ProgressCallback;
}

export interface Ensemble {
  batch: SpinBatch;
  /** Per-configuration observables of the stored samples. */
  series: Record<string, Float64Array>;
  metadata: EnsembleMetadata;
}

/**
 * Draws an ensemble: thermalise, measure τ_int of the model's spacing observables on a pilot run,
 * then store `nSamples` configurations spaced by ⌈2·max τ_int⌉ sweeps (at least 1), measuring every
 * stored configuration. The chain's random stream is derived from the seed and (lattice, sampler, L, β).
 */
export function generateEnsemble<D extends SpinData>(
  model: LatticeModel<D>,
  sampler: SamplerDefinition<D>,
  options: EnsembleOptions,
): Ensemble {
  const { params, nSamples, seed } = options;
  const logger = options.logger ?? silentLogger;
  validateChainRequest(model, sampler, params);
  if (!Number.isInteger(nSamples) || nSamples < 1) {
    throw invalidArgument(`Invalid number of samples ${nSamples}: expected an integer ≥ 1.`);
  }

  const isCluster = sampler.family === 'cluster';
  const thermalisationSweeps = options.thermalisationSweeps ?? (isCluster ? 2000 : 1000);
  const pilotSweeps = options.pilotSweeps ?? (isCluster ? 1000 : 2000);
  const maxSpacing = options.maxSpacingSweeps ?? 2000;

  const rng = Rng.create(seed, ['ensemble', model.id, sampler.id, params.linearSize, params.beta, params.coupling, params.field]);
  const criticalTemperature = model.criticalTemperature?.(params.coupling);
  const start = criticalTemperature !== undefined && 1 / params.beta < criticalTemperature ? 'cold' : 'hot';
  const initial = model.createConfiguration(params.linearSize, rng.split(['initial']), start);
  const chain = sampler.create({ ...params, rng, initial, kernels: options.kernels ?? 'auto' });
  const report = (stage: string, done: number, total: number) => options.onProgress?.({ stage, done, total });

  for (let i = 0; i < thermalisationSweeps; i++) {
    chain.sweep();
    if (i % 64 === 0) report('thermalise', i, thermalisationSweeps);
  }
  chain.endThermalisation?.();

  const tauIntSweeps: Record<string, number> = {};
  let spacing = options.spacingSweeps ?? 1;
  if (options.spacingSweeps === undefined) {
    const pilot = Object.fromEntries(model.spacingObservables.map((name) => [name, new Float64Array(pilotSweeps)]));
    for (let i = 0; i < pilotSweeps; i++) {
      chain.sweep();
      const measurement = model.measure(chain.configuration, params);
      for (const name of model.spacingObservables) pilot[name][i] = measurement[name];
      if (i % 64 === 0) report('pilot', i, pilotSweeps);
    }
    for (const name of model.spacingObservables) {
      const tau = integratedAutocorrelationTime(pilot[name]);
      tauIntSweeps[name] = tau.tauInt;
      if (!tau.reliable) logger.warn(`τ_int of ${name} at β = ${params.beta} is longer than the pilot run can resolve; spacing may be too short.`);
    }
    spacing = Math.max(1, Math.ceil(2 * Math.max(...Object.values(tauIntSweeps))));
    if (spacing > maxSpacing) {
      logger.warn(`2·τ_int = ${spacing} sweeps at β = ${params.beta} exceeds the limit ${maxSpacing}; stored samples are correlated.`);
      spacing = maxSpacing;
    }
  }

  const nSites = params.linearSize * params.linearSize;
  const data = new (initial.constructor as new (n: number) => D)(nSamples * nSites);
  const series: Record<string, Float64Array> = Object.fromEntries(model.observables.map((name) => [name, new Float64Array(nSamples)]));
  for (let n = 0; n < nSamples; n++) {
    for (let s = 0; s < spacing; s++) chain.sweep();
    data.set(chain.configuration, n * nSites);
    const measurement = model.measure(chain.configuration, params);
    for (const name of model.observables) series[name][n] = measurement[name];
    if (n % 16 === 0) report('sample', n, nSamples);
  }
  report('sample', nSamples, nSamples);

  const tauIntSamples: Record<string, number> = {};
  if (nSamples >= 16) {
    for (const name of model.spacingObservables) tauIntSamples[name] = integratedAutocorrelationTime(series[name]).tauInt;
  }

  const metadata: EnsembleMetadata = {
    format: ENSEMBLE_FORMAT,
    formatVersion: ENSEMBLE_FORMAT_VERSION,
    lattice: model.id,
    linearSize: params.linearSize,
    nSamples,
    dtype: model.dtype,
    beta: params.beta,
    // 1/β rounded to 12 digits, so that T = 1.8 given as β = 1/1.8 is stored as 1.8, not 1.7999999999999998.
    temperature: Number((1 / params.beta).toPrecision(12)),
    coupling: params.coupling,
    field: params.field,
    sampler: sampler.id,
    kernels: chain.kernels,
    seed,
    thermalisationSweeps,
    spacingSweeps: spacing,
    tauIntSweeps,
    tauIntSamples,
    observables: nSamples >= 2 ? model.summarize(series, params) : {},
    samplerStatistics: chain.statistics?.(),
  };
  return { batch: { lattice: model.id, linearSize: params.linearSize, nSamples, data }, series, metadata };
}
