import { invalidArgument } from '../errors/rgae-error.js';
import type { LatticeModel, ModelParameters } from '../lattice/lattice-model.js';
import type { SpinBatch } from '../lattice/spin-batch.js';
import { Rng } from '../random/rng.js';
import type { RGScheme } from '../rg/rg-scheme.js';
import type { Estimate } from '../stats/estimate.js';
import { correlatedMean, specificHeat, susceptibility } from '../stats/observables.js';
import type { StudyConfig } from '../study/study-config.js';
import type { EpochRecord, ModelArtefacts, StudyContext, ThermometerReadings, WeightTensor } from '../study/study-context.js';

/** Reading kinds of the coarse thermometer in the fixture (the keys the study tests read). */
export type FixtureCoarseReading = 'scheme' | 'rg-latent' | 'ae-latent';
/** Reading kinds of the fine thermometer in the fixture. */
export type FixtureFineReading = 'original' | 'rg-reconstruction' | 'ae-reconstruction';

export interface StudyContextFixtureOptions {
  /** L; 8 by default. */
  linearSize?: number;
  /** b; 2 by default. The fixture coarse-grains one level, L → L/b. */
  blockSize?: number;
  /** Temperatures of the thermal points; 1.5, 2, 2.5, 3 by default. */
  temperatures?: number[];
  /** Configurations per point; 40 by default. */
  nSamples?: number;
  seed?: number;
  /** RG scheme applied by hand: `majority` (ties take the top-left spin) or `decimation`; majority by default. */
  scheme?: 'majority' | 'decimation';
  /** Mean alignment m(T) ∈ [0, 1] of a block's generating spin with the configuration's sign; see `defaultFixtureCoarseOrder`. */
  coarseOrder?: (temperature: number) => number;
  /** Probability q(T) that a fine spin differs from its block's generating spin; see `defaultFixtureBlockNoise`. */
  blockNoise?: (temperature: number) => number;
  /** Draws the sign of each configuration at random (true, the default) instead of fixing it to +1. */
  symmetric?: boolean;
  /** Probability that the "ae" reconstruction flips a spin of the original; 0.1 by default. */
  aeFlipProbability?: number;
  /** Mean readings T′(T) of the coarse thermometer per kind; see `DEFAULT_FIXTURE_COARSE_FLOWS`. */
  coarseFlows?: Partial<Record<FixtureCoarseReading, (temperature: number) => number>>;
  /** Mean readings of the fine thermometer per kind; see `DEFAULT_FIXTURE_FINE_READINGS`. */
  fineReadings?: Partial<Record<FixtureFineReading, (temperature: number) => number>>;
  /** Standard deviation of the Gaussian noise added to every thermometer reading; 0.05 by default. */
  readingNoise?: number;
  /** Replaces the encoder weights of either model. */
  encoderWeights?: Partial<Record<ModelArtefacts['key'], WeightTensor[]>>;
}

/** Critical temperature of the square-lattice Ising model, 2J/ln(1 + √2). */
const ISING_CRITICAL_TEMPERATURE = 2 / Math.log(1 + Math.SQRT2);

/** m(T) = 1 / (1 + exp((T − T_c)/0.15)): ordered blocks well below T_c, independent blocks well above. */
export function defaultFixtureCoarseOrder(temperature: number): number {
  return 1 / (1 + Math.exp((temperature - ISING_CRITICAL_TEMPERATURE) / 0.15));
}

/** q(T) = T/30: hotter configurations differ more from their blocks' generating spins. */
export function defaultFixtureBlockNoise(temperature: number): number {
  return temperature / 30;
}

/** A flow T′ = T + 0.5(T − 2.3) for the scheme and the RG latent (fixed point 2.3), a flatter one for the AE (fixed point 2.7). */
export const DEFAULT_FIXTURE_COARSE_FLOWS: Record<FixtureCoarseReading, (temperature: number) => number> = {
  scheme: (t) => t + 0.5 * (t - 2.3),
  'rg-latent': (t) => t + 0.5 * (t - 2.3),
  'ae-latent': (t) => t + 0.2 * (t - 2.7),
};

