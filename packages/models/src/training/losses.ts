import * as tf from '@tensorflow/tfjs';
import type { AutoencoderParts } from '../architecture/autoencoder-parts.js';
import type { LossFunction } from './fit-stage.js';

/** Returns the encoder's latent field: the output of a deterministic encoder, the mean μ of a variational one. */
export function latentOf(parts: AutoencoderParts, inputs: tf.Tensor, training = false): tf.Tensor {
  const encoded = parts.encoder.apply(inputs, { training }) as tf.Tensor | tf.Tensor[];
  return Array.isArray(encoded) ? encoded[0] : encoded;
}

/** Mean squared error between the latent field and the coarse-grained configuration S(x): the RG-embedding stage. */
export function coarseGrainingLoss(parts: AutoencoderParts): LossFunction {
  return (inputs, coarse, { training }) => tf.losses.meanSquaredError(coarse, latentOf(parts, inputs, training)) as tf.Scalar;
}

/**
 * Reconstruction loss per site. Deterministic models: MSE(x̂, x). Variational models (Kingma & Welling
 * 2014): z = μ + exp(½·log σ²)·ε with seeded ε ~ N(0, 1), x̂ = decoder(z), and
 *
 *   loss = MSE(x̂, x) + klWeight · KL / (L²·channels),   KL = −½ Σ (1 + log σ² − μ² − σ²),
 *
 * the KL divergence of q(z|x) from N(0, 1) summed over the latent lattice and averaged over the batch,
 * divided by the number of input values so that both terms are per site.
 */
export function reconstructionLoss(parts: AutoencoderParts, klWeight = 1): LossFunction {
  if (!parts.variational) {
    return (inputs, targets, { training }) => tf.losses.meanSquaredError(targets, parts.autoencoder.apply(inputs, { training }) as tf.Tensor) as tf.Scalar;
  }

  const valuesPerSample = parts.spec.linearSize * parts.spec.linearSize * parts.spec.channels;
  return (inputs, targets, { training, noiseSeed }) => {
    const [mean, logVariance] = parts.encoder.apply(inputs, { training }) as tf.Tensor[];
    const epsilon = tf.randomNormal(mean.shape, 0, 1, 'float32', noiseSeed);
    const z = mean.add(logVariance.mul(0.5).exp().mul(epsilon));
    const reconstruction = parts.decoder.apply(z, { training }) as tf.Tensor;

    const mse = tf.losses.meanSquaredError(targets, reconstruction);
    const batchSize = inputs.shape[0];
    const kl = logVariance.add(1).sub(mean.square()).sub(logVariance.exp()).sum().mul(-0.5 / batchSize);
    return mse.add(kl.mul(klWeight / valuesPerSample)) as tf.Scalar;
  };
}
