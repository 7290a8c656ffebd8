import * as tf from '@tensorflow/tfjs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isRgaeError, type RgaeError } from '@rgae/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convAutoencoder } from '../architecture/conv-ae.js';
import { thermometer } from '../architecture/thermometer.js';
import { variationalAutoencoder } from '../architecture/vae.js';
import { selectBackend } from '../backend/select-backend.js';
import { loadAutoencoder, saveAutoencoder } from './autoencoder-files.js';
import { loadModel, saveModel } from './model-files.js';
import { loadThermometer, saveThermometer } from './thermometer-files.js';

function spins(nSamples: number, seed: number): tf.Tensor4D {
  return tf.tidy(() => tf.randomUniform([nSamples, 8, 8, 1], -1, 1, 'float32', seed).sign() as tf.Tensor4D);
}

async function caught(promise: Promise<unknown>): Promise<Error & { code?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error('expected a rejection');
}

describe('model files', () => {
  let folder: string;
  let x: tf.Tensor4D;

  beforeAll(async () => {
    await selectBackend('wasm');
    folder = await mkdtemp(join(tmpdir(), 'rgae-model-files-'));
    x = spins(5, 1);
  });

  afterAll(async () => {
    x.dispose();
    await rm(folder, { recursive: true, force: true });
  });

  it.each([convAutoencoder, variationalAutoencoder])('$id round trip keeps predictions', async (architecture) => {
    const parts = architecture.build({ channels: 1, linearSize: 8, blockSize: 2, seed: 3 });
    const target = join(folder, architecture.id);
    await saveAutoencoder(parts, target);
    const loaded = await loadAutoencoder(target);

    const before = parts.autoencoder.predict(x) as tf.Tensor;
    const after = loaded.autoencoder.predict(x) as tf.Tensor;

    expect(Array.from(after.dataSync())).toEqual(Array.from(before.dataSync()));
    expect(loaded.spec).toEqual(parts.spec);
    expect(loaded.variational).toBe(parts.variational);
    expect(loaded.encoder.outputs.length).toBe(parts.encoder.outputs.length);
    tf.dispose([before, after]);
    parts.autoencoder.dispose();
    loaded.autoencoder.dispose();
  });

  it('thermometer round trip keeps probabilities and temperatures', async () => {
    const parts = thermometer.build({ channels: 1, linearSize: 8, blockSize: 1, seed: 2, temperatures: [1.5, 2, 3] } as never);
    await saveThermometer(parts, join(folder, 'thermometer'));
    const loaded = await loadThermometer(join(folder, 'thermometer'));

    const before = parts.model.predict(x) as tf.Tensor;
    const after = loaded.model.predict(x) as tf.Tensor;

    expect(Array.from(after.dataSync())).toEqual(Array.from(before.dataSync()));
    expect(loaded.temperatures).toEqual([1.5, 2, 3]);
    tf.dispose([before, after]);
    parts.model.dispose();
    loaded.model.dispose();
  });

  describe('damaged files', () => {
    let modelFolder: string;

    beforeAll(async () => {
      const parts = convAutoencoder.build({ channels: 1, linearSize: 8, blockSize: 2, seed: 3 });
      modelFolder = join(folder, 'damaged');
      await saveModel(parts.encoder, modelFolder);
      parts.autoencoder.dispose();
    });

    async function withFile(name: string, content: (original: Buffer) => Buffer | string, check: () => Promise<void>): Promise<void> {
      const path = join(modelFolder, name);
      const original = await readFile(path);
      await writeFile(path, content(original));
      try {
        await check();
      } finally {
        await writeFile(path, original);
      }
    }

    it('loads while intact', async () => {
      const model = await loadModel(modelFolder);
      expect(model.outputs[0].shape).toEqual([null, 4, 4, 1]);
      model.dispose();
    });

    it('reports a missing folder', async () => {
      const error = await caught(loadModel(join(folder, 'nowhere')));
      expect(isRgaeError(error)).toBe(true);
      expect((error as RgaeError).code).toBe('IO');
      expect(error.message).toMatch(/nowhere\/model\.json.*does not exist/);
    });

    it('reports a truncated weights.bin', async () => {
      await withFile('weights.bin', (b) => b.subarray(0, b.length - 8), async () => {
        const error = await caught(loadModel(modelFolder));
        expect(isRgaeError(error)).toBe(true);
        expect((error as RgaeError).code).toBe('CORRUPT_FILE');
        expect(error.message).toMatch(/weights\.bin" is corrupt: it contains \d+ bytes, but model\.json lists weights of \d+ bytes/);
      });
    });

    it('reports altered weights', async () => {
      await withFile('weights.bin', (b) => Buffer.from(b.map((byte, i) => (i === 3 ? byte ^ 0xff : byte))), async () => {
        const error = await caught(loadModel(modelFolder));
        expect(isRgaeError(error)).toBe(true);
        expect((error as RgaeError).code).toBe('CORRUPT_FILE');
        expect(error.message).toMatch(/weights\.bin" is corrupt: its SHA-256 differs/);
      });
    });

    it('reports model.json that is not JSON', async () => {
      await withFile('model.json', (b) => b.subarray(0, 40), async () => {
        const error = await caught(loadModel(modelFolder));
        expect(isRgaeError(error)).toBe(true);
        expect((error as RgaeError).code).toBe('CORRUPT_FILE');
        expect(error.message).toMatch(/model\.json" is corrupt: it is not valid JSON/);
      });
    });

    it('reports model.json without a manifest', async () => {
      await withFile('model.json', (b) => JSON.stringify({ ...JSON.parse(b.toString()), weightsManifest: undefined }), async () => {
        const error = await caught(loadModel(modelFolder));
        expect(error.code).toBe('CORRUPT_FILE');
        expect(error.message).toMatch(/"weightsManifest" is missing or malformed/);
      });
    });

    it('reports a topology tfjs cannot build', async () => {
      const broken = (b: Buffer) => {
        const json = JSON.parse(b.toString());
        json.modelTopology.class_name = 'NoSuchModel';
        return JSON.stringify(json);
      };
      await withFile('model.json', broken, async () => {
        const error = await caught(loadModel(modelFolder));
        expect(error.code).toBe('CORRUPT_FILE');
        expect(error.message).toMatch(/model\.json" is corrupt: TensorFlow\.js cannot build the model/);
      });
    });

    it('reports a missing autoencoder.json', async () => {
      const error = await caught(loadAutoencoder(modelFolder));
      expect(error.code).toBe('IO');
      expect(error.message).toMatch(/damaged\/autoencoder\.json.*does not exist/);
    });
  });
});
