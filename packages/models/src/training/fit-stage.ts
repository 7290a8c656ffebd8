import * as tf from '@tensorflow/tfjs';
import { RgaeError, Rng, invalidArgument } from '@rgae/core';
import { Adam } from './adam.js';
import { fingerprintOf, readCheckpoint, writeCheckpoint, type CheckpointTensors } from './checkpoint.js';
import { epochOrder } from './data-split.js';

/** Samples of one training stage: rows of `inputs` and `targets` are samples. */
export interface StageData {
  inputs: tf.Tensor;
  targets: tf.Tensor;
  train: Int32Array;
  validation: Int32Array;
}

/** Position of one loss evaluation in training; `noiseSeed` seeds any sampling (the VAE's ε) for this batch. */
export interface LossContext {
  epoch: number;
  batch: number;
  training: boolean;
  noiseSeed: number;
}

/** Mean loss of a batch; evaluated inside a tidy scope and, in training, under the gradient tape. */
export type LossFunction = (inputs: tf.Tensor, targets: tf.Tensor, context: LossContext) => tf.Scalar;

/** One completed epoch, as passed to `onEpoch` and kept in the history. */
export interface EpochRecord {
  stage: string;
  /** Number of this epoch, counting from 1. */
  epoch: number;
  /** Epochs planned for the stage. */
  epochs: number;
  /** Mean training loss over the epoch's batches, weighted by batch size. */
  loss: number;
  /** Mean loss on the validation samples after the epoch. */
  valLoss: number;
  /** Wall-clock time of the epoch in milliseconds. */
  elapsedMs: number;
}

export interface StageHistory {
  stage: string;
  epochs: EpochRecord[];
  /** Epoch with the lowest validation loss; its weights are the stage's final weights under early stopping. */
  bestEpoch: number;
  stoppedEarly: boolean;
  /** Epochs restored from a checkpoint instead of run by this call. */
  resumedEpochs: number;
}

export interface EarlyStoppingOptions {
  /** Epochs without an improvement of the validation loss before training stops. */
  patience: number;
  /** Smallest decrease of the validation loss that counts as an improvement; default 0. */
  minDelta?: number;
}

export interface StageOptions {
  stage: string;
  /** Variables to train, in a fixed order; all others stay frozen. */
  variables: readonly tf.Variable[];
  loss: LossFunction;
  data: StageData;
  epochs: number;
  /** Default 64. */
  batchSize?: number;
  /** Adam step size; default 1e-3. */
  learningRate?: number;
  seed: number;
  /** Default { patience: 5 }; `false` trains all epochs and keeps the last weights. */
  earlyStopping?: EarlyStoppingOptions | false;
  /** Folder for per-epoch checkpoints; a run restarted with the same settings continues from the last completed epoch. */
  checkpointDir?: string;
  /** Further settings that identify the run (data digest, architecture), part of the checkpoint fingerprint. */
  runIdentity?: Record<string, unknown>;
  /** A stage diverges when an epoch's training loss exceeds this factor times the lowest positive one so far; default 1000. */
  divergenceFactor?: number;
  onEpoch?: (record: EpochRecord) => void | Promise<void>;
}

interface Progress {
  history: EpochRecord[];
  bestValLoss: number | null;
  bestEpoch: number;
  epochsWithoutImprovement: number;
  stoppedEarly: boolean;
}

/**
 * Trains `variables` with Adam on mini-batches drawn in a seeded order. After every epoch it evaluates
 * the validation loss and writes a checkpoint. Training stops early when the validation loss stops
 * improving, and then the best weights are restored. A loss that becomes NaN or infinite, or grows past
 * `divergenceFactor` times its lowest epoch value, throws RgaeError('TRAINING_DIVERGED').
 */
