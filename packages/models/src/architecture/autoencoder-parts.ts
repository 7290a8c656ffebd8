import type * as tf from '@tensorflow/tfjs';
import type { ResolvedSpec } from './architecture-spec.js';

/**
 * The three views of one autoencoder, sharing their layers: transfer learning trains and freezes the
 * encoder on its own, then trains the decoder through the autoencoder.
 */
export interface AutoencoderParts {
  architecture: string;
  spec: ResolvedSpec;
  /**
   * Maps x [n, L, L, channels] to the latent coarse field [n, L/b, L/b, latentChannels]; a variational
   * encoder returns [mean, logVariance], both of that shape.
   */
  encoder: tf.LayersModel;
  /** Maps a latent field [n, L/b, L/b, latentChannels] to a reconstruction [n, L, L, channels] in (−1, 1). */
  decoder: tf.LayersModel;
  /** x ↦ decoder(encoder(x)); for a variational model, the decoder reads the latent mean. */
  autoencoder: tf.LayersModel;
  variational: boolean;
}

/** Frees the tensors of all three models (they share layers, so each weight is freed once). */
export function disposeParts(parts: AutoencoderParts): void {
  parts.autoencoder.dispose();
}
