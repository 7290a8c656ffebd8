import { describe, expect, it } from 'vitest';
import { isRgaeError } from '../errors/rgae-error.js';
import type { LatticeModel } from '../lattice/lattice-model.js';
import { dtypeOf, sampleView, type SpinBatch, type SpinData, type SpinDtype } from '../lattice/spin-batch.js';
import { Rng } from '../random/rng.js';
import type { RGScheme } from '../rg/rg-scheme.js';

export interface SchemeConformanceOptions<D extends SpinData> {
  /** A lattice model the scheme supports; its configurations are the scheme's input. */
  model: LatticeModel<D>;
  /** Builds one configuration of side L; default the model's hot start. Pass sampled configurations for realistic input. */
  configuration?: (linearSize: number, rng: Rng) => D;
  /** Block size b of the checks; default the scheme's `defaultBlockSize`. */
  blockSize?: number;
  /** Linear size L of the fine lattice; default 2b², so that two coarse-graining steps fit. */
  linearSize?: number;
  /** Configurations per batch; default 4. */
  nSamples?: number;
  /** dtype of the coarse batch; default the model's dtype (a real-valued block average of ±1 spins gives float32). */
  outputDtype?: SpinDtype;
  /** Scheme-specific options passed to every `coarsen` call, e.g. `{ tieBreak: 'random' }`. */
  schemeOptions?: Record<string, unknown>;
  seed?: number;
}

/** The same id rule the registry applies: lower-case words, optionally namespaced as `plugin/id`. */
const ID_PATTERN = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)?$/;

interface SchemeSubject<D extends SpinData> {
  scheme: RGScheme;
  model: LatticeModel<D>;
  configuration: (linearSize: number, rng: Rng) => D;
  blockSize: number;
  linearSize: number;
  nSamples: number;
  outputDtype: SpinDtype;
  schemeOptions: Record<string, unknown>;
  seed: number;
}

/** Builds a batch of `nSamples` configurations of side `linearSize`, each from its own stream under `seed`. */
function batchOf<D extends SpinData>(subject: SchemeSubject<D>, linearSize: number, make = subject.configuration): SpinBatch<D> {
  const nSites = linearSize * linearSize;
  const samples = Array.from({ length: subject.nSamples }, (_, n) => make(linearSize, Rng.create(subject.seed, ['scheme-conformance', linearSize, n])));
  const data = new (samples[0].constructor as new (length: number) => D)(subject.nSamples * nSites);
  samples.forEach((sample, n) => data.set(sample, n * nSites));
  return { lattice: subject.model.id, linearSize, nSamples: subject.nSamples, data };
}

function coarsen<D extends SpinData>(subject: SchemeSubject<D>, batch: SpinBatch, rngKey = 'coarsen'): SpinBatch {
  const rng = Rng.create(subject.seed, ['scheme-conformance', rngKey]);
  return subject.scheme.coarsen(batch, { ...subject.schemeOptions, blockSize: subject.blockSize, rng });
}

function checkDeclaration<D extends SpinData>({ scheme, model }: SchemeSubject<D>): void {
  expect(scheme.id, 'scheme id').toMatch(ID_PATTERN);
  expect(scheme.description.trim().length, 'description length').toBeGreaterThan(0);
  expect(Number.isInteger(scheme.defaultBlockSize), `defaultBlockSize ${scheme.defaultBlockSize} is an integer`).toBe(true);
  expect(scheme.defaultBlockSize, 'defaultBlockSize').toBeGreaterThanOrEqual(2);
  expect(scheme.supports(model.id), `supports("${model.id}")`).toBe(true);
}

function checkShape<D extends SpinData>(subject: SchemeSubject<D>): void {
  const coarse = coarsen(subject, batchOf(subject, subject.linearSize));
  const coarseSize = subject.linearSize / subject.blockSize;

  expect(coarse.lattice, 'coarse lattice id').toBe(subject.model.id);
  expect(coarse.linearSize, 'coarse L = L/b').toBe(coarseSize);
  expect(coarse.nSamples, 'coarse nSamples').toBe(subject.nSamples);
  expect(coarse.data.length, 'coarse data length nSamples·(L/b)²').toBe(subject.nSamples * coarseSize * coarseSize);
  expect(dtypeOf(coarse.data), 'coarse dtype').toBe(subject.outputDtype);
}

function checkInputUnchanged<D extends SpinData>(subject: SchemeSubject<D>): void {
  const batch = batchOf(subject, subject.linearSize);
  const before = Array.from(batch.data);
  coarsen(subject, batch);
  expect(Array.from(batch.data), 'input data after coarsen').toEqual(before);
}

function checkDeterminism<D extends SpinData>(subject: SchemeSubject<D>): void {
  const first = coarsen(subject, batchOf(subject, subject.linearSize));
  const again = coarsen(subject, batchOf(subject, subject.linearSize));
  expect(Array.from(again.data), 'two calls with the same seed').toEqual(Array.from(first.data));
}