/** The fine thermometer reads the originals exactly, the RG reconstruction 0.1 colder, the AE's 0.25 hotter. */
export const DEFAULT_FIXTURE_FINE_READINGS: Record<FixtureFineReading, (temperature: number) => number> = {
  original: (t) => t,
  'rg-reconstruction': (t) => t - 0.1,
  'ae-reconstruction': (t) => t + 0.25,
};

interface ResolvedFixture {
  linearSize: number;
  blockSize: number;
  temperatures: number[];
  nSamples: number;
  seed: number;
  scheme: 'majority' | 'decimation';
  coarseOrder: (temperature: number) => number;
  blockNoise: (temperature: number) => number;
  symmetric: boolean;
  aeFlipProbability: number;
  readingNoise: number;
}

/**
 * Builds a small synthetic study context whose statistics are known in closed form, for testing study tests.
 *
 * Originals: each configuration draws a sign σ = ±1, then every b×b block a generating spin equal to σ with
 * probability (1 + m(T))/2, and every site copies its block's generating spin, flipped with probability q(T).
 * So ⟨s_i⟩ = 0 (symmetric), ⟨s_i s_j⟩ = (1 − 2q)² within a block and (1 − 2q)²m² between blocks.
 * `coarse` applies the scheme by hand. The "rg" model's latent is exactly the coarse configuration and its
 * reconstruction repeats each coarse spin over its block. The "ae" model's latent is the decimated
 * configuration and its reconstruction is the original with each spin flipped with probability
 * `aeFlipProbability`. Thermometer readings are the given flows plus Gaussian noise. Losses fall as 1/epoch.
 */
export function createStudyContextFixture(options: StudyContextFixtureOptions = {}): StudyContext {
  const fixture = resolveOptions(options);
  const { linearSize, blockSize, temperatures, seed } = fixture;
  const coarsen = fixture.scheme === 'majority' ? majorityByHand : decimationByHand;

  const original = temperatures.map((t, i) => blockConfigurations(fixture, t, Rng.create(seed, ['fixture', 'original', i])));
  const coarse = original.map((batch) => coarsen(batch, blockSize));
  const decimated = original.map((batch) => decimationByHand(batch, blockSize));
  const flipped = original.map((batch, i) => flipSpins(batch, fixture.aeFlipProbability, Rng.create(seed, ['fixture', 'ae-noise', i])));

  const rg = modelArtefacts('rg', 'RG-embedded fixture', coarse, coarse.map((batch) => repeatBlocks(batch, blockSize)), rgHistory());
  const ae = modelArtefacts('ae', 'plain AE fixture', decimated, flipped, aeHistory());
  rg.encoderWeights = options.encoderWeights?.rg ?? defaultRgWeights(fixture);
  ae.encoderWeights = options.encoderWeights?.ae ?? defaultAeWeights(fixture);

  const coarseFlows = { ...DEFAULT_FIXTURE_COARSE_FLOWS, ...options.coarseFlows };
  const fineReadings = { ...DEFAULT_FIXTURE_FINE_READINGS, ...options.fineReadings };
  const coarseSize = linearSize / blockSize;

  return {
    config: studyConfig(fixture),
    lattice: fixtureIsingModel,
    scheme: fixtureScheme(fixture.scheme),
    points: temperatures.map((temperature) => ({ beta: 1 / temperature, temperature })),
    original,
    coarse,
    models: { rg, ae },
    thermometers: {
      coarse: thermometerReadings(fixture, coarseSize, coarseFlows, 'coarse'),
      fine: thermometerReadings(fixture, linearSize, fineReadings, 'fine'),
    },
    backend: 'fixture',
  };
}