export async function fitStage(options: StageOptions): Promise<StageHistory> {
  const settings = resolveSettings(options);
  const { stage, variables, data, epochs } = options;
  const adam = new Adam(settings.learningRate);
  const progress: Progress = { history: [], bestValLoss: null, bestEpoch: 0, epochsWithoutImprovement: 0, stoppedEarly: false };
  let bestWeights: tf.Tensor[] = [];
  let resumedEpochs = 0;

  try {
    const fingerprint = fingerprintOf({
      stage,
      epochs,
      seed: options.seed,
      ...settings,
      nTrain: data.train.length,
      nValidation: data.validation.length,
      shapes: variables.map((v) => v.shape),
      run: options.runIdentity ?? {},
    });
    if (options.checkpointDir !== undefined) {
      const restored = await restoreCheckpoint(options.checkpointDir, fingerprint, variables, adam);
      if (restored !== undefined) {
        Object.assign(progress, restored.progress);
        bestWeights = restored.bestWeights;
        resumedEpochs = progress.history.length;
        if (restored.finished) return historyOf(stage, progress, resumedEpochs);
      }
    }

    for (let epoch = progress.history.length + 1; epoch <= epochs; epoch++) {
      const started = performance.now();
      const loss = runEpoch(options, adam, epoch, settings.batchSize);
      const valLoss = evaluate(options, epoch, settings.batchSize);
      checkDivergence(options, settings, progress, epoch, loss);
      const record: EpochRecord = { stage, epoch, epochs, loss, valLoss, elapsedMs: performance.now() - started };
      progress.history.push(record);

      bestWeights = trackBest(progress, bestWeights, variables, record, settings.earlyStopping);
      progress.stoppedEarly = settings.earlyStopping !== false && progress.epochsWithoutImprovement >= settings.earlyStopping.patience;
      const finished = epoch === epochs || progress.stoppedEarly;
      if (finished && settings.earlyStopping !== false) assignAll(variables, bestWeights);

      if (options.checkpointDir !== undefined) {
        await saveCheckpoint(options.checkpointDir, fingerprint, finished, progress, variables, adam, bestWeights);
      }
      await options.onEpoch?.(record);
      if (finished) break;
    }
    return historyOf(stage, progress, resumedEpochs);
  } finally {
    adam.dispose();
    tf.dispose(bestWeights);
  }
}

interface Settings {
  batchSize: number;
  learningRate: number;
  earlyStopping: Required<EarlyStoppingOptions> | false;
  divergenceFactor: number;
}

function resolveSettings(options: StageOptions): Settings {
  const { epochs, batchSize = 64, learningRate = 1e-3, divergenceFactor = 1000 } = options;
  if (!Number.isInteger(epochs) || epochs < 1) throw invalidArgument(`Invalid number of epochs ${epochs} for stage "${options.stage}": expected an integer ≥ 1.`);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw invalidArgument(`Invalid batch size ${batchSize}: expected an integer ≥ 1, e.g. 64.`);
  if (!(learningRate > 0 && Number.isFinite(learningRate))) throw invalidArgument(`Invalid learning rate ${learningRate}: expected a positive number, e.g. 0.001.`);
  if (!(divergenceFactor > 1)) throw invalidArgument(`Invalid divergence factor ${divergenceFactor}: expected a number > 1.`);
  if (options.data.train.length === 0 || options.data.validation.length === 0) {
    throw invalidArgument(`Stage "${options.stage}" needs at least one training and one validation sample; got ${options.data.train.length} and ${options.data.validation.length}.`);
  }

  const early = options.earlyStopping ?? { patience: 5 };
  if (early !== false && (!Number.isInteger(early.patience) || early.patience < 1)) {
    throw invalidArgument(`Invalid early-stopping patience ${early.patience}: expected an integer ≥ 1, or earlyStopping: false.`);
  }
  const earlyStopping = early === false ? false : { patience: early.patience, minDelta: early.minDelta ?? 0 };
  return { batchSize, learningRate, earlyStopping, divergenceFactor };
}

/** One pass over the training samples in the epoch's seeded order; returns the mean batch loss. */
function runEpoch(options: StageOptions, adam: Adam, epoch: number, batchSize: number): number {
  const { data, variables, stage } = options;
  const order = epochOrder(data.train, options.seed, stage, epoch);
  let weightedSum = 0;

  for (let start = 0, batch = 0; start < order.length; start += batchSize, batch++) {
    const indices = order.subarray(start, Math.min(start + batchSize, order.length));
    const context: LossContext = { epoch, batch, training: true, noiseSeed: noiseSeed(options.seed, stage, epoch, batch, true) };
    const lossTensor = tf.tidy(() => {
      const [inputs, targets] = gatherBatch(data, indices);
      const { value, grads } = tf.variableGrads(() => options.loss(inputs, targets, context), variables as tf.Variable[]);
      adam.apply(variables, variables.map((v) => grads[v.name]));
      return value;
    });
    const loss = lossTensor.dataSync()[0];
    lossTensor.dispose();
    if (!Number.isFinite(loss)) {
      throw new RgaeError(
        'TRAINING_DIVERGED',
        `Training stage "${stage}" diverged at epoch ${epoch}, batch ${batch + 1}: the loss is ${loss}. ` +
          `Lower the learning rate (now ${adam.learningRate}) or check the input data for NaN or infinite values.`,
      );
    }
    weightedSum += loss * indices.length;
  }
  return weightedSum / order.length;
}

