import type { Estimate } from '../stats/estimate.js';
import type { Rng } from '../random/rng.js';
import type { SpinBatch, SpinData, SpinDtype } from './spin-batch.js';

/**
 * Parameters of a square-lattice spin model with periodic boundaries,
 * H = −J Σ⟨ij⟩ s_i·s_j − h Σ s_i (J = `coupling` > 0 ferromagnetic, h = `field`), k_B = 1.
 */
export interface ModelParameters {
  linearSize: number;
  beta: number;
  coupling: number;
  field: number;
}

/** Per-configuration observables: e and m per site, plus whatever the model adds. */
export type Measurement = Record<string, number>;

/**
 * A lattice spin model. The plugin writes the physics (state creation, measurement, network encoding);
 * core does sampling bookkeeping, statistics and I/O.
 */
export interface LatticeModel<D extends SpinData = SpinData> {
  /** Stable id, namespaced `plugin/id` for third-party plugins. */
  readonly id: string;
  readonly description: string;
  readonly dtype: SpinDtype;
  /** Channels of the network encoding (1 for Ising, 2 for XY as cos θ, sin θ, q for Potts one-hot). */
  readonly channels: number;
  /** Names of the per-configuration observables `measure` returns, e.g. ['e', 'm', 'absM']. */
  readonly observables: readonly string[];
  /** Observables whose autocorrelation time sets the spacing of stored configurations. */
  readonly spacingObservables: readonly string[];

  /** Critical (or BKT) temperature for coupling J, when known. */
  criticalTemperature?(coupling: number): number | undefined;
  /** Throws an RgaeError when the parameters are outside what the model accepts. */
  validateParameters?(params: ModelParameters): void;

  createConfiguration(linearSize: number, rng: Rng, start: 'hot' | 'cold'): D;
  measure(configuration: D, params: ModelParameters): Measurement;
  /** Derived quantities with errors (χ, C, U4, …) from the per-configuration series. */
  summarize(series: Record<string, Float64Array>, params: ModelParameters): Record<string, Estimate>;
  /** Network encoding of a batch, NHWC float32 of shape [nSamples, L, L, channels]. */
  encode(batch: SpinBatch<D>): Float32Array;
  /** Maps a network output [nSamples, L, L, channels] back to spins (sign, argmax, atan2, …). */
  decode(encoded: Float32Array, nSamples: number, linearSize: number): SpinBatch<D>;
}