function resolveOptions(options: StudyContextFixtureOptions): ResolvedFixture {
  const linearSize = options.linearSize ?? 8;
  const blockSize = options.blockSize ?? 2;
  const nSamples = options.nSamples ?? 40;
  const temperatures = options.temperatures ?? [1.5, 2, 2.5, 3];

  if (!Number.isInteger(blockSize) || blockSize < 2) throw invalidArgument(`Fixture block size b = ${blockSize}: expected an integer ≥ 2.`);
  if (!Number.isInteger(linearSize) || linearSize < blockSize || linearSize % blockSize !== 0) {
    throw invalidArgument(`Fixture linear size L = ${linearSize}: expected a positive multiple of b = ${blockSize}.`);
  }
  if (!Number.isInteger(nSamples) || nSamples < 2) throw invalidArgument(`Fixture nSamples = ${nSamples}: expected an integer ≥ 2.`);
  if (temperatures.length === 0 || !temperatures.every((t) => Number.isFinite(t) && t > 0)) {
    throw invalidArgument(`Fixture temperatures ${JSON.stringify(temperatures)}: expected at least one finite temperature > 0.`);
  }

  return {
    linearSize,
    blockSize,
    temperatures,
    nSamples,
    seed: options.seed ?? 1,
    scheme: options.scheme ?? 'majority',
    coarseOrder: options.coarseOrder ?? defaultFixtureCoarseOrder,
    blockNoise: options.blockNoise ?? defaultFixtureBlockNoise,
    symmetric: options.symmetric ?? true,
    aeFlipProbability: options.aeFlipProbability ?? 0.1,
    readingNoise: options.readingNoise ?? 0.05,
  };
}

function blockConfigurations(fixture: ResolvedFixture, temperature: number, rng: Rng): SpinBatch<Int8Array> {
  const { linearSize, blockSize, nSamples } = fixture;
  const nSites = linearSize * linearSize;
  const alignment = (1 + fixture.coarseOrder(temperature)) / 2;
  const noise = fixture.blockNoise(temperature);
  const data = new Int8Array(nSamples * nSites);

  for (let n = 0; n < nSamples; n++) {
    const sign = fixture.symmetric && rng.nextFloat() < 0.5 ? -1 : 1;
    for (let blockY = 0; blockY < linearSize; blockY += blockSize) {
      for (let blockX = 0; blockX < linearSize; blockX += blockSize) {
        const generating = rng.nextFloat() < alignment ? sign : -sign;
        for (let y = blockY; y < blockY + blockSize; y++) {
          for (let x = blockX; x < blockX + blockSize; x++) {
            data[n * nSites + y * linearSize + x] = rng.nextFloat() < noise ? -generating : generating;
          }
        }
      }
    }
  }
  return { lattice: 'ising', linearSize, nSamples, data };
}

/** Coarse site (X, Y) of sample n gets f(block spins); `pick` reads the block's spins in row-major order. */
function coarseByHand(batch: SpinBatch<Int8Array>, blockSize: number, pick: (spins: number[]) => number): SpinBatch<Int8Array> {
  const { linearSize, nSamples, data } = batch;
  const coarseSize = linearSize / blockSize;
  const out = new Int8Array(nSamples * coarseSize * coarseSize);

  for (let n = 0; n < nSamples; n++) {
    for (let blockY = 0; blockY < coarseSize; blockY++) {
      for (let blockX = 0; blockX < coarseSize; blockX++) {
        const spins: number[] = [];
        for (let dy = 0; dy < blockSize; dy++) {
          for (let dx = 0; dx < blockSize; dx++) {
            spins.push(data[n * linearSize * linearSize + (blockY * blockSize + dy) * linearSize + blockX * blockSize + dx]);
          }
        }
        out[n * coarseSize * coarseSize + blockY * coarseSize + blockX] = pick(spins);
      }
    }
  }
  return { lattice: batch.lattice, linearSize: coarseSize, nSamples, data: out };
}

/** Sign of the block sum; a tie takes the top-left spin. */
function majorityByHand(batch: SpinBatch<Int8Array>, blockSize: number): SpinBatch<Int8Array> {
  return coarseByHand(batch, blockSize, (spins) => {
    const sum = spins.reduce((total, spin) => total + spin, 0);
    return sum === 0 ? spins[0] : Math.sign(sum);
  });
}

/** Keeps the top-left spin of every block. */
function decimationByHand(batch: SpinBatch<Int8Array>, blockSize: number): SpinBatch<Int8Array> {
  return coarseByHand(batch, blockSize, (spins) => spins[0]);
}