/** Mean loss over the validation samples, without gradients. */
function evaluate(options: StageOptions, epoch: number, batchSize: number): number {
  const { data, stage } = options;
  let weightedSum = 0;

  for (let start = 0, batch = 0; start < data.validation.length; start += batchSize, batch++) {
    const indices = data.validation.subarray(start, Math.min(start + batchSize, data.validation.length));
    const context: LossContext = { epoch, batch, training: false, noiseSeed: noiseSeed(options.seed, stage, epoch, batch, false) };
    const lossTensor = tf.tidy(() => {
      const [inputs, targets] = gatherBatch(data, indices);
      return options.loss(inputs, targets, context);
    });
    weightedSum += lossTensor.dataSync()[0] * indices.length;
    lossTensor.dispose();
  }
  return weightedSum / data.validation.length;
}

function gatherBatch(data: StageData, indices: Int32Array): [tf.Tensor, tf.Tensor] {
  const rows = tf.tensor1d(indices, 'int32');
  return [tf.gather(data.inputs, rows), tf.gather(data.targets, rows)];
}

function noiseSeed(seed: number, stage: string, epoch: number, batch: number, training: boolean): number {
  return Rng.create(seed, ['noise', stage, training ? 'train' : 'validation', epoch, batch]).nextUint32();
}

function checkDivergence(options: StageOptions, settings: Settings, progress: Progress, epoch: number, loss: number): void {
  if (progress.history.length === 0) return;
  const lowest = Math.min(...progress.history.map((r) => r.loss));
  // The ratio test needs a positive scale; a loss that can be negative is left to the NaN/∞ check.
  if (lowest > 0 && loss > settings.divergenceFactor * lowest) {
    throw new RgaeError(
      'TRAINING_DIVERGED',
      `Training stage "${options.stage}" diverged at epoch ${epoch}: the training loss ${loss.toPrecision(4)} exceeds ` +
        `${settings.divergenceFactor} × its lowest value ${lowest.toPrecision(4)}. Lower the learning rate (now ${settings.learningRate}).`,
    );
  }
}

/** Updates the early-stopping state; returns the (possibly replaced) copy of the best weights. */
function trackBest(
  progress: Progress,
  bestWeights: tf.Tensor[],
  variables: readonly tf.Variable[],
  record: EpochRecord,
  earlyStopping: Settings['earlyStopping'],
): tf.Tensor[] {
  const minDelta = earlyStopping === false ? 0 : earlyStopping.minDelta;
  const improved = progress.bestValLoss === null || record.valLoss < progress.bestValLoss - minDelta;
  if (!improved) {
    progress.epochsWithoutImprovement += 1;
    return bestWeights;
  }

  progress.bestValLoss = record.valLoss;
  progress.bestEpoch = record.epoch;
  progress.epochsWithoutImprovement = 0;
  if (earlyStopping === false) return bestWeights;
  tf.dispose(bestWeights);
  return variables.map((v) => v.clone());
}

function assignAll(variables: readonly tf.Variable[], values: readonly tf.Tensor[]): void {
  if (values.length !== variables.length) return;
  variables.forEach((variable, i) => variable.assign(values[i]));
}

function historyOf(stage: string, progress: Progress, resumedEpochs: number): StageHistory {
  return { stage, epochs: [...progress.history], bestEpoch: progress.bestEpoch, stoppedEarly: progress.stoppedEarly, resumedEpochs };
}

async function saveCheckpoint(
  folder: string,
  fingerprint: string,
  finished: boolean,
  progress: Progress,
  variables: readonly tf.Variable[],
  adam: Adam,
  bestWeights: tf.Tensor[],
): Promise<void> {
  const state = adam.state();
  const tensors: CheckpointTensors = { weights: [...variables], firstMoments: state.firstMoments, secondMoments: state.secondMoments, bestWeights };
  try {
    await writeCheckpoint(folder, { fingerprint, completedEpochs: progress.history.length, finished, adamStep: state.step, progress }, tensors);
  } finally {
    tf.dispose([...state.firstMoments, ...state.secondMoments]);
  }
}

async function restoreCheckpoint(
  folder: string,
  fingerprint: string,
  variables: readonly tf.Variable[],
  adam: Adam,
): Promise<{ progress: Progress; bestWeights: tf.Tensor[]; finished: boolean } | undefined> {
  const checkpoint = await readCheckpoint(folder, fingerprint);
  if (checkpoint === undefined) return undefined;

  const { tensors } = checkpoint;
  assignAll(variables, tensors.weights);
  adam.restore({ step: checkpoint.progress.adamStep, firstMoments: tensors.firstMoments, secondMoments: tensors.secondMoments });
  tf.dispose([...tensors.weights, ...tensors.firstMoments, ...tensors.secondMoments]);
  return { progress: checkpoint.progress.progress as Progress, bestWeights: tensors.bestWeights, finished: checkpoint.progress.finished };
}
