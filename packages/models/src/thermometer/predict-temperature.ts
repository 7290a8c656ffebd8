import * as tf from '@tensorflow/tfjs';
import type { ThermometerParts } from '../architecture/thermometer.js';

/**
 * Reads the temperature of each configuration: T̂(x) = Σ_k p_k(x)·T_k over the thermometer's classes
 * (the posterior mean under the training prior). `inputs` is the lattice encoding [n, L, L, channels].
 */
export function predictTemperatures(parts: ThermometerParts, inputs: tf.Tensor4D, batchSize = 256): Float64Array {
  const temperatures = tf.tensor1d(Float32Array.from(parts.temperatures));
  const result = new Float64Array(inputs.shape[0]);

  for (let start = 0; start < result.length; start += batchSize) {
    const size = Math.min(batchSize, result.length - start);
    const values = tf.tidy(() => {
      const batch = inputs.slice([start, 0, 0, 0], [size, -1, -1, -1]);
      const probabilities = parts.model.apply(batch, { training: false }) as tf.Tensor2D;
      return probabilities.mul(temperatures).sum(1);
    });
    result.set(values.dataSync(), start);
    values.dispose();
  }
  temperatures.dispose();
  return result;
}
