import * as tf from '@tensorflow/tfjs';
import type { ArchitectureDefinition, ArchitectureSpec } from '@rgae/core';
import { assertBlocksFit, resolveSpec, type ResolvedSpec } from './architecture-spec.js';
import type { AutoencoderParts } from './autoencoder-parts.js';
import { PeriodicPadding2D } from './periodic-padding.js';
import { seededInitializers, type SeededInitializers } from './seeded-initializers.js';

/** Feature maps of the hidden convolutions; small enough to train in seconds on the wasm backend at L = 16. */
export const CONV_HIDDEN_CHANNELS = 16;

/**
 * Block encoder: a b×b convolution with stride b reads each block once (as an RG block transformation
 * does), and a 1×1 convolution maps its features to the latent channels. The latent is a coarse lattice
 * [L/b, L/b, latentChannels] that can be compared with S(x) site by site.
 */
export function blockEncoderFeatures(spec: ResolvedSpec, init: SeededInitializers, input: tf.SymbolicTensor): tf.SymbolicTensor {
  return tf.layers
    .conv2d({
      name: 'encoder-block',
      filters: CONV_HIDDEN_CHANNELS,
      kernelSize: spec.blockSize,
      strides: spec.blockSize,
      padding: 'valid',
      activation: 'relu',
      kernelInitializer: init.kernel('encoder-block'),
    })
    .apply(input) as tf.SymbolicTensor;
}

/**
 * Builds the decoder. A 3×3 convolution over the periodic coarse lattice gathers each block's
 * neighbourhood. A b×b transposed convolution with stride b expands every coarse site back into a block.
 * A periodic 3×3 convolution with tanh then gives the spins' encoding in (−1, 1).
 */
export function buildConvDecoder(architecture: string, spec: ResolvedSpec, init: SeededInitializers): tf.LayersModel {
  const coarseSize = spec.linearSize / spec.blockSize;
  const latent = tf.input({ shape: [coarseSize, coarseSize, spec.latentChannels], name: 'decoder-input' });
  const layers: tf.layers.Layer[] = [
    new PeriodicPadding2D({ padding: 1, name: 'decoder-context-padding' }),
    tf.layers.conv2d({ name: 'decoder-context', filters: CONV_HIDDEN_CHANNELS, kernelSize: 3, activation: 'relu', kernelInitializer: init.kernel('decoder-context') }),
    tf.layers.conv2dTranspose({
      name: 'decoder-upsample',
      filters: CONV_HIDDEN_CHANNELS,
      kernelSize: spec.blockSize,
      strides: spec.blockSize,
      padding: 'valid',
      activation: 'relu',
      kernelInitializer: init.kernel('decoder-upsample'),
    }),
    new PeriodicPadding2D({ padding: 1, name: 'decoder-output-padding' }),
    tf.layers.conv2d({ name: 'decoder-output', filters: spec.channels, kernelSize: 3, activation: 'tanh', kernelInitializer: init.kernel('decoder-output') }),
  ];
  const output = layers.reduce((x, layer) => layer.apply(x) as tf.SymbolicTensor, latent);
  return tf.model({ inputs: latent, outputs: output, name: `${architecture}-decoder` });
}

/** Joins encoder and decoder into x ↦ x̂, reading the first encoder output (the mean, for a VAE). */
export function joinAutoencoder(architecture: string, spec: ResolvedSpec, encoder: tf.LayersModel, decoder: tf.LayersModel): tf.LayersModel {
  const x = tf.input({ shape: [spec.linearSize, spec.linearSize, spec.channels], name: 'autoencoder-input' });
  const encoded = encoder.apply(x) as tf.SymbolicTensor | tf.SymbolicTensor[];
  const latent = Array.isArray(encoded) ? encoded[0] : encoded;
  const output = decoder.apply(latent) as tf.SymbolicTensor;
  return tf.model({ inputs: x, outputs: output, name: `${architecture}-autoencoder` });
}

function buildConvAutoencoder(spec: ArchitectureSpec): AutoencoderParts {
  const resolved = resolveSpec(convAutoencoder.id, spec);
  assertBlocksFit(convAutoencoder.id, resolved);
  const init = seededInitializers(resolved.seed, convAutoencoder.id);

  const x = tf.input({ shape: [resolved.linearSize, resolved.linearSize, resolved.channels], name: 'encoder-input' });
  const features = blockEncoderFeatures(resolved, init, x);
  const latent = tf.layers
    .conv2d({ name: 'encoder-latent', filters: resolved.latentChannels, kernelSize: 1, activation: 'tanh', kernelInitializer: init.kernel('encoder-latent') })
    .apply(features) as tf.SymbolicTensor;
  const encoder = tf.model({ inputs: x, outputs: latent, name: 'conv-ae-encoder' });

  const decoder = buildConvDecoder(convAutoencoder.id, resolved, init);
  const autoencoder = joinAutoencoder(convAutoencoder.id, resolved, encoder, decoder);
  return { architecture: convAutoencoder.id, spec: resolved, encoder, decoder, autoencoder, variational: false };
}

/** Convolutional autoencoder whose latent is a coarse lattice of shape [L/b, L/b, latentChannels]. */
export const convAutoencoder: ArchitectureDefinition<AutoencoderParts> = {
  id: 'conv-ae',
  description:
    'Convolutional autoencoder: b×b stride-b block encoder to an (L/b)×(L/b) latent lattice (tanh), ' +
    'periodic 3×3 and transposed b×b convolutions back to L×L.',
  role: 'autoencoder',
  validate(spec) {
    assertBlocksFit(this.id, resolveSpec(this.id, spec));
  },
  build: buildConvAutoencoder,
};
