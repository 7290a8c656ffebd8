import { invalidArgument, RgaeError } from '../errors/rgae-error.js';
import { nearest } from '../errors/suggest.js';
import type { Registry } from '../di/registry.js';
import { assertCoarsenable } from '../rg/rg-scheme.js';

export type StudyPreset = 'quick' | 'default' | 'paper';
export const STUDY_PRESETS: readonly StudyPreset[] = ['quick', 'default', 'paper'];
export const TRAINING_BACKENDS = ['auto', 'node', 'wasm', 'cpu'] as const;
export type TrainingBackend = (typeof TRAINING_BACKENDS)[number];

/** A study as the user gives it (flags or a study file); every field optional. */
export interface StudyOptions {
  preset?: StudyPreset;
  lattice?: string;
  sampler?: string;
  scheme?: string;
  model?: string;
  tests?: string[];
  linearSize?: number;
  blockSize?: number;
  levels?: number;
  temperatures?: number[];
  betas?: number[];
  nSamples?: number;
  epochs?: number;
  fineTuneEpochs?: number;
  thermometerEpochs?: number;
  /** Configurations per temperature of the fresh coarse-size ensembles the thermometer trains on. */
  thermometerSamples?: number;
  seed?: number;
  backend?: TrainingBackend;
  coupling?: number;
  field?: number;
  /** Folder of existing ensembles (.npy + sidecar) used instead of sampling. */
  dataset?: string;
}

/** The resolved, JSON-safe study stored as study.json; the same config and seed reproduce the same numbers. */
export interface StudyConfig {
  preset: StudyPreset;
  lattice: string;
  sampler: string;
  scheme: string;
  model: string;
  tests: string[];
  linearSize: number;
  blockSize: number;
  levels: number;
  points: Array<{ beta: number; temperature: number }>;
  nSamples: number;
  epochs: number;
  fineTuneEpochs: number;
  thermometerEpochs: number;
  thermometerSamples: number;
  seed: number;
  backend: TrainingBackend;
  coupling: number;
  field: number;
  dataset: string | null;
}

type PresetValues = Required<Pick<StudyOptions, 'linearSize' | 'blockSize' | 'levels' | 'temperatures' | 'nSamples' | 'epochs' | 'fineTuneEpochs' | 'thermometerEpochs' | 'thermometerSamples'>>;

const range = (start: number, stop: number, step: number) =>
  Array.from({ length: Math.floor((stop - start) / step + 1e-9) + 1 }, (_, i) => Number((start + i * step).toPrecision(12)));

/**
 * Preset sizes. Times on a 2-core machine are measured and recorded in docs/benchmarks.md; `quick` is the
 * end-to-end test, `default` the README command, `paper` a publication-size run.
 */
export const PRESETS: Record<StudyPreset, PresetValues> = {
  quick: { linearSize: 16, blockSize: 2, levels: 1, temperatures: [1.6, 2.0, 2.3, 2.6, 3.0], nSamples: 160, epochs: 4, fineTuneEpochs: 0, thermometerEpochs: 6, thermometerSamples: 120 },
  default: { linearSize: 16, blockSize: 2, levels: 1, temperatures: range(1.5, 3.5, 0.25), nSamples: 600, epochs: 12, fineTuneEpochs: 2, thermometerEpochs: 12, thermometerSamples: 400 },
  paper: { linearSize: 32, blockSize: 2, levels: 1, temperatures: range(1.0, 3.5, 0.1), nSamples: 2000, epochs: 40, fineTuneEpochs: 10, thermometerEpochs: 30, thermometerSamples: 1000 },
};

/** Resolves options against a preset and the registry; every error names the field, the value and the fix. */
export function resolveStudyConfig(options: StudyOptions, registry: Registry): StudyConfig {
  const preset = options.preset ?? 'default';
  if (!STUDY_PRESETS.includes(preset)) {
    throw invalidArgument(`Unknown preset "${preset}". Accepted presets: ${STUDY_PRESETS.join(', ')}.`);
  }
  const base = PRESETS[preset];

  const lattice = registry.get('lattice', options.lattice ?? 'ising');
  const samplerIds = registry.samplersFor(lattice.id).map((s) => s.id);
  const sampler = registry.getSampler(lattice.id, options.sampler ?? (samplerIds.includes('wolff') ? 'wolff' : (samplerIds[0] ?? '')));
  const scheme = registry.get('scheme', options.scheme ?? 'majority');
  const architecture = registry.get('architecture', options.model ?? 'conv-ae');
  if (!scheme.supports(lattice.id)) {
    const supporting = registry.all('scheme').filter((s) => s.supports(lattice.id)).map((s) => s.id);
    throw new RgaeError(
      'INCOMPATIBLE',
      `RG scheme "${scheme.id}" does not support lattice "${lattice.id}". Schemes that do: ${supporting.join(', ') || '(none)'}.`,
    );
  }
  if (architecture.role !== 'autoencoder') {
    const autoencoders = registry.all('architecture').filter((a) => a.role === 'autoencoder').map((a) => a.id);
    throw invalidArgument(`Architecture "${architecture.id}" is a ${architecture.role}, not an autoencoder. Use one of: ${autoencoders.join(', ')}.`);
  }

  const supportedTests = registry.all('test').filter((t) => t.supports(lattice.id)).map((t) => t.id);
  const tests = options.tests ?? supportedTests;
  for (const id of tests) {
    const test = registry.get('test', id);
    if (!test.supports(lattice.id)) {
      throw new RgaeError('INCOMPATIBLE', `Study test "${id}" does not support lattice "${lattice.id}". Tests that do: ${supportedTests.join(', ')}.`);
    }
  }

  const config: StudyConfig = {
    preset,
    lattice: lattice.id,
    sampler: sampler.id,
    scheme: scheme.id,
    model: architecture.id,
    tests,
    linearSize: positiveInteger(options.linearSize ?? base.linearSize, 'linearSize (-L)', 4),
    blockSize: positiveInteger(options.blockSize ?? base.blockSize, 'blockSize (-b)', 2),
    levels: positiveInteger(options.levels ?? base.levels, 'levels', 1),
    points: resolvePoints(options, presetTemperatures(base.temperatures, lattice.criticalTemperature?.(options.coupling ?? 1))),
    nSamples: positiveInteger(options.nSamples ?? base.nSamples, 'samples', 10),
    epochs: positiveInteger(options.epochs ?? base.epochs, 'epochs', 1),
    fineTuneEpochs: positiveInteger(options.fineTuneEpochs ?? base.fineTuneEpochs, 'fineTuneEpochs', 0),
    thermometerEpochs: positiveInteger(options.thermometerEpochs ?? base.thermometerEpochs, 'thermometerEpochs', 1),
    thermometerSamples: positiveInteger(options.thermometerSamples ?? base.thermometerSamples, 'thermometerSamples', 10),
    seed: positiveInteger(options.seed ?? 1, 'seed', 0),
    backend: resolveBackend(options.backend ?? 'auto'),
    coupling: finite(options.coupling ?? 1, 'coupling'),
    field: finite(options.field ?? 0, 'field'),
    dataset: options.dataset ?? null,
  };

  assertCoarsenable(config.linearSize, config.blockSize, config.levels);
  architecture.validate({ channels: lattice.channels, linearSize: config.linearSize, blockSize: config.blockSize ** config.levels, seed: config.seed });
  if (config.points.length < 3 && config.dataset === null) {
    throw invalidArgument(`A study needs at least 3 temperatures to locate the flow's fixed point, received ${config.points.length}.`);
  }
  return config;
}

