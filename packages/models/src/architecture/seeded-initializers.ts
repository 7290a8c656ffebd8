import * as tf from '@tensorflow/tfjs';
import { Rng } from '@rgae/core';

/** Weight initialisers of one built model, each layer's seed derived from the spec seed and the layer name. */
export interface SeededInitializers {
  /** Glorot-uniform kernel initialiser for the named layer. */
  kernel(layerName: string): ReturnType<typeof tf.initializers.glorotUniform>;
}

/**
 * Seeds every layer from (spec seed, architecture id, layer name), so the same spec and seed give the
 * same initial weights, and two layers never share a random stream.
 */
export function seededInitializers(seed: number, architecture: string): SeededInitializers {
  return {
    kernel(layerName) {
      const layerSeed = Rng.create(seed, ['initial-weights', architecture, layerName]).nextUint32();
      return tf.initializers.glorotUniform({ seed: layerSeed });
    },
  };
}
