import type { LatticeModel } from '../lattice/lattice-model.js';
import type { SpinBatch } from '../lattice/spin-batch.js';
import type { RGScheme } from '../rg/rg-scheme.js';
import type { StudyConfig } from './study-config.js';

/** One training epoch of one phase (`encoder`, `decoder`, `fine-tune` for the RG model; `end-to-end` for the AE). */
export interface EpochRecord {
  phase: string;
  epoch: number;
  loss: number;
  valLoss: number;
}

/** A named weight tensor of a trained model, row-major with its shape (conv kernels are [kh, kw, in, out]). */
export interface WeightTensor {
  name: string;
  shape: number[];
  values: Float32Array;
}

/**
 * Outputs of a trained autoencoder for the study tests, evaluated on the held-out configurations of every
 * thermal point (index i of each array is point i of `StudyContext.points`).
 */
export interface ModelArtefacts {
  /** `rg` for the RG-embedded model, `ae` for the plain autoencoder. */
  key: 'rg' | 'ae';
  label: string;
  history: EpochRecord[];
  /** Encoder output [n, l, l, c] with l = L/b^k, as the network produced it. */
  latentRaw: Float32Array[];
  /** The latent mapped to spins by the lattice's `decode` (for Ising: the sign), an [n, l, l] batch. */
  latent: SpinBatch[];
  /** Decoder output [n, L, L, channels] as the network produced it. */
  reconstructionRaw: Float32Array[];
  /** The reconstruction mapped to spins by the lattice's `decode`. */
  reconstruction: SpinBatch[];
  /** Encoder weights (the subject of the weights test). */
  encoderWeights: WeightTensor[];
}

/** Temperatures a thermometer read for each thermal point, one reading per held-out configuration. */
export interface ThermometerReadings {
  /** Linear size of the configurations this thermometer reads. */
  linearSize: number;
  /** Mean absolute error on held-out fresh ensembles, the thermometer's own accuracy. */
  heldOutMeanAbsoluteError: number;
  /** Readings per input kind (e.g. `scheme`, `rg-latent`, `ae-latent`, or `original`, `rg-reconstruction`, …) per point. */
  readings: Record<string, Float64Array[]>;
}

/** Everything a registered study test reads; built by the study runner from the cached stages. */
export interface StudyContext {
  config: StudyConfig;
  lattice: LatticeModel;
  scheme: RGScheme;
  points: StudyConfig['points'];
  /** Held-out fine configurations per point (the ones the models' artefacts were computed on). */
  original: SpinBatch[];
  /** The scheme applied `levels` times to `original`, per point. */
  coarse: SpinBatch[];
  models: { rg: ModelArtefacts; ae: ModelArtefacts };
  /** Thermometer at the coarse size (reads scheme output and latents) and at the fine size (reads reconstructions). */
  thermometers: { coarse: ThermometerReadings; fine: ThermometerReadings };
  /** Training backend, recorded with the results. */
  backend: string;
}
