import type * as tf from '@tensorflow/tfjs';
import { join } from 'node:path';
import { invalidArgument } from '@rgae/core';
import type { AutoencoderParts } from '../architecture/autoencoder-parts.js';
import type { DataSplit } from './data-split.js';
import { fitStage, type EarlyStoppingOptions, type EpochRecord, type StageHistory } from './fit-stage.js';
import { coarseGrainingLoss, reconstructionLoss } from './losses.js';

/** Encoded training data shared by the RG-embedded and the plain autoencoder. */
export interface AutoencoderData {
  /** Configurations x, [n, L, L, channels]. */
  inputs: tf.Tensor4D;
  /** Their coarse-grained images S(x), [n, L/b, L/b, channels]. */
  coarse: tf.Tensor4D;
  split: DataSplit;
}

export interface AutoencoderTrainingSettings {
  /** Epochs of each transfer-learning stage (encoder, decoder) and of the plain autoencoder. */
  epochs: number;
  /** Epochs of the optional fine-tune of the whole RG-embedded model; default 0 (no fine-tune). */
  fineTuneEpochs?: number;
  batchSize?: number;
  /** Default 1e-3. */
  learningRate?: number;
  /** Default learningRate / 10. */
  fineTuneLearningRate?: number;
  earlyStopping?: EarlyStoppingOptions | false;
  /** Weight of the KL term for variational models; default 1. */
  klWeight?: number;
  seed: number;
  /** Folder for checkpoints (`<folder>/<stage>/`); omitted, nothing is written. */
  checkpointDir?: string;
  /** Settings that identify the run in checkpoint fingerprints (data digest, architecture, …). */
  runIdentity?: Record<string, unknown>;
  onEpoch?: (record: EpochRecord) => void | Promise<void>;
}

export interface TransferHistory {
  encoder: StageHistory;
  decoder: StageHistory;
  fineTune?: StageHistory;
}

function trainable(model: tf.LayersModel): tf.Variable[] {
  return model.trainableWeights.map((weight) => weight.read() as tf.Variable);
}

function checkpointFolder(settings: AutoencoderTrainingSettings, stage: string): string | undefined {
  return settings.checkpointDir === undefined ? undefined : join(settings.checkpointDir, stage);
}

/**
 * Embeds an RG scheme S into an autoencoder by transfer learning in three stages:
 * 1. train the encoder on pairs (x, S(x)), so that its latent field reproduces the coarse-grained configuration;
 * 2. freeze the encoder and train the decoder to reconstruct x from that latent field;
 * 3. optionally fine-tune both with a smaller learning rate.
 */
export async function trainRgEmbedded(parts: AutoencoderParts, data: AutoencoderData, settings: AutoencoderTrainingSettings): Promise<TransferHistory> {
  checkCoarseShape(parts, data);
  const common = {
    data: { inputs: data.inputs, targets: data.coarse, train: data.split.train, validation: data.split.validation },
    epochs: settings.epochs,
    batchSize: settings.batchSize,
    learningRate: settings.learningRate,
    seed: settings.seed,
    earlyStopping: settings.earlyStopping,
    runIdentity: settings.runIdentity,
    onEpoch: settings.onEpoch,
  };
  const reconstructionData = { ...common.data, targets: data.inputs };

  const encoder = await fitStage({
    ...common,
    stage: 'rg-encoder',
    variables: trainable(parts.encoder),
    loss: coarseGrainingLoss(parts),
    checkpointDir: checkpointFolder(settings, 'rg-encoder'),
  });
  const decoder = await fitStage({
    ...common,
    stage: 'rg-decoder',
    data: reconstructionData,
    variables: trainable(parts.decoder),
    loss: reconstructionLoss(parts, settings.klWeight),
    checkpointDir: checkpointFolder(settings, 'rg-decoder'),
  });

  const fineTuneEpochs = settings.fineTuneEpochs ?? 0;
  if (fineTuneEpochs === 0) return { encoder, decoder };
  const fineTune = await fitStage({
    ...common,
    stage: 'rg-fine-tune',
    data: reconstructionData,
    epochs: fineTuneEpochs,
    learningRate: settings.fineTuneLearningRate ?? (settings.learningRate ?? 1e-3) / 10,
    variables: [...trainable(parts.encoder), ...trainable(parts.decoder)],
    loss: reconstructionLoss(parts, settings.klWeight),
    checkpointDir: checkpointFolder(settings, 'rg-fine-tune'),
  });
  return { encoder, decoder, fineTune };
}

/**
 * Trains the same architecture end to end from its initial weights to reconstruct x, for
 * epochs + fineTuneEpochs epochs: as many reconstruction epochs as the RG-embedded model gets.
 */
export async function trainPlainAutoencoder(parts: AutoencoderParts, data: AutoencoderData, settings: AutoencoderTrainingSettings): Promise<StageHistory> {
  return fitStage({
    stage: 'ae',
    data: { inputs: data.inputs, targets: data.inputs, train: data.split.train, validation: data.split.validation },
    epochs: settings.epochs + (settings.fineTuneEpochs ?? 0),
    batchSize: settings.batchSize,
    learningRate: settings.learningRate,
    seed: settings.seed,
    earlyStopping: settings.earlyStopping,
    runIdentity: settings.runIdentity,
    onEpoch: settings.onEpoch,
    variables: [...trainable(parts.encoder), ...trainable(parts.decoder)],
    loss: reconstructionLoss(parts, settings.klWeight),
    checkpointDir: checkpointFolder(settings, 'ae'),
  });
}

function checkCoarseShape(parts: AutoencoderParts, data: AutoencoderData): void {
  const coarseSize = parts.spec.linearSize / parts.spec.blockSize;
  const expected = [data.inputs.shape[0], coarseSize, coarseSize, parts.spec.latentChannels];
  if (data.coarse.shape.join(',') !== expected.join(',')) {
    throw invalidArgument(
      `Coarse-grained targets have shape [${data.coarse.shape.join(', ')}], but the ${parts.architecture} latent field is ` +
        `[${expected.join(', ')}]. The latent channels must equal the lattice's channels for RG embedding.`,
    );
  }
}
