import { expect } from 'vitest';
import type { KernelChoice } from '../compute/kernel-choice.js';
import { isRgaeError } from '../errors/rgae-error.js';
import type { LatticeModel, ModelParameters } from '../lattice/lattice-model.js';
import { dtypeOf, type SpinData } from '../lattice/spin-batch.js';
import { Rng } from '../random/rng.js';
import { generateEnsemble } from '../sampler/generate-ensemble.js';
import type { MarkovChain, SamplerDefinition } from '../sampler/sampler.js';

/** Inputs of every generic check. */
export interface ConformanceSubject<D extends SpinData> {
  model: LatticeModel<D>;
  sampler: SamplerDefinition<D>;
  params: ModelParameters;
  seed: number;
  kernels: KernelChoice;
  /** Validity of one configuration's values; see `defaultValidity`. */
  isValidConfiguration: (configuration: D) => boolean;
}

/** Builds a chain from a hot start whose random streams derive from `seed` alone. */
export function createChain<D extends SpinData>(subject: ConformanceSubject<D>, seed: number, params = subject.params): MarkovChain<D> {
  const rng = Rng.create(seed, ['conformance', subject.model.id, subject.sampler.id]);
  const initial = subject.model.createConfiguration(params.linearSize, rng.split(['initial']), 'hot');
  return subject.sampler.create({ ...params, rng, initial, kernels: subject.kernels });
}

/**
 * Builds the validity rule used when the caller gives none. Float values must be finite. Integer values must be
 * among those of the model's hot and cold starts at the same size: ±1 for Ising, and 0 … q−1 for Potts when the
 * hot start shows every state.
 */
export function defaultValidity<D extends SpinData>(model: LatticeModel<D>, linearSize: number, seed: number): (configuration: D) => boolean {
  if (model.dtype === 'float32') return (configuration) => configuration.every((value) => Number.isFinite(value));
  const rng = Rng.create(seed, ['conformance', 'validity']);
  const allowed = new Set<number>([...model.createConfiguration(linearSize, rng, 'hot'), ...model.createConfiguration(linearSize, rng, 'cold')]);
  return (configuration) => configuration.every((value) => allowed.has(value));
}

export function checkLatticeId<D extends SpinData>({ model, sampler }: ConformanceSubject<D>): void {
  expect(sampler.lattice, `sampler "${sampler.id}" must name the model it updates`).toBe(model.id);
}

/** Runs 20 sweeps and checks after each that the configuration has the model's dtype and L² valid values. */
export function checkValidConfigurations<D extends SpinData>(subject: ConformanceSubject<D>): void {
  const chain = createChain(subject, subject.seed);
  const nSites = subject.params.linearSize ** 2;
  for (let sweep = 0; sweep < 20; sweep++) {
    chain.sweep();
    const configuration = chain.configuration;
    expect(dtypeOf(configuration), 'configuration dtype').toBe(subject.model.dtype);
    expect(configuration.length, 'configuration length L²').toBe(nSites);
    expect(subject.isValidConfiguration(configuration), `configuration after sweep ${sweep + 1} has an invalid value`).toBe(true);
  }
}

/** Checks that two chains from one seed stay identical for 10 sweeps and a chain from another seed does not. */
export function checkReproducibility<D extends SpinData>(subject: ConformanceSubject<D>): void {
  const first = createChain(subject, subject.seed);
  const second = createChain(subject, subject.seed);
  const other = createChain(subject, subject.seed + 1);
  let differs = false;
  for (let sweep = 0; sweep < 10; sweep++) {
    first.sweep();
    second.sweep();
    other.sweep();
    expect(Array.from(second.configuration), `same seed, sweep ${sweep + 1}`).toEqual(Array.from(first.configuration));
    differs ||= other.configuration.some((value, i) => value !== first.configuration[i]);
  }
  expect(differs, 'a different seed gave the same 10 configurations').toBe(true);
}

/** Checks that `generateEnsemble` rejects an odd L with an RgaeError naming the even-L requirement. */
export function checkOddLinearSizeRejected<D extends SpinData>(subject: ConformanceSubject<D>): void {
  const odd = subject.params.linearSize + (subject.params.linearSize % 2 === 0 ? 1 : 0);
  let caught: unknown;
  try {
    generateEnsemble(subject.model, subject.sampler, { params: { ...subject.params, linearSize: odd }, nSamples: 1, seed: subject.seed, kernels: subject.kernels });
  } catch (error) {
    caught = error;
  }
  expect(isRgaeError(caught), `L = ${odd} must raise an RgaeError`).toBe(true);
  expect((caught as Error).message).toMatch(/even L/);
}

/** Checks that a chain runs on an odd L and keeps L² values. */
export function checkOddLinearSizeAccepted<D extends SpinData>(subject: ConformanceSubject<D>): void {
  const linearSize = subject.params.linearSize + (subject.params.linearSize % 2 === 0 ? 1 : 0);
  const chain = createChain(subject, subject.seed, { ...subject.params, linearSize });
  for (let sweep = 0; sweep < 5; sweep++) chain.sweep();
  expect(chain.configuration.length).toBe(linearSize * linearSize);
}

/**
 * Checks that a short `generateEnsemble` run records the lattice, sampler and kernels, and per spacing observable
 * a finite τ_int ≥ 1/2 from the pilot run, and that it spaces samples by at least ⌈2·τ_int⌉ sweeps (at most 2000).
 */
export function checkEnsembleMetadata<D extends SpinData>(subject: ConformanceSubject<D>): void {
  const nSamples = 32;
  const { batch, metadata, series } = generateEnsemble(subject.model, subject.sampler, {
    params: subject.params,
    nSamples,
    seed: subject.seed,
    kernels: subject.kernels,
    thermalisationSweeps: 100,
    pilotSweeps: 400,
  });

  expect(metadata.lattice).toBe(subject.model.id);
  expect(metadata.sampler).toBe(subject.sampler.id);
  expect(metadata.nSamples).toBe(nSamples);
  expect(batch.data.length).toBe(nSamples * subject.params.linearSize ** 2);
  if (subject.kernels !== 'auto') expect(metadata.kernels).toBe(subject.kernels);
  for (const name of subject.model.observables) expect(series[name]?.length, `series "${name}"`).toBe(nSamples);

  expect(Number.isInteger(metadata.spacingSweeps), `spacing ${metadata.spacingSweeps} sweeps`).toBe(true);
  expect(metadata.spacingSweeps).toBeGreaterThanOrEqual(1);
  for (const name of subject.model.spacingObservables) {
    const tau = metadata.tauIntSweeps[name];
    expect(Number.isFinite(tau), `τ_int of "${name}" is ${tau}`).toBe(true);
    expect(tau, `τ_int of "${name}"`).toBeGreaterThanOrEqual(0.5);
    expect(metadata.spacingSweeps).toBeGreaterThanOrEqual(Math.min(2000, Math.ceil(2 * tau)));
    expect(Number.isFinite(metadata.tauIntSamples[name]), `τ_int of the stored "${name}" series`).toBe(true);
  }
}