function repeatBlocks(batch: SpinBatch<Int8Array>, blockSize: number): SpinBatch<Int8Array> {
  const coarseSize = batch.linearSize;
  const linearSize = coarseSize * blockSize;
  const data = new Int8Array(batch.nSamples * linearSize * linearSize);
  for (let n = 0; n < batch.nSamples; n++) {
    for (let y = 0; y < linearSize; y++) {
      for (let x = 0; x < linearSize; x++) {
        const coarseSite = Math.floor(y / blockSize) * coarseSize + Math.floor(x / blockSize);
        data[n * linearSize * linearSize + y * linearSize + x] = batch.data[n * coarseSize * coarseSize + coarseSite];
      }
    }
  }
  return { lattice: batch.lattice, linearSize, nSamples: batch.nSamples, data };
}

function flipSpins(batch: SpinBatch<Int8Array>, probability: number, rng: Rng): SpinBatch<Int8Array> {
  const data = batch.data.map((spin) => (rng.nextFloat() < probability ? -spin : spin));
  return { ...batch, data };
}

function modelArtefacts(
  key: ModelArtefacts['key'],
  label: string,
  latent: SpinBatch<Int8Array>[],
  reconstruction: SpinBatch<Int8Array>[],
  history: EpochRecord[],
): ModelArtefacts {
  const raw = (batches: SpinBatch<Int8Array>[], scale: number) => batches.map((batch) => Float32Array.from(batch.data, (spin) => scale * spin));
  return {
    key,
    label,
    history,
    latentRaw: raw(latent, 0.9),
    latent,
    reconstructionRaw: raw(reconstruction, 0.8),
    reconstruction,
    encoderWeights: [],
  };
}

/** Encoder phase (loss of fitting S(x)) then decoder phase; loss = a/epoch, validation loss 10% higher. */
function rgHistory(): EpochRecord[] {
  const phase = (name: string, scale: number) =>
    [1, 2, 3].map((epoch) => ({ phase: name, epoch, loss: scale / epoch, valLoss: (1.1 * scale) / epoch }));
  return [...phase('encoder', 0.4), ...phase('decoder', 0.6)];
}

function aeHistory(): EpochRecord[] {
  return [1, 2, 3, 4].map((epoch) => ({ phase: 'end-to-end', epoch, loss: 0.5 / epoch, valLoss: 0.55 / epoch }));
}

/** Builds the scheme's ideal filter as a b×b conv kernel [b, b, 1, 1] (uniform for majority, one site for decimation) and a 1×1 kernel. */
function defaultRgWeights(fixture: ResolvedFixture): WeightTensor[] {
  const { blockSize } = fixture;
  const values = new Float32Array(blockSize * blockSize);
  if (fixture.scheme === 'majority') values.fill(1 / blockSize);
  else values[0] = 1;
  return [
    { name: 'encoder-block/kernel', shape: [blockSize, blockSize, 1, 1], values },
    { name: 'encoder-block/bias', shape: [1], values: new Float32Array([0]) },
    { name: 'encoder-latent/kernel', shape: [1, 1, 1, 1], values: new Float32Array([1]) },
  ];
}

/** Seeded Gaussian conv kernels [b, b, 1, 4] and [1, 1, 4, 1]. */
function defaultAeWeights(fixture: ResolvedFixture): WeightTensor[] {
  const rng = Rng.create(fixture.seed, ['fixture', 'ae-weights']);
  const gaussian = (n: number) => Float32Array.from({ length: n }, () => 0.5 * rng.nextNormal());
  const { blockSize } = fixture;
  return [
    { name: 'encoder-block/kernel', shape: [blockSize, blockSize, 1, 4], values: gaussian(blockSize * blockSize * 4) },
    { name: 'encoder-block/bias', shape: [4], values: new Float32Array(4) },
    { name: 'encoder-latent/kernel', shape: [1, 1, 4, 1], values: gaussian(4) },
  ];
}

function thermometerReadings(
  fixture: ResolvedFixture,
  linearSize: number,
  flows: Record<string, (temperature: number) => number>,
  name: string,
): ThermometerReadings {
  const readings: Record<string, Float64Array[]> = {};
  for (const [kind, flow] of Object.entries(flows)) {
    readings[kind] = fixture.temperatures.map((t, i) => {
      const rng = Rng.create(fixture.seed, ['fixture', 'thermometer', name, kind, i]);
      return Float64Array.from({ length: fixture.nSamples }, () => flow(t) + fixture.readingNoise * rng.nextNormal());
    });
  }
  return { linearSize, heldOutMeanAbsoluteError: 0.05, readings };
}

