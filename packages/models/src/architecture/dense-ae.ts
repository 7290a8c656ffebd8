import * as tf from '@tensorflow/tfjs';
import type { ArchitectureDefinition, ArchitectureSpec } from '@rgae/core';
import { assertBlocksFit, resolveSpec } from './architecture-spec.js';
import type { AutoencoderParts } from './autoencoder-parts.js';
import { joinAutoencoder } from './conv-ae.js';
import { seededInitializers } from './seeded-initializers.js';

/** Layer names of the two weight matrices, for `denseWeightMatrices` and the study's weight tests. */
export const DENSE_ENCODER_LAYER = 'encoder-dense';
export const DENSE_DECODER_LAYER = 'decoder-dense';

function buildDenseAutoencoder(spec: ArchitectureSpec): AutoencoderParts {
  const resolved = resolveSpec(denseAutoencoder.id, spec);
  assertBlocksFit(denseAutoencoder.id, resolved);
  const init = seededInitializers(resolved.seed, denseAutoencoder.id);
  const { linearSize, channels, latentChannels } = resolved;
  const coarseSize = linearSize / resolved.blockSize;

  const x = tf.input({ shape: [linearSize, linearSize, channels], name: 'encoder-input' });
  const flat = tf.layers.flatten({ name: 'encoder-flatten' }).apply(x);
  const code = tf.layers
    .dense({ name: DENSE_ENCODER_LAYER, units: coarseSize * coarseSize * latentChannels, activation: 'tanh', kernelInitializer: init.kernel(DENSE_ENCODER_LAYER) })
    .apply(flat);
  const latent = tf.layers.reshape({ name: 'encoder-reshape', targetShape: [coarseSize, coarseSize, latentChannels] }).apply(code) as tf.SymbolicTensor;
  const encoder = tf.model({ inputs: x, outputs: latent, name: 'dense-ae-encoder' });

  const z = tf.input({ shape: [coarseSize, coarseSize, latentChannels], name: 'decoder-input' });
  const zFlat = tf.layers.flatten({ name: 'decoder-flatten' }).apply(z);
  const sites = tf.layers
    .dense({ name: DENSE_DECODER_LAYER, units: linearSize * linearSize * channels, activation: 'tanh', kernelInitializer: init.kernel(DENSE_DECODER_LAYER) })
    .apply(zFlat);
  const output = tf.layers.reshape({ name: 'decoder-reshape', targetShape: [linearSize, linearSize, channels] }).apply(sites) as tf.SymbolicTensor;
  const decoder = tf.model({ inputs: z, outputs: output, name: 'dense-ae-decoder' });

  const autoencoder = joinAutoencoder(denseAutoencoder.id, resolved, encoder, decoder);
  return { architecture: denseAutoencoder.id, spec: resolved, encoder, decoder, autoencoder, variational: false };
}

/**
 * Fully connected autoencoder with one weight matrix each way: N·channels → (L/b)²·latentChannels (tanh)
 * → N·channels (tanh), N = L². The latent is reshaped to the coarse lattice [L/b, L/b, latentChannels].
 */
export const denseAutoencoder: ArchitectureDefinition<AutoencoderParts> = {
  id: 'dense-ae',
  description: 'Dense autoencoder N·c → (L/b)²·c → N·c with tanh units; its two weight matrices are the object of the weight tests.',
  role: 'autoencoder',
  validate(spec) {
    assertBlocksFit(this.id, resolveSpec(this.id, spec));
  },
  build: buildDenseAutoencoder,
};

/**
 * Copies the encoder matrix [N·channels, (L/b)²·latentChannels] and decoder matrix [(L/b)²·latentChannels, N·channels]
 * of a dense-ae, row-major, with their biases. Rows of the encoder matrix follow the NHWC order of the sites.
 */
export function denseWeightMatrices(parts: AutoencoderParts): Record<'encoder' | 'decoder', { kernel: Float32Array; bias: Float32Array; shape: [number, number] }> {
  const read = (model: tf.LayersModel, name: string) => {
    const [kernel, bias] = model.getLayer(name).getWeights();
    return {
      kernel: kernel.dataSync() as Float32Array,
      bias: bias.dataSync() as Float32Array,
      shape: kernel.shape as [number, number],
    };
  };
  return { encoder: read(parts.encoder, DENSE_ENCODER_LAYER), decoder: read(parts.decoder, DENSE_DECODER_LAYER) };
}
