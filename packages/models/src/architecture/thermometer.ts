import * as tf from '@tensorflow/tfjs';
import { invalidArgument, type ArchitectureDefinition, type ArchitectureSpec } from '@rgae/core';
import { resolveSpec, type ResolvedSpec } from './architecture-spec.js';
import { PeriodicPadding2D } from './periodic-padding.js';
import { seededInitializers } from './seeded-initializers.js';

/** A thermometer spec: the temperatures it classifies into, ascending (the training temperatures). */
export interface ThermometerSpec extends ArchitectureSpec {
  temperatures?: readonly number[];
}

/** Temperatures used when a spec gives none: 11 evenly spaced values from 1.0 to 3.5 (J = 1). */
export const DEFAULT_THERMOMETER_TEMPERATURES: readonly number[] = Array.from({ length: 11 }, (_, k) => 1 + 0.25 * k);

export interface ThermometerParts {
  architecture: string;
  spec: ResolvedSpec;
  /** Maps configurations [n, L, L, channels] to probabilities [n, K] over `temperatures`. */
  model: tf.LayersModel;
  temperatures: readonly number[];
}

const LOCAL_FEATURES = 16;
const HIDDEN_UNITS = 32;

/**
 * Builds a classifier over K temperatures with the expectation readout T̂(x) = Σ_k p_k(x)·T_k.
 *
 * Why a classifier: trained with cross-entropy on equal numbers of configurations per temperature, the
 * softmax estimates the posterior p(T_k | x) under a uniform prior, so T̂ is the posterior mean, the
 * estimator with the least squared error. That is exactly the quantity of the energy-only reference
 * estimator it is judged against, and T̂ always lies within the trained range, unlike a regressor's
 * output off the training distribution (e.g. on coarse-grained or reconstructed configurations).
 *
 * Layers: a periodic 3×3 convolution (for Ising spins, relu(s_i + s_j) + relu(−s_i − s_j) − 1 = s_i·s_j,
 * so the local bond energies are within reach of one layer), a 1×1 convolution, global average pooling
 * (an average of local densities, as e is; it also makes the network independent of L), and two dense layers.
 */
function buildThermometer(spec: ThermometerSpec): ThermometerParts {
  const resolved = resolveSpec(thermometer.id, { ...spec, blockSize: spec.blockSize ?? 1 });
  const temperatures = checkTemperatures(spec.temperatures ?? DEFAULT_THERMOMETER_TEMPERATURES);
  const init = seededInitializers(resolved.seed, thermometer.id);

  const x = tf.input({ shape: [resolved.linearSize, resolved.linearSize, resolved.channels], name: 'thermometer-input' });
  const layers: tf.layers.Layer[] = [
    new PeriodicPadding2D({ padding: 1, name: 'thermometer-padding' }),
    tf.layers.conv2d({ name: 'thermometer-local', filters: LOCAL_FEATURES, kernelSize: 3, activation: 'relu', kernelInitializer: init.kernel('thermometer-local') }),
    tf.layers.conv2d({ name: 'thermometer-mix', filters: LOCAL_FEATURES, kernelSize: 1, activation: 'relu', kernelInitializer: init.kernel('thermometer-mix') }),
    tf.layers.globalAveragePooling2d({ name: 'thermometer-pooling' }),
    tf.layers.dense({ name: 'thermometer-hidden', units: HIDDEN_UNITS, activation: 'relu', kernelInitializer: init.kernel('thermometer-hidden') }),
    tf.layers.dense({ name: 'thermometer-probabilities', units: temperatures.length, activation: 'softmax', kernelInitializer: init.kernel('thermometer-probabilities') }),
  ];
  const output = layers.reduce((input, layer) => layer.apply(input) as tf.SymbolicTensor, x);
  const model = tf.model({ inputs: x, outputs: output, name: 'thermometer' });
  return { architecture: thermometer.id, spec: resolved, model, temperatures };
}

function checkTemperatures(temperatures: readonly number[]): readonly number[] {
  const ascending = temperatures.every((t, k) => Number.isFinite(t) && t > 0 && (k === 0 || t > temperatures[k - 1]));
  if (temperatures.length < 2 || !ascending) {
    throw invalidArgument(
      `Invalid thermometer temperatures [${temperatures.join(', ')}]: expected at least two positive, strictly ascending values.`,
    );
  }
  return [...temperatures];
}

/** Network that reads a configuration and returns its temperature (posterior mean over the trained temperatures). */
export const thermometer: ArchitectureDefinition<ThermometerParts> = {
  id: 'thermometer',
  description: 'Temperature classifier with expectation readout: periodic conv features, global average pooling, softmax over the training temperatures.',
  role: 'thermometer',
  validate(spec) {
    resolveSpec(this.id, { ...spec, blockSize: spec.blockSize ?? 1 });
    checkTemperatures((spec as ThermometerSpec).temperatures ?? DEFAULT_THERMOMETER_TEMPERATURES);
  },
  build: buildThermometer,
};
