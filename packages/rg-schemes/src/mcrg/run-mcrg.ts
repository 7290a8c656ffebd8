import {
  generateEnsemble,
  invalidArgument,
  NotImplementedError,
  Rng,
  type Estimate,
  type KernelChoice,
  type LatticeModel,
  type Logger,
  type ProgressCallback,
  type RGScheme,
  type SamplerDefinition,
  type SpinBatch,
} from '@rgae/core';
import type { ChainSettings } from '../ensemble/chain-settings.js';
import { coarsenLevels } from '../coarsen/coarsen-to-level.js';
import { majorityScheme } from '../scheme/majority.js';
import { resolvedSchemeOptions } from '../scheme/resolved-scheme-options.js';
import { EVEN_OPERATORS, measureOperators, ODD_OPERATORS } from './coupling-operators.js';
import { eigenvalueExponent } from './linearised-rg.js';

/** Smallest coarse side on which the operators (range 2√2) are measured. */
const MIN_COARSE_SIZE = 4;

export interface McrgLevel {
  /** Level n + 1 of the step n → n + 1 that T linearises, so level 1 compares L/b with L. */
  level: number;
  /** Side L/b^level of the coarser lattice. */
  linearSize: number;
  /** Thermal exponent from the spin-flip-even operators (exact 2D Ising value 1). */
  yT: Estimate;
  /** Magnetic exponent from the spin-flip-odd operators (exact 2D Ising value 15/8). */
  yH: Estimate;
}

export interface McrgAnalysisOptions {
  /** Scheme that blocks the configurations, majority rule when absent. It must return ±1 Ising spins. */
  scheme?: RGScheme;
  /** Block size b, the scheme's default when absent. */
  blockSize?: number;
  /** Number of blocking steps. L/b^levels must be at least 4. */
  levels: number;
  /** Randomness for tie-breaks of the blocking. */
  rng: Rng;
  /** Scheme options such as `tieBreak`. */
  schemeOptions?: Record<string, unknown>;
  kernels?: KernelChoice;
  /** Number of jackknife blocks of consecutive samples, 20 when absent. */
  nBlocks?: number;
}

/**
 * Monte Carlo RG analysis of an Ising ensemble: blocks it `levels` times, measures the even and odd
 * operators on every level, and returns y_T and y_H of each step n → n + 1 (see `eigenvalueExponent`).
 * The samples must be in chain order or independent, so that jackknife blocks are nearly independent.
 */
export function analyseMcrg(batch: SpinBatch, options: McrgAnalysisOptions): McrgLevel[] {
  const scheme = options.scheme ?? majorityScheme;
  const blockSize = options.blockSize ?? scheme.defaultBlockSize;
  const nBlocks = options.nBlocks ?? 20;
  validateAnalysis(batch, blockSize, options.levels, nBlocks);

  const blocked = coarsenLevels(scheme, batch, {
    ...options.schemeOptions,
    blockSize,
    level: options.levels,
    rng: options.rng,
    kernels: options.kernels,
  });
  const configurations = [batch, ...blocked].map((level) => asIsingSpins(level, scheme.id));
  const even = configurations.map((level) => measureOperators(level, EVEN_OPERATORS));
  const odd = configurations.map((level) => measureOperators(level, ODD_OPERATORS));

  return blocked.map((coarse, index) => ({
    level: index + 1,
    linearSize: coarse.linearSize,
    yT: eigenvalueExponent(even[index], even[index + 1], blockSize, nBlocks),
    yH: eigenvalueExponent(odd[index], odd[index + 1], blockSize, nBlocks),
  }));
}

function validateAnalysis(batch: SpinBatch, blockSize: number, levels: number, nBlocks: number): void {
  if (batch.lattice !== 'ising') {
    throw new NotImplementedError(`Monte Carlo RG is implemented for the "ising" lattice only, received "${batch.lattice}".`);
  }
  if (!Number.isInteger(nBlocks) || nBlocks < 2 || nBlocks > batch.nSamples) {
    throw invalidArgument(`Invalid number of jackknife blocks ${nBlocks}: expected an integer from 2 to nSamples = ${batch.nSamples}.`);
  }
  if (Number.isInteger(levels) && levels >= 1 && batch.linearSize / blockSize ** levels < MIN_COARSE_SIZE) {
    throw invalidArgument(
      `${levels} levels of b = ${blockSize} leave L = ${batch.linearSize} with side ${batch.linearSize / blockSize ** levels}, ` +
        `below the ${MIN_COARSE_SIZE} the MCRG operators need. Use fewer levels or a larger L.`,
    );
  }
}

