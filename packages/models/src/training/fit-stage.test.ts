import * as tf from '@tensorflow/tfjs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isRgaeError, type RgaeError, type ArchitectureDefinition } from '@rgae/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AutoencoderParts } from '../architecture/autoencoder-parts.js';
import { convAutoencoder } from '../architecture/conv-ae.js';
import { denseAutoencoder } from '../architecture/dense-ae.js';
import { variationalAutoencoder } from '../architecture/vae.js';
import { selectBackend } from '../backend/select-backend.js';
import { splitSamples } from './data-split.js';
import { fitStage, type EpochRecord, type StageData, type StageOptions } from './fit-stage.js';
import { reconstructionLoss } from './losses.js';

const LINEAR_SIZE = 8;

/** ±1 configurations of short stripes, so that reconstruction has structure to learn. */
function configurations(nSamples: number): Float32Array {
  const values = new Float32Array(nSamples * LINEAR_SIZE * LINEAR_SIZE);
  for (let n = 0; n < nSamples; n++) {
    for (let site = 0; site < LINEAR_SIZE * LINEAR_SIZE; site++) {
      values[n * LINEAR_SIZE * LINEAR_SIZE + site] = Math.sin(0.7 * n + 1.3 * Math.floor(site / LINEAR_SIZE) + 0.2 * site) > 0 ? 1 : -1;
    }
  }
  return values;
}

function stageData(nSamples = 96): StageData {
  const inputs = tf.tensor4d(configurations(nSamples), [nSamples, LINEAR_SIZE, LINEAR_SIZE, 1]);
  const split = splitSamples(nSamples, 0.25, 1);
  return { inputs, targets: inputs, train: split.train, validation: split.validation };
}

function variablesOf(parts: AutoencoderParts): tf.Variable[] {
  return parts.autoencoder.trainableWeights.map((w) => w.read() as tf.Variable);
}

function build(architecture: ArchitectureDefinition<AutoencoderParts> = convAutoencoder): AutoencoderParts {
  return architecture.build({ channels: 1, linearSize: LINEAR_SIZE, blockSize: 2, seed: 4 });
}

function reconstructionStage(parts: AutoencoderParts, data: StageData, extra: Partial<StageOptions> = {}): StageOptions {
  return {
    stage: 'ae',
    variables: variablesOf(parts),
    loss: reconstructionLoss(parts),
    data,
    epochs: 4,
    batchSize: 16,
    seed: 9,
    earlyStopping: false,
    ...extra,
  };
}