/** Checks that a cold (uniform) start stays uniform and, for integer states, keeps its value. */
function checkUniform<D extends SpinData>(subject: SchemeSubject<D>): void {
  const cold = (linearSize: number, rng: Rng) => subject.model.createConfiguration(linearSize, rng, 'cold');
  const fine = batchOf(subject, subject.linearSize, cold);
  const coarse = coarsen(subject, fine);
  const discrete = subject.outputDtype !== 'float32' && subject.outputDtype === subject.model.dtype;

  for (let n = 0; n < coarse.nSamples; n++) {
    const values = sampleView(coarse, n);
    const first = values[0];
    expect(values.every((value) => value === first), `coarse sample ${n} of a uniform start is not uniform`).toBe(true);
    if (discrete) expect(first, `coarse value of uniform sample ${n}`).toBe(sampleView(fine, n)[0]);
  }
}

/** Coarse configurations are configurations of the model: it measures them to finite observables, and they coarsen again. */
function checkCoarseIsModelConfiguration<D extends SpinData>(subject: SchemeSubject<D>): void {
  const once = coarsen(subject, batchOf(subject, subject.linearSize));
  const params = { linearSize: once.linearSize, beta: 0.5, coupling: 1, field: 0 };
  for (let n = 0; n < once.nSamples; n++) {
    const measurement = subject.model.measure(sampleView(once, n) as D, params);
    for (const name of subject.model.observables) {
      expect(Number.isFinite(measurement[name]), `observable "${name}" of coarse sample ${n} is ${measurement[name]}`).toBe(true);
    }
  }

  if (once.linearSize % subject.blockSize !== 0) return;
  const twice = coarsen(subject, once, 'second-level');
  expect(twice.linearSize, 'L after two steps').toBe(once.linearSize / subject.blockSize);
}

function checkIndivisibleRejected<D extends SpinData>(subject: SchemeSubject<D>): void {
  const linearSize = subject.linearSize + 1;
  let caught: unknown;
  try {
    coarsen(subject, batchOf(subject, linearSize));
  } catch (error) {
    caught = error;
  }
  expect(isRgaeError(caught), `L = ${linearSize} with b = ${subject.blockSize} must raise an RgaeError`).toBe(true);
  expect((caught as Error).message, 'the message names L').toContain(String(linearSize));
}

/** One named check of a conformance suite; `run` throws an assertion error when the check fails. */
export interface ConformanceCheck {
  name: string;
  run(): void | Promise<void>;
}

/**
 * Lists the checks every RG scheme passes on a lattice it supports. The scheme needs a valid id and block
 * size, and maps L → L/b keeping the lattice id, sample count and dtype. It leaves its input unchanged, gives
 * identical output for the same seed and keeps a uniform configuration uniform. The model can measure its
 * coarse configurations and they coarsen again. An L not divisible by b raises an RgaeError naming L.
 */
export function schemeConformanceChecks<D extends SpinData>(scheme: RGScheme, options: SchemeConformanceOptions<D>): ConformanceCheck[] {
  const blockSize = options.blockSize ?? scheme.defaultBlockSize;
  const subject: SchemeSubject<D> = {
    scheme,
    model: options.model,
    configuration: options.configuration ?? ((linearSize, rng) => options.model.createConfiguration(linearSize, rng, 'hot')),
    blockSize,
    linearSize: options.linearSize ?? 2 * blockSize * blockSize,
    nSamples: options.nSamples ?? 4,
    outputDtype: options.outputDtype ?? options.model.dtype,
    schemeOptions: options.schemeOptions ?? {},
    seed: options.seed ?? 1,
  };
  if (subject.linearSize % blockSize !== 0) {
    throw new Error(`Scheme conformance: L = ${subject.linearSize} is not divisible by b = ${blockSize}; pass a linearSize that is.`);
  }

  const checks: ConformanceCheck[] = [
    { name: 'declares a valid id and supports the model', run: () => checkDeclaration(subject) },
    { name: 'maps L to L/b and keeps the lattice', run: () => checkShape(subject) },
    { name: 'leaves its input unchanged', run: () => checkInputUnchanged(subject) },
    { name: 'gives the same output for the same seed', run: () => checkDeterminism(subject) },
    { name: 'keeps a uniform configuration uniform', run: () => checkUniform(subject) },
  ];
  if (subject.outputDtype === subject.model.dtype) {
    checks.push({ name: 'returns configurations of the model', run: () => checkCoarseIsModelConfiguration(subject) });
  }
  checks.push({ name: 'rejects L not divisible by b', run: () => checkIndivisibleRejected(subject) });
  return checks;
}

/**
 * Registers `schemeConformanceChecks` as a vitest suite, one test per check. Call it at the top level of a
 * test file.
 */
export function describeSchemeConformance<D extends SpinData>(scheme: RGScheme, options: SchemeConformanceOptions<D>): void {
  const blockSize = options.blockSize ?? scheme.defaultBlockSize;
  const checks = schemeConformanceChecks(scheme, options);
  describe(`scheme conformance: ${scheme.id} on ${options.model.id} (b = ${blockSize})`, () => {
    for (const check of checks) it(check.name, check.run);
  });
}