function asIsingSpins(batch: SpinBatch, schemeId: string): SpinBatch<Int8Array> {
  if (!(batch.data instanceof Int8Array)) {
    throw new NotImplementedError(
      `Monte Carlo RG needs ±1 spins on every level, but scheme "${schemeId}" returns ${batch.data.constructor.name}. Use majority or decimation.`,
    );
  }
  return batch as SpinBatch<Int8Array>;
}

export interface McrgOptions extends Omit<McrgAnalysisOptions, 'rng'> {
  model: LatticeModel;
  sampler: SamplerDefinition;
  linearSize: number;
  nSamples: number;
  seed: number;
  /** Inverse temperature, the model's critical value when absent. */
  beta?: number;
  coupling?: number;
  field?: number;
  chain?: ChainSettings;
  logger?: Logger;
  onProgress?: ProgressCallback;
}

/** The resolved parameters of an MCRG run, stored beside its results. */
export interface McrgConfig {
  lattice: string;
  sampler: string;
  linearSize: number;
  beta: number;
  temperature: number;
  coupling: number;
  field: number;
  nSamples: number;
  seed: number;
  scheme: string;
  blockSize: number;
  levels: number;
  schemeOptions: Record<string, unknown>;
  nBlocks: number;
  evenOperators: string[];
  oddOperators: string[];
}

export interface McrgResult {
  config: McrgConfig;
  levels: McrgLevel[];
}

function resolveBeta(options: McrgOptions, coupling: number): number {
  if (options.beta !== undefined) return options.beta;
  const critical = options.model.criticalTemperature?.(coupling);
  if (critical === undefined) {
    throw invalidArgument(`Lattice "${options.model.id}" has no known critical temperature: pass beta explicitly.`);
  }
  return 1 / critical;
}

/**
 * Draws an ensemble at (L, β) and runs the Monte Carlo RG analysis on it (`analyseMcrg`). β defaults
 * to the model's critical value, where the leading eigenvalues give the critical exponents
 * y_T = 1/ν and y_H = d − β/ν.
 */
export function runMcrg(options: McrgOptions): McrgResult {
  const coupling = options.coupling ?? 1;
  const field = options.field ?? 0;
  const beta = resolveBeta(options, coupling);
  const scheme = options.scheme ?? majorityScheme;
  const blockSize = options.blockSize ?? scheme.defaultBlockSize;
  const nBlocks = options.nBlocks ?? 20;

  const ensemble = generateEnsemble(options.model, options.sampler, {
    ...options.chain,
    params: { linearSize: options.linearSize, beta, coupling, field },
    nSamples: options.nSamples,
    seed: options.seed,
    kernels: options.kernels,
    logger: options.logger,
    onProgress: options.onProgress,
  });
  const rng = Rng.create(options.seed, ['mcrg', 'blocking', scheme.id, blockSize]);
  const levels = analyseMcrg(ensemble.batch, { ...options, scheme, blockSize, nBlocks, rng });

  const config: McrgConfig = {
    lattice: options.model.id,
    sampler: options.sampler.id,
    linearSize: options.linearSize,
    beta,
    temperature: 1 / beta,
    coupling,
    field,
    nSamples: options.nSamples,
    seed: options.seed,
    scheme: scheme.id,
    blockSize,
    levels: options.levels,
    schemeOptions: resolvedSchemeOptions(scheme, options.schemeOptions),
    nBlocks,
    evenOperators: EVEN_OPERATORS.map((operator) => operator.name),
    oddOperators: ODD_OPERATORS.map((operator) => operator.name),
  };
  return { config, levels };
}
