import * as tf from '@tensorflow/tfjs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import {
  RgaeError,
  Rng,
  writeFileAtomic,
  type ArchitectureDefinition,
  type ArchitectureSpec,
  type LatticeModel,
  type RGScheme,
  type SpinBatch,
} from '@rgae/core';
import { disposeParts, type AutoencoderParts } from '../architecture/autoencoder-parts.js';
import { selectBackend, type BackendName, type BackendRequest } from '../backend/select-backend.js';
import { saveAutoencoder } from '../io/autoencoder-files.js';
import { splitSamples, type DataSplit } from './data-split.js';
import { concatenateBatches, encodeBatch, type TrainingInput } from './encode-data.js';
import type { EarlyStoppingOptions, EpochRecord, StageHistory } from './fit-stage.js';
import {
  trainPlainAutoencoder,
  trainRgEmbedded,
  type AutoencoderData,
  type AutoencoderTrainingSettings,
  type TransferHistory,
} from './transfer-learning.js';

export interface ComparisonOptions {
  architecture: ArchitectureDefinition<AutoencoderParts>;
  lattice: LatticeModel;
  scheme: RGScheme;
  /** Configurations of one lattice model and size; ensembles at several temperatures are joined. */
  data: readonly TrainingInput[];
  blockSize: number;
  epochs: number;
  fineTuneEpochs?: number;
  batchSize?: number;
  learningRate?: number;
  fineTuneLearningRate?: number;
  /** Fraction of the samples held out for validation; default 0.2. */
  validationFraction?: number;
  earlyStopping?: EarlyStoppingOptions | false;
  klWeight?: number;
  /** Seeds the split, the shuffles, the initial weights (identical for both models) and the scheme's tie-breaks. */
  seed: number;
  /** Default 'auto'. */
  backend?: BackendRequest;
  /** Run folder: checkpoints, the two trained models and history.json. Omitted, nothing is written. */
  outDir?: string;
  /** Called after every epoch of every stage: 'rg-encoder', 'rg-decoder', 'rg-fine-tune', then 'ae'. */
  onEpoch?: (record: EpochRecord) => void | Promise<void>;
}

export interface ComparisonResult {
  backend: BackendName;
  rg: TransferHistory;
  ae: StageHistory;
  rgModel: AutoencoderParts;
  aeModel: AutoencoderParts;
  split: DataSplit;
  /** JSON-safe settings of the run, stored in history.json beside the losses. */
  config: Record<string, unknown>;
}

/**
 * Trains an RG-embedded autoencoder (transfer learning of the scheme S, see `trainRgEmbedded`) and a
 * plain autoencoder of the same architecture, from the same initial weights, on the same data split,
 * and returns both histories and models. With `outDir`, every stage checkpoints each epoch (a rerun
 * resumes), and the models land in `outDir/rg/model` and `outDir/ae/model`.
 */
export async function trainComparison(options: ComparisonOptions): Promise<ComparisonResult> {
  const backend = await selectBackend(options.backend ?? 'auto');
  const batch = concatenateBatches(options.data);
  const spec = checkComparison(options, batch);

  const data = encodeComparisonData(options, batch);
  try {
    const config = comparisonConfig(options, batch, backend);
    const settings: AutoencoderTrainingSettings = {
      epochs: options.epochs,
      fineTuneEpochs: options.fineTuneEpochs,
      batchSize: options.batchSize,
      learningRate: options.learningRate,
      fineTuneLearningRate: options.fineTuneLearningRate,
      earlyStopping: options.earlyStopping,
      klWeight: options.klWeight,
      seed: options.seed,
      runIdentity: { ...config, backend: undefined, dataSha256: digest(data) },
      onEpoch: options.onEpoch,
    };
    return await trainBoth(options, spec, data, settings, config, backend);
  } finally {
    tf.dispose([data.inputs, data.coarse]);
  }
}

