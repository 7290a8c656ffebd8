import {
  assertCoarsenable,
  dtypeOf,
  generateEnsemble,
  invalidArgument,
  jackknife,
  mean,
  RgaeError,
  Rng,
  sampleView,
  type Estimate,
  type KernelChoice,
  type LatticeModel,
  type Logger,
  type ModelParameters,
  type ProgressCallback,
  type RGScheme,
  type SamplerDefinition,
  type SpinBatch,
} from '@rgae/core';
import type { ChainSettings } from '../ensemble/chain-settings.js';
import { resolvedSchemeOptions } from '../scheme/resolved-scheme-options.js';
import { BUILTIN_SCHEMES } from '../scheme/builtin-schemes.js';
import { assertSchemeSupports } from '../scheme/scheme-support.js';
import { invertCurve, unstableFixedPoint } from './invert-curve.js';
import { nearestNeighbourCorrelation } from './nearest-neighbour-correlation.js';

/**
 * Observables matched between coarse-grained and fresh ensembles: ⟨|m|⟩, e per site and the
 * nearest-neighbour correlation. In zero field e = −2J·nn on every configuration, so e and nn give
 * the same T′ there and differ only when h ≠ 0.
 */
export type FlowObservable = 'absM' | 'e' | 'nn';

export const FLOW_OBSERVABLES: readonly FlowObservable[] = ['absM', 'e', 'nn'];

type ObservableSeries = Record<FlowObservable, Float64Array>;

export interface RgFlowOptions {
  model: LatticeModel;
  sampler: SamplerDefinition;
  scheme: RGScheme;
  /** Side L of the ensembles that are coarse-grained. */
  linearSize: number;
  /** Block size b, the scheme's default when absent. */
  blockSize?: number;
  /** Temperatures of the ensembles at L whose flow is measured. */
  temperatures: readonly number[];
  /** Ascending temperatures of the fresh reference ensembles at L/b. The grid must bracket every T′. */
  referenceTemperatures: readonly number[];
  /** Samples per ensemble, the same for every ensemble. */
  nSamples: number;
  seed: number;
  coupling?: number;
  field?: number;
  /** Scheme options such as `tieBreak`. */
  schemeOptions?: Record<string, unknown>;
  kernels?: KernelChoice;
  /** Number of jackknife blocks, 20 when absent. */
  nBlocks?: number;
  chain?: ChainSettings;
  logger?: Logger;
  onProgress?: ProgressCallback;
}

export interface FlowPoint {
  temperature: number;
  /** Observables of the coarse-grained ensemble (side L/b). */
  coarse: Record<FlowObservable, Estimate>;
  /** Temperature T′ at L/b whose fresh ensemble has the same observable, one T′ per observable. */
  flowed: Record<FlowObservable, Estimate>;
}

/** The resolved parameters of an RG flow run, stored beside its results. */
export interface RgFlowConfig {
  lattice: string;
  sampler: string;
  scheme: string;
  linearSize: number;
  coarseLinearSize: number;
  blockSize: number;
  temperatures: number[];
  referenceTemperatures: number[];
  nSamples: number;
  seed: number;
  coupling: number;
  field: number;
  schemeOptions: Record<string, unknown>;
  nBlocks: number;
}

export interface RgFlowResult {
  config: RgFlowConfig;
  /** One point per flow temperature, in ascending order. */
  points: FlowPoint[];
  /** Observables of the fresh ensembles at L/b, one estimate per reference temperature. */
  reference: { temperatures: number[]; observables: Record<FlowObservable, Estimate[]> };
  /**
   * Temperature where T′ = T, interpolated between flow points, per observable. Null when T′ − T does
   * not change sign from negative to positive over the given temperatures.
   */
  fixedPoint: Record<FlowObservable, Estimate | null>;
}

