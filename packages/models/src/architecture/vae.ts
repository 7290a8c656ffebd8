import * as tf from '@tensorflow/tfjs';
import type { ArchitectureDefinition, ArchitectureSpec } from '@rgae/core';
import { assertBlocksFit, resolveSpec } from './architecture-spec.js';
import type { AutoencoderParts } from './autoencoder-parts.js';
import { blockEncoderFeatures, buildConvDecoder, joinAutoencoder } from './conv-ae.js';
import { seededInitializers } from './seeded-initializers.js';

function buildVariationalAutoencoder(spec: ArchitectureSpec): AutoencoderParts {
  const resolved = resolveSpec(variationalAutoencoder.id, spec);
  assertBlocksFit(variationalAutoencoder.id, resolved);
  const init = seededInitializers(resolved.seed, variationalAutoencoder.id);

  const x = tf.input({ shape: [resolved.linearSize, resolved.linearSize, resolved.channels], name: 'encoder-input' });
  const features = blockEncoderFeatures(resolved, init, x);
  const head = (name: string) =>
    tf.layers.conv2d({ name, filters: resolved.latentChannels, kernelSize: 1, kernelInitializer: init.kernel(name) }).apply(features) as tf.SymbolicTensor;
  const encoder = tf.model({ inputs: x, outputs: [head('encoder-mean'), head('encoder-log-variance')], name: 'vae-encoder' });

  const decoder = buildConvDecoder(variationalAutoencoder.id, resolved, init);
  const autoencoder = joinAutoencoder(variationalAutoencoder.id, resolved, encoder, decoder);
  return { architecture: variationalAutoencoder.id, spec: resolved, encoder, decoder, autoencoder, variational: true };
}

/**
 * Variational version of conv-ae (Kingma & Welling 2014): the block encoder returns the mean μ and
 * log-variance log σ² of a Gaussian latent lattice; training decodes z = μ + σ·ε, ε ~ N(0, 1), and adds
 * the KL divergence to N(0, 1) (see `variationalLoss`). Prediction decodes μ.
 */
export const variationalAutoencoder: ArchitectureDefinition<AutoencoderParts> = {
  id: 'vae',
  description: 'Variational conv-ae: block encoder to latent mean and log-variance lattices, reparameterised sampling, KL term.',
  role: 'autoencoder',
  validate(spec) {
    assertBlocksFit(this.id, resolveSpec(this.id, spec));
  },
  build: buildVariationalAutoencoder,
};