/** Temperature of the 2D Ising transition, 2/ln(1 + √2) (J = 1), around which the preset ranges are drawn. */
const ISING_CRITICAL_TEMPERATURE = 2 / Math.log(1 + Math.SQRT2);

/**
 * Scales the preset's temperatures, chosen around the Ising T_c, by T_c(lattice)/T_c(Ising) when the lattice
 * has a known critical (or BKT) temperature, so that a Potts or XY study spans its own transition.
 */
function presetTemperatures(temperatures: number[], criticalTemperature: number | undefined): number[] {
  if (criticalTemperature === undefined || !(criticalTemperature > 0)) return temperatures;
  const scale = criticalTemperature / ISING_CRITICAL_TEMPERATURE;
  return temperatures.map((t) => Number((t * scale).toPrecision(4)));
}

function resolvePoints(options: StudyOptions, defaults: number[]): StudyConfig['points'] {
  if (options.temperatures && options.betas) throw invalidArgument('Give either temperatures or betas, not both.');
  if (options.betas) {
    return options.betas.map((beta) => {
      if (!(beta > 0) || !Number.isFinite(beta)) throw invalidArgument(`Invalid β = ${beta}: a study needs finite β > 0.`);
      return { beta, temperature: 1 / beta };
    });
  }
  return (options.temperatures ?? defaults).map((temperature) => {
    if (!(temperature > 0) || !Number.isFinite(temperature)) throw invalidArgument(`Invalid temperature ${temperature}: temperatures must be finite and > 0.`);
    return { beta: 1 / temperature, temperature };
  });
}

function positiveInteger(value: number, field: string, minimum: number): number {
  if (!Number.isInteger(value) || value < minimum) throw invalidArgument(`Invalid ${field} ${value}: expected an integer ≥ ${minimum}.`);
  return value;
}

function finite(value: number, field: string): number {
  if (!Number.isFinite(value)) throw invalidArgument(`Invalid ${field} ${value}: expected a finite number.`);
  return value;
}

function resolveBackend(value: string): TrainingBackend {
  if ((TRAINING_BACKENDS as readonly string[]).includes(value)) return value as TrainingBackend;
  const guess = nearest(value, TRAINING_BACKENDS);
  throw invalidArgument(`Unknown backend "${value}". Accepted backends: ${TRAINING_BACKENDS.join(', ')}.${guess ? ` Did you mean "${guess}"?` : ''}`);
}

/**
 * Temperatures of the coarse thermometer's training ensembles: the study's temperatures plus 3 steps below
 * (not below half the lowest) and 6 above, at the median spacing. A posterior-mean reading cannot leave the
 * range it was trained on, so without this margin the flow at the ends of the range would be pinned inwards.
 * The upper margin is wider because the majority flow runs far hotter above T_c than it runs colder below.
 */
export function thermometerTemperatures(points: StudyConfig['points']): number[] {
  const temperatures = [...new Set(points.map((p) => p.temperature))].sort((a, b) => a - b);
  const steps = temperatures.slice(1).map((t, i) => t - temperatures[i]).sort((a, b) => a - b);
  const spacing = steps.length > 0 ? steps[Math.floor(steps.length / 2)] : temperatures[0] / 4;
  const lowest = temperatures[0];
  const highest = temperatures[temperatures.length - 1];

  const below = [1, 2, 3].map((k) => lowest - k * spacing).filter((t) => t >= lowest / 2);
  const above = [1, 2, 3, 4, 5, 6].map((k) => highest + k * spacing);
  return [...below.reverse(), ...temperatures, ...above].map((t) => Number(t.toPrecision(12)));
}
