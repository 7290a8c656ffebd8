import * as tf from '@tensorflow/tfjs';
import { Registry, isRgaeError, type RgaeError, type ArchitectureDefinition } from '@rgae/core';
import { beforeAll, describe, expect, it } from 'vitest';
import modelsPlugin from '../index.js';
import { selectBackend } from '../backend/select-backend.js';
import { disposeParts, type AutoencoderParts } from './autoencoder-parts.js';
import { convAutoencoder } from './conv-ae.js';
import { denseAutoencoder, denseWeightMatrices } from './dense-ae.js';
import { PeriodicPadding2D } from './periodic-padding.js';
import { thermometer } from './thermometer.js';
import { variationalAutoencoder } from './vae.js';

const autoencoders: ArchitectureDefinition<AutoencoderParts>[] = [denseAutoencoder, convAutoencoder, variationalAutoencoder];

function randomSpins(shape: [number, number, number, number], seed: number): tf.Tensor4D {
  return tf.tidy(() => tf.randomUniform(shape, -1, 1, 'float32', seed).sign() as tf.Tensor4D);
}

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('architectures', () => {
  beforeAll(async () => {
    await selectBackend('wasm');
  });

  describe.each(autoencoders.map((a) => [a.id, a] as const))('%s', (_, architecture) => {
    it.each([1, 2])('maps shapes with %i channel(s)', (channels) => {
      const parts = architecture.build({ channels, linearSize: 16, blockSize: 2, seed: 1 });
      const x = randomSpins([3, 16, 16, channels], 2);

      const encoded = parts.encoder.predict(x) as tf.Tensor | tf.Tensor[];
      const latent = Array.isArray(encoded) ? encoded[0] : encoded;
      const reconstruction = parts.autoencoder.predict(x) as tf.Tensor;

      expect(latent.shape).toEqual([3, 8, 8, channels]);
      expect(Array.isArray(encoded)).toBe(parts.variational);
      expect(reconstruction.shape).toEqual([3, 16, 16, channels]);
      expect(Math.max(...reconstruction.abs().dataSync())).toBeLessThan(1);
      tf.dispose([x, encoded, reconstruction]);
      parts.autoencoder.dispose();
    });

    it('takes b = 4 and a latent width of its own', () => {
      const parts = architecture.build({ channels: 1, linearSize: 16, blockSize: 4, latentChannels: 3, seed: 1 });
      const shape = (parts.decoder.inputs[0].shape as number[]).slice(1);
      expect(shape).toEqual([4, 4, 3]);
      parts.autoencoder.dispose();
    });

    it('rejects L not divisible by b', () => {
      const spec = { channels: 1, linearSize: 10, blockSize: 4, seed: 1 };
      const error = catchError(() => architecture.validate(spec));

      expect(isRgaeError(error)).toBe(true);
      expect((error as Error).message).toMatch(/L = 10 with block size b = 4/);
      expect((error as Error).message).toMatch(/divisible/);
      expect(() => architecture.build(spec)).toThrow(/L = 10/);
    });

    it('rejects a non-integer channel count', () => {
      const error = catchError(() => architecture.validate({ channels: 1.5, linearSize: 16, blockSize: 2, seed: 1 }));
      expect(isRgaeError(error)).toBe(true);
      expect((error as RgaeError).code).toBe('INVALID_ARGUMENT');
      expect((error as Error).message).toMatch(/channels = 1.5/);
    });

    it('disposeParts frees every weight', () => {
      const before = tf.memory().numTensors;
      const parts = architecture.build({ channels: 1, linearSize: 8, blockSize: 2, seed: 1 });
      expect(tf.memory().numTensors).toBeGreaterThan(before);

      disposeParts(parts);

      expect(tf.memory().numTensors).toBe(before);
    });

    it('initialises identically for the same seed', () => {
      const weights = (seed: number) => {
        const parts = architecture.build({ channels: 1, linearSize: 8, blockSize: 2, seed });
        const values = parts.autoencoder.getWeights().map((w) => Array.from(w.dataSync()));
        parts.autoencoder.dispose();
        return values;
      };
      const first = weights(7);

      expect(weights(7)).toEqual(first);
      expect(weights(8)).not.toEqual(first);
    });
  });

  it('dense-ae exposes its two weight matrices', () => {
    const parts = denseAutoencoder.build({ channels: 1, linearSize: 16, blockSize: 2, seed: 3 });
    const matrices = denseWeightMatrices(parts);

    expect(matrices.encoder.shape).toEqual([256, 64]);
    expect(matrices.decoder.shape).toEqual([64, 256]);
    expect(matrices.encoder.kernel.length).toBe(256 * 64);
    expect(matrices.decoder.bias.length).toBe(256);
    parts.autoencoder.dispose();
  });

  it('periodic padding wraps opposite edges', () => {
    const layer = new PeriodicPadding2D({ padding: 1 });
    const x = tf.tensor4d([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 3, 3, 1]);
    const padded = layer.apply(x) as tf.Tensor;

    expect(padded.shape).toEqual([1, 5, 5, 1]);
    expect(Array.from(padded.dataSync())).toEqual([9, 7, 8, 9, 7, 3, 1, 2, 3, 1, 6, 4, 5, 6, 4, 9, 7, 8, 9, 7, 3, 1, 2, 3, 1]);
    tf.dispose([x, padded]);
  });

  it('thermometer returns probabilities over its temperatures', () => {
    const parts = thermometer.build({ channels: 1, linearSize: 8, blockSize: 1, seed: 1, temperatures: [1, 2, 3] } as never);
    const x = randomSpins([4, 8, 8, 1], 5);
    const probabilities = parts.model.predict(x) as tf.Tensor;
    const sums = probabilities.sum(1).dataSync();

    expect(probabilities.shape).toEqual([4, 3]);
    for (const sum of sums) expect(sum).toBeCloseTo(1, 5);
    expect(parts.temperatures).toEqual([1, 2, 3]);
    tf.dispose([x, probabilities]);
    parts.model.dispose();
  });

  it('thermometer rejects unordered temperatures', () => {
    const spec = { channels: 1, linearSize: 8, blockSize: 1, seed: 1, temperatures: [2, 1] };
    expect(() => thermometer.validate(spec)).toThrow(/strictly ascending/);
  });

  it('plugin registers the four architectures', () => {
    const registry = new Registry();
    registry.load(modelsPlugin);
    expect(registry.ids('architecture').sort()).toEqual(['conv-ae', 'dense-ae', 'thermometer', 'vae']);
    expect(registry.get('architecture', 'thermometer').role).toBe('thermometer');
  });
});