function validateFlowOptions(options: RgFlowOptions, blockSize: number, nBlocks: number): void {
  const { temperatures, referenceTemperatures, nSamples } = options;
  assertSchemeSupports(options.scheme, options.model.id, BUILTIN_SCHEMES);
  assertCoarsenable(options.linearSize, blockSize, 1);

  const positive = (t: number) => Number.isFinite(t) && t > 0;
  if (temperatures.length === 0 || !temperatures.every(positive)) {
    throw invalidArgument(`Invalid flow temperatures [${temperatures.join(', ')}]: expected at least one, all finite and > 0.`);
  }
  const ascending = referenceTemperatures.every((t, i) => i === 0 || t > referenceTemperatures[i - 1]);
  if (referenceTemperatures.length < 2 || !ascending || !referenceTemperatures.every(positive)) {
    throw invalidArgument(
      `Invalid reference temperatures [${referenceTemperatures.join(', ')}]: expected at least two, finite, > 0 and strictly ascending.`,
    );
  }
  if (!Number.isInteger(nSamples) || nSamples < nBlocks || !Number.isInteger(nBlocks) || nBlocks < 2) {
    throw invalidArgument(
      `Invalid nSamples = ${nSamples} with ${nBlocks} jackknife blocks: expected integers with 2 ≤ nBlocks ≤ nSamples.`,
    );
  }
}

/** Per-sample ⟨|m|⟩, e and nearest-neighbour correlation of a batch, e and |m| from the model's `measure`. */
function measureBatch(model: LatticeModel, batch: SpinBatch, params: ModelParameters): ObservableSeries {
  const series: ObservableSeries = { absM: new Float64Array(batch.nSamples), e: new Float64Array(batch.nSamples), nn: new Float64Array(batch.nSamples) };
  for (let n = 0; n < batch.nSamples; n++) {
    const configuration = sampleView(batch, n);
    const measurement = model.measure(configuration, params);
    series.absM[n] = measurement.absM;
    series.e[n] = measurement.e;
    series.nn[n] = nearestNeighbourCorrelation(configuration, batch.linearSize, batch.lattice);
  }
  return series;
}

function checkMeasurement(model: LatticeModel): void {
  const missing = ['absM', 'e'].filter((name) => !model.observables.includes(name));
  if (missing.length > 0) {
    throw new RgaeError('INCOMPATIBLE', `The RG flow needs the observables absM and e, but lattice "${model.id}" does not measure ${missing.join(', ')}.`);
  }
}

/** Coarse-grains one cold configuration to check that the scheme returns spins of the model's type. */
function checkSchemeOutput(options: RgFlowOptions, blockSize: number): void {
  const { model, scheme, linearSize } = options;
  const configuration = model.createConfiguration(linearSize, Rng.create(0), 'cold');
  const probe: SpinBatch = { lattice: model.id, linearSize, nSamples: 1, data: configuration };
  const coarsened = scheme.coarsen(probe, { ...options.schemeOptions, blockSize, rng: Rng.create(0), kernels: 'js' });
  if (dtypeOf(coarsened.data) === model.dtype) return;

  throw new RgaeError(
    'INCOMPATIBLE',
    `The RG flow compares coarse configurations with fresh "${model.id}" ensembles, but scheme "${scheme.id}" returns ` +
      `${dtypeOf(coarsened.data)} values instead of ${model.dtype} spins. Use a scheme that returns spins, such as majority or decimation.`,
  );
}

/**
 * Real-space RG flow of temperature. Each ensemble at (L, T) is coarse-grained once to L/b, and each
 * observable O of the coarse configurations is matched with fresh ensembles at L/b on the reference
 * grid: T′ solves O_ref(T′) = O_coarse (linear interpolation). Below T_c an ordering scheme flows
 * colder (T′ < T), above it hotter, and the unstable fixed point T′ = T estimates T_c for this pair of
 * sizes. All ensembles are independent, so one jackknife that drops the same block of every ensemble
 * gives the errors of T′ and of the fixed point.
 */