function studyConfig(fixture: ResolvedFixture): StudyConfig {
  return {
    preset: 'quick',
    lattice: 'ising',
    sampler: 'fixture',
    scheme: fixture.scheme,
    model: 'fixture-ae',
    tests: [],
    linearSize: fixture.linearSize,
    blockSize: fixture.blockSize,
    levels: 1,
    points: fixture.temperatures.map((temperature) => ({ beta: 1 / temperature, temperature })),
    nSamples: fixture.nSamples,
    epochs: 3,
    fineTuneEpochs: 0,
    thermometerEpochs: 1,
    thermometerSamples: fixture.nSamples,
    seed: fixture.seed,
    backend: 'cpu',
    coupling: 1,
    field: 0,
    dataset: null,
  };
}

function fixtureScheme(id: 'majority' | 'decimation'): RGScheme {
  return {
    id,
    description: id === 'majority' ? 'Fixture majority rule, ties take the top-left spin' : 'Fixture decimation, the top-left spin of each block',
    defaultBlockSize: 2,
    supports: (lattice) => lattice === 'ising',
    coarsen: (batch, options) => (id === 'majority' ? majorityByHand : decimationByHand)(batch as SpinBatch<Int8Array>, options.blockSize),
  };
}

/** Σ over the right and lower neighbour of every site (periodic), so each bond counts once. */
function bondSum(spins: Int8Array, linearSize: number): number {
  let sum = 0;
  for (let y = 0; y < linearSize; y++) {
    for (let x = 0; x < linearSize; x++) {
      const spin = spins[y * linearSize + x];
      sum += spin * (spins[y * linearSize + ((x + 1) % linearSize)] + spins[((y + 1) % linearSize) * linearSize + x]);
    }
  }
  return sum;
}

/**
 * A minimal square-lattice Ising model (H = −J Σ⟨ij⟩ s_i s_j − h Σ s_i, periodic) with the id `ising`, so the
 * fixture needs no lattice plugin. χ = βN(⟨m²⟩ − ⟨|m|⟩²) and C = β²N(⟨e²⟩ − ⟨e⟩²) with jackknife errors.
 */
const fixtureIsingModel: LatticeModel<Int8Array> = {
  id: 'ising',
  description: 'Fixture square-lattice Ising model',
  dtype: 'int8',
  channels: 1,
  observables: ['e', 'm', 'absM'],
  spacingObservables: ['e', 'absM'],
  criticalTemperature: (coupling) => ISING_CRITICAL_TEMPERATURE * coupling,

  createConfiguration(linearSize, rng, start) {
    const spins = new Int8Array(linearSize * linearSize).fill(1);
    return start === 'cold' ? spins : spins.map(() => (rng.nextFloat() < 0.5 ? -1 : 1));
  },

  measure(configuration, params: ModelParameters) {
    const nSites = params.linearSize * params.linearSize;
    const magnetization = configuration.reduce((sum, spin) => sum + spin, 0);
    const energy = -params.coupling * bondSum(configuration, params.linearSize) - params.field * magnetization;
    return { e: energy / nSites, m: magnetization / nSites, absM: Math.abs(magnetization) / nSites };
  },

  summarize(series, params): Record<string, Estimate> {
    const nSites = params.linearSize * params.linearSize;
    return {
      e: correlatedMean(series.e),
      m: correlatedMean(series.m),
      absM: correlatedMean(series.absM ?? Float64Array.from(series.m, Math.abs)),
      chi: susceptibility(series.m, params.beta, nSites),
      C: specificHeat(series.e, params.beta, nSites),
    };
  },

  encode: (batch) => Float32Array.from(batch.data),

  decode(encoded, nSamples, linearSize) {
    return { lattice: 'ising', linearSize, nSamples, data: Int8Array.from(encoded, (value) => (value < 0 ? -1 : 1)) };
  },
};