function checkComparison(options: ComparisonOptions, batch: SpinBatch): ArchitectureSpec {
  const { architecture, lattice, scheme } = options;
  if (!scheme.supports(lattice.id)) {
    throw new RgaeError('INCOMPATIBLE', `RG scheme "${scheme.id}" cannot coarse-grain lattice "${lattice.id}". Choose a scheme that supports it.`);
  }
  const spec: ArchitectureSpec = { channels: lattice.channels, linearSize: batch.linearSize, blockSize: options.blockSize, seed: options.seed };
  architecture.validate(spec);
  return spec;
}

/** Encodes x and S(x) (tie-breaks seeded from the run seed) and draws the validation split. */
function encodeComparisonData(options: ComparisonOptions, batch: SpinBatch): AutoencoderData {
  const { lattice, scheme, blockSize, seed } = options;
  const coarseBatch = scheme.coarsen(batch, { blockSize, rng: Rng.create(seed, ['coarsen', scheme.id]) });
  const split = splitSamples(batch.nSamples, options.validationFraction ?? 0.2, seed);
  const inputs = encodeBatch(lattice, batch);
  try {
    return { inputs, coarse: encodeBatch(lattice, coarseBatch), split };
  } catch (error) {
    inputs.dispose();
    throw error;
  }
}

function comparisonConfig(options: ComparisonOptions, batch: SpinBatch, backend: BackendName): Record<string, unknown> {
  return {
    architecture: options.architecture.id,
    lattice: options.lattice.id,
    scheme: options.scheme.id,
    linearSize: batch.linearSize,
    blockSize: options.blockSize,
    nSamples: batch.nSamples,
    epochs: options.epochs,
    fineTuneEpochs: options.fineTuneEpochs ?? 0,
    batchSize: options.batchSize ?? 64,
    learningRate: options.learningRate ?? 1e-3,
    validationFraction: options.validationFraction ?? 0.2,
    earlyStopping: options.earlyStopping ?? { patience: 5 },
    klWeight: options.klWeight ?? 1,
    seed: options.seed,
    backend,
    tfjsVersion: tf.version.tfjs,
  };
}

async function trainBoth(
  options: ComparisonOptions,
  spec: ArchitectureSpec,
  data: AutoencoderData,
  settings: AutoencoderTrainingSettings,
  config: Record<string, unknown>,
  backend: BackendName,
): Promise<ComparisonResult> {
  const built: AutoencoderParts[] = [];
  try {
    const rgModel = options.architecture.build(spec);
    built.push(rgModel);
    const rg = await trainRgEmbedded(rgModel, data, { ...settings, checkpointDir: folder(options.outDir, 'rg', 'checkpoints') });
    const aeModel = options.architecture.build(spec);
    built.push(aeModel);
    const ae = await trainPlainAutoencoder(aeModel, data, { ...settings, checkpointDir: folder(options.outDir, 'ae', 'checkpoints') });

    if (options.outDir !== undefined) {
      await saveAutoencoder(rgModel, join(options.outDir, 'rg', 'model'));
      await saveAutoencoder(aeModel, join(options.outDir, 'ae', 'model'));
      const history = { format: 'rgae-training-history', formatVersion: 1, config, rg, ae };
      await writeFileAtomic(join(options.outDir, 'history.json'), `${JSON.stringify(history, null, 2)}\n`);
    }
    return { backend, rg, ae, rgModel, aeModel, split: data.split, config };
  } catch (error) {
    built.forEach(disposeParts);
    throw error;
  }
}

function folder(outDir: string | undefined, ...parts: string[]): string | undefined {
  return outDir === undefined ? undefined : join(outDir, ...parts);
}

function digest(data: AutoencoderData): string {
  const hash = createHash('sha256');
  for (const tensor of [data.inputs, data.coarse]) {
    const values = tensor.dataSync() as Float32Array;
    hash.update(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
  }
  return hash.digest('hex');
}