export function rgFlow(options: RgFlowOptions): RgFlowResult {
  const { model, sampler, scheme, linearSize, nSamples, seed } = options;
  const blockSize = options.blockSize ?? scheme.defaultBlockSize;
  const nBlocks = options.nBlocks ?? 20;
  const coupling = options.coupling ?? 1;
  const field = options.field ?? 0;
  checkMeasurement(model);
  validateFlowOptions(options, blockSize, nBlocks);
  checkSchemeOutput(options, blockSize);

  const coarseSize = linearSize / blockSize;
  const draw = (size: number, temperature: number) =>
    generateEnsemble(model, sampler, {
      ...options.chain,
      params: { linearSize: size, beta: 1 / temperature, coupling, field },
      nSamples,
      seed,
      kernels: options.kernels,
      logger: options.logger,
      onProgress: options.onProgress,
    });

  const referenceTemperatures = [...options.referenceTemperatures];
  const reference = referenceTemperatures.map((temperature) => {
    const { batch } = draw(coarseSize, temperature);
    return measureBatch(model, batch, { linearSize: coarseSize, beta: 1 / temperature, coupling, field });
  });

  const temperatures = [...options.temperatures].sort((a, b) => a - b);
  const coarse = temperatures.map((temperature) => {
    const { batch } = draw(linearSize, temperature);
    const rng = Rng.create(seed, ['rg-flow', 'coarsen', scheme.id, linearSize, temperature]);
    const coarsened = scheme.coarsen(batch, { ...options.schemeOptions, blockSize, rng, kernels: options.kernels });
    return measureBatch(model, coarsened, { linearSize: coarseSize, beta: 1 / temperature, coupling, field });
  });

  const config: RgFlowConfig = {
    lattice: model.id,
    sampler: sampler.id,
    scheme: scheme.id,
    linearSize,
    coarseLinearSize: coarseSize,
    blockSize,
    temperatures,
    referenceTemperatures,
    nSamples,
    seed,
    coupling,
    field,
    schemeOptions: resolvedSchemeOptions(scheme, options.schemeOptions),
    nBlocks,
  };
  return { config, ...matchTemperatures(referenceTemperatures, reference, temperatures, coarse, nBlocks) };
}

/** Jackknife of T′ per flow point and of the fixed point, observable by observable. */
function matchTemperatures(
  referenceTemperatures: number[],
  reference: ObservableSeries[],
  temperatures: number[],
  coarse: ObservableSeries[],
  nBlocks: number,
): Pick<RgFlowResult, 'points' | 'reference' | 'fixedPoint'> {
  const nReference = referenceTemperatures.length;
  const flowedAt = (means: number[]) =>
    temperatures.map((temperature, p) => invertCurve(referenceTemperatures, means.slice(0, nReference), means[nReference + p], temperature));

  const points: FlowPoint[] = temperatures.map((temperature) => ({ temperature, coarse: {}, flowed: {} }) as FlowPoint);
  const referenceObservables = {} as Record<FlowObservable, Estimate[]>;
  const fixedPoint = {} as Record<FlowObservable, Estimate | null>;

  for (const name of FLOW_OBSERVABLES) {
    const series = [...reference.map((ensemble) => ensemble[name]), ...coarse.map((ensemble) => ensemble[name])];
    referenceObservables[name] = reference.map((ensemble) => jackknife([ensemble[name]], (means) => means[0], nBlocks));

    temperatures.forEach((_, p) => {
      points[p].coarse[name] = jackknife([coarse[p][name]], (means) => means[0], nBlocks);
      points[p].flowed[name] = jackknife(series, (means) => flowedAt(means)[p], nBlocks);
    });

    const fullSample = unstableFixedPoint(temperatures, flowedAt(series.map((values) => mean(values))));
    fixedPoint[name] = Number.isNaN(fullSample) ? null : jackknife(series, (means) => unstableFixedPoint(temperatures, flowedAt(means)), nBlocks);
  }
  return { points, reference: { temperatures: referenceTemperatures, observables: referenceObservables }, fixedPoint };
}