function weightValues(parts: AutoencoderParts): number[][] {
  return parts.autoencoder.getWeights().map((w) => Array.from(w.dataSync()));
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('fitStage', () => {
  let data: StageData;
  let folder: string;

  beforeAll(async () => {
    await selectBackend('wasm');
    data = stageData();
    folder = await mkdtemp(join(tmpdir(), 'rgae-fit-'));
  });

  afterAll(async () => {
    data.inputs.dispose();
    await rm(folder, { recursive: true, force: true });
  });

  it('same seed gives the same weights', async () => {
    const run = async () => {
      const parts = build();
      const history = await fitStage(reconstructionStage(parts, data, { epochs: 2 }));
      const values = weightValues(parts);
      parts.autoencoder.dispose();
      return { values, losses: history.epochs.map((r) => r.loss) };
    };
    const first = await run();
    const second = await run();

    expect(second.losses).toEqual(first.losses);
    expect(second.values).toEqual(first.values);
    expect(first.losses[1]).toBeLessThan(first.losses[0]);
  });

  it.each([
    ['conv-ae', convAutoencoder],
    ['dense-ae', denseAutoencoder],
    ['vae', variationalAutoencoder],
  ] as const)('leaks no tensors across epochs: %s', async (_, architecture) => {
    const parts = build(architecture);
    const counts: number[] = [];
    await fitStage(reconstructionStage(parts, data, { onEpoch: () => void counts.push(tf.memory().numTensors) }));

    expect(counts).toHaveLength(4);
    expect(new Set(counts).size).toBe(1);
    parts.autoencoder.dispose();
  });

  it('stops with TRAINING_DIVERGED on NaN input', async () => {
    const values = configurations(32);
    values[5] = NaN;
    const inputs = tf.tensor4d(values, [32, LINEAR_SIZE, LINEAR_SIZE, 1]);
    const split = splitSamples(32, 0.25, 1);
    const parts = build();

    const error = await caught(fitStage(reconstructionStage(parts, { inputs, targets: inputs, train: split.train, validation: split.validation })));

    expect(isRgaeError(error)).toBe(true);
    expect((error as RgaeError).code).toBe('TRAINING_DIVERGED');
    expect((error as Error).message).toMatch(/stage "ae" diverged at epoch 1, batch \d+: the loss is NaN/);
    expect((error as Error).message).toMatch(/learning rate/);
    inputs.dispose();
    parts.autoencoder.dispose();
  });

  it('stops with TRAINING_DIVERGED when the loss overflows', async () => {
    const inputs = tf.tensor2d([[1], [2], [3], [4], [5], [6], [7], [8]]);
    const targets = inputs.mul(3);
    const weight = tf.variable(tf.scalar(0.5));
    const options: StageOptions = {
      stage: 'linear',
      variables: [weight],
      loss: (x, y) => x.mul(weight).sub(y).square().mean() as tf.Scalar,
      data: { inputs, targets, train: Int32Array.of(0, 1, 2, 3, 4, 5), validation: Int32Array.of(6, 7) },
      epochs: 5,
      batchSize: 2,
      learningRate: 1e30,
      seed: 1,
      earlyStopping: false,
    };

    const error = await caught(fitStage(options));

    expect(isRgaeError(error)).toBe(true);
    expect((error as RgaeError).code).toBe('TRAINING_DIVERGED');
    expect((error as Error).message).toMatch(/stage "linear" diverged at epoch 1, batch 2: the loss is Infinity/);
    tf.dispose([inputs, targets, weight]);
  });

  it('stops with TRAINING_DIVERGED when an epoch loss grows 1000-fold', async () => {
    const inputs = tf.ones([8, 1]);
    const weight = tf.variable(tf.scalar(1));
    const options: StageOptions = {
      stage: 'growing',
      variables: [weight],
      loss: (x, _, { epoch }) => x.mul(weight).square().mean().mul(epoch >= 3 ? 1e6 : 1) as tf.Scalar,
      data: { inputs, targets: inputs, train: Int32Array.of(0, 1, 2, 3, 4, 5), validation: Int32Array.of(6, 7) },
      epochs: 5,
      learningRate: 1e-6,
      seed: 1,
      earlyStopping: false,
    };

    const error = await caught(fitStage(options));

    expect(isRgaeError(error)).toBe(true);
    expect((error as RgaeError).code).toBe('TRAINING_DIVERGED');
    expect((error as Error).message).toMatch(/stage "growing" diverged at epoch 3: the training loss 1\.000e\+6 exceeds 1000 × its lowest value 1\.000/);
    tf.dispose([inputs, weight]);
  });

  it('stops early and keeps the best weights', async () => {
    const parts = build();
    const weightsByEpoch: number[][][] = [];
    const onEpoch = () => void weightsByEpoch.push(weightValues(parts));
    const history = await fitStage(reconstructionStage(parts, data, { epochs: 10, learningRate: 1e-30, earlyStopping: { patience: 2 }, onEpoch }));

    expect(history.stoppedEarly).toBe(true);
    expect(history.epochs).toHaveLength(3);
    expect(history.bestEpoch).toBe(1);
    expect(weightValues(parts)).toEqual(weightsByEpoch[0]);
    expect(weightsByEpoch[1]).not.toEqual(weightsByEpoch[0]);
    parts.autoencoder.dispose();
  });

  it('resumes after a kill with the same final weights', async () => {
    const uninterrupted = build();
    const expected = await fitStage(reconstructionStage(uninterrupted, data, { checkpointDir: join(folder, 'straight'), earlyStopping: { patience: 3 } }));

    const killed = build();
    const kill = new Error('simulated kill');
    const error = await caught(
      fitStage(
        reconstructionStage(killed, data, {
          checkpointDir: join(folder, 'killed'),
          earlyStopping: { patience: 3 },
          onEpoch: (record: EpochRecord) => {
            if (record.epoch === 2) throw kill;
          },
        }),
      ),
    );
    expect(error).toBe(kill);
    killed.autoencoder.dispose();

    const restarted = build();
    const resumed = await fitStage(reconstructionStage(restarted, data, { checkpointDir: join(folder, 'killed'), earlyStopping: { patience: 3 } }));

    expect(resumed.resumedEpochs).toBe(2);
    expect(resumed.epochs.map((r) => r.loss)).toEqual(expected.epochs.map((r) => r.loss));
    expect(weightValues(restarted)).toEqual(weightValues(uninterrupted));
    expect((await readdir(join(folder, 'killed'))).sort()).toEqual(['epoch-0004.bin', 'state.json']);
    restarted.autoencoder.dispose();
    uninterrupted.autoencoder.dispose();
  });

  it('rejects a checkpoint of another run', async () => {
    const parts = build();
    await fitStage(reconstructionStage(parts, data, { epochs: 1, checkpointDir: join(folder, 'other') }));

    const error = await caught(fitStage(reconstructionStage(parts, data, { epochs: 1, learningRate: 0.5, checkpointDir: join(folder, 'other') })));

    expect(isRgaeError(error)).toBe(true);
    expect((error as RgaeError).code).toBe('INCOMPATIBLE');
    expect((error as Error).message).toMatch(/belongs to another training run/);
    parts.autoencoder.dispose();
  });

  it('rejects invalid settings', async () => {
    const parts = build();
    await expect(fitStage(reconstructionStage(parts, data, { epochs: 0 }))).rejects.toThrow(/Invalid number of epochs 0/);
    await expect(fitStage(reconstructionStage(parts, data, { learningRate: -1 }))).rejects.toThrow(/Invalid learning rate -1/);
    await expect(fitStage(reconstructionStage(parts, data, { batchSize: 2.5 }))).rejects.toThrow(/Invalid batch size 2.5/);
    parts.autoencoder.dispose();
  });
});
