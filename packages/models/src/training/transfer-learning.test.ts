import * as tf from '@tensorflow/tfjs';
import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Rng, generateEnsemble, type Ensemble, type SpinBatch } from '@rgae/core';
import { isingModel, wolffSampler } from '@rgae/plugin-ising';
import { majorityScheme } from '@rgae/rg-schemes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convAutoencoder } from '../architecture/conv-ae.js';
import { disposeParts } from '../architecture/autoencoder-parts.js';
import { loadAutoencoder } from '../io/autoencoder-files.js';
import { concatenateBatches, encodeBatch } from './encode-data.js';
import { latentOf } from './losses.js';
import { trainComparison, type ComparisonOptions, type ComparisonResult } from './train-comparison.js';

const LINEAR_SIZE = 16;
const BLOCK_SIZE = 2;
const TEMPERATURES = [1.5, 2.0, 2.269, 2.5, 3.0];

function ensembles(nSamples: number, seed: number): Ensemble[] {
  return TEMPERATURES.map((temperature) =>
    generateEnsemble(isingModel, wolffSampler, {
      params: { linearSize: LINEAR_SIZE, beta: 1 / temperature, coupling: 1, field: 0 },
      nSamples,
      seed,
    }),
  );
}

/** Block sums of b×b blocks, computed here independently of the scheme under test. */
function blockSums(batch: SpinBatch): Int32Array {
  const coarse = LINEAR_SIZE / BLOCK_SIZE;
  const sums = new Int32Array(batch.nSamples * coarse * coarse);
  for (let n = 0; n < batch.nSamples; n++) {
    for (let y = 0; y < LINEAR_SIZE; y++) {
      for (let x = 0; x < LINEAR_SIZE; x++) {
        const block = n * coarse * coarse + Math.floor(y / BLOCK_SIZE) * coarse + Math.floor(x / BLOCK_SIZE);
        sums[block] += batch.data[n * LINEAR_SIZE * LINEAR_SIZE + y * LINEAR_SIZE + x];
      }
    }
  }
  return sums;
}

describe('RG-embedded conv-ae with majority rule, L = 16, b = 2', () => {
  let result: ComparisonResult;
  let options: ComparisonOptions;
  let outDir: string;

  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'rgae-comparison-'));
    options = {
      architecture: convAutoencoder,
      lattice: isingModel,
      scheme: majorityScheme,
      data: ensembles(240, 21),
      blockSize: BLOCK_SIZE,
      epochs: 12,
      seed: 3,
      backend: 'wasm',
      outDir,
    };
    result = await trainComparison(options);
  });

  afterAll(async () => {
    if (result) {
      disposeParts(result.rgModel);
      disposeParts(result.aeModel);
    }
    await rm(outDir, { recursive: true, force: true });
  });

  it('encoder reproduces majority rule on held-out data', () => {
    const heldOut = concatenateBatches(ensembles(100, 22));
    const sums = blockSums(heldOut);
    const majority = majorityScheme.coarsen(heldOut, { blockSize: BLOCK_SIZE, rng: Rng.create(1), tieBreak: 'top-left' });
    const inputs = encodeBatch(isingModel, heldOut);
    const latentTensor = tf.tidy(() => latentOf(result.rgModel, inputs));
    const latent = latentTensor.dataSync();
    tf.dispose([inputs, latentTensor]);

    let blocks = 0;
    let agreeing = 0;
    let agreeingWithScheme = 0;
    for (let k = 0; k < sums.length; k++) {
      if (sums[k] === 0) continue;
      blocks += 1;
      if (Math.sign(latent[k]) === Math.sign(sums[k])) agreeing += 1;
      if (majority.data[k] === Math.sign(sums[k])) agreeingWithScheme += 1;
    }
    console.log(`RG encoder agrees with majority rule in ${agreeing} of ${blocks} untied blocks (${((100 * agreeing) / blocks).toFixed(2)}%).`);

    expect(agreeingWithScheme).toBe(blocks);
    expect(blocks).toBeGreaterThan(5000);
    expect(agreeing / blocks).toBeGreaterThanOrEqual(0.99);
  });

  it('plain autoencoder trains on the same split', () => {
    const rgLosses = result.rg.decoder.epochs.map((r) => r.loss);
    const aeLosses = result.ae.epochs.map((r) => r.loss);

    expect(result.backend).toBe('wasm');
    expect(result.split.train.length + result.split.validation.length).toBe(1200);
    expect(aeLosses[aeLosses.length - 1]).toBeLessThan(aeLosses[0]);
    expect(rgLosses[rgLosses.length - 1]).toBeLessThan(rgLosses[0]);
    console.log(`final reconstruction loss: RG-embedded ${rgLosses.at(-1)!.toFixed(4)}, plain ${aeLosses.at(-1)!.toFixed(4)}`);
  });

  it('rerun resumes every finished stage', async () => {
    const rerun = await trainComparison(options);
    const x = tf.tidy(() => tf.randomUniform([4, LINEAR_SIZE, LINEAR_SIZE, 1], -1, 1, 'float32', 5).sign());
    const before = result.rgModel.autoencoder.predict(x) as tf.Tensor;
    const after = rerun.rgModel.autoencoder.predict(x) as tf.Tensor;

    expect(rerun.rg.encoder.resumedEpochs).toBe(result.rg.encoder.epochs.length);
    expect(rerun.ae.resumedEpochs).toBe(result.ae.epochs.length);
    expect(rerun.ae.epochs).toEqual(result.ae.epochs);
    expect(Array.from(after.dataSync())).toEqual(Array.from(before.dataSync()));
    tf.dispose([x, before, after]);
    disposeParts(rerun.rgModel);
    disposeParts(rerun.aeModel);
  });

  it('writes both models and the history', async () => {
    await access(join(outDir, 'history.json'));
    const loaded = await loadAutoencoder(join(outDir, 'ae', 'model'));

    expect(loaded.architecture).toBe('conv-ae');
    expect(loaded.spec.linearSize).toBe(LINEAR_SIZE);
    disposeParts(loaded);
  });
});
