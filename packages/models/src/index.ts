import { definePlugin } from '@rgae/core';
import { convAutoencoder } from './architecture/conv-ae.js';
import { denseAutoencoder } from './architecture/dense-ae.js';
import { thermometer } from './architecture/thermometer.js';
import { variationalAutoencoder } from './architecture/vae.js';

export { resolveSpec, assertBlocksFit, type ResolvedSpec } from './architecture/architecture-spec.js';
export { disposeParts, type AutoencoderParts } from './architecture/autoencoder-parts.js';
export { convAutoencoder, CONV_HIDDEN_CHANNELS } from './architecture/conv-ae.js';
export { denseAutoencoder, denseWeightMatrices, DENSE_ENCODER_LAYER, DENSE_DECODER_LAYER } from './architecture/dense-ae.js';
export { PeriodicPadding2D } from './architecture/periodic-padding.js';
export { thermometer, DEFAULT_THERMOMETER_TEMPERATURES, type ThermometerParts, type ThermometerSpec } from './architecture/thermometer.js';
export { variationalAutoencoder } from './architecture/vae.js';

export { selectBackend, currentBackend, BACKEND_REQUESTS, type BackendName, type BackendRequest } from './backend/select-backend.js';
export { registerWasmKernels, WASM_KERNEL_REPLACEMENTS } from './backend/wasm/register-wasm-kernels.js';

export { modelFiles, saveModel, loadModel, MODEL_FILE, WEIGHTS_FILE } from './io/model-files.js';
export { saveAutoencoder, loadAutoencoder } from './io/autoencoder-files.js';
export { saveThermometer, loadThermometer } from './io/thermometer-files.js';

export { Adam, type AdamState } from './training/adam.js';
export { splitSamples, epochOrder, type DataSplit } from './training/data-split.js';
export { concatenateBatches, encodeBatch, batchOf, type TrainingInput } from './training/encode-data.js';
export {
  fitStage,
  type StageOptions,
  type StageData,
  type StageHistory,
  type EpochRecord,
  type EarlyStoppingOptions,
  type LossFunction,
  type LossContext,
} from './training/fit-stage.js';
export { latentOf, coarseGrainingLoss, reconstructionLoss } from './training/losses.js';
export {
  trainRgEmbedded,
  trainPlainAutoencoder,
  type AutoencoderData,
  type AutoencoderTrainingSettings,
  type TransferHistory,
} from './training/transfer-learning.js';
export { trainComparison, type ComparisonOptions, type ComparisonResult } from './training/train-comparison.js';

export { trainThermometer, type ThermometerTrainingOptions, type TrainedThermometer } from './thermometer/train-thermometer.js';
export { predictTemperatures } from './thermometer/predict-temperature.js';
export { energyTemperatureEstimator } from './thermometer/energy-estimator.js';
export {
  temperatureErrorTable,
  temperatureErrorResultTable,
  formatTemperatureErrorTable,
  type TemperatureErrorRow,
  type TemperatureErrorTable,
} from './thermometer/temperature-errors.js';

/** Version of @rgae/models, stored with every result. */
export const MODELS_VERSION = '0.1.0';

/** The @rgae/models plugin: registers the dense-ae, conv-ae, vae and thermometer architectures. */
export default definePlugin({
  name: '@rgae/models',
  version: MODELS_VERSION,
  register(binders) {
    binders.architecture(denseAutoencoder);
    binders.architecture(convAutoencoder);
    binders.architecture(variationalAutoencoder);
    binders.architecture(thermometer);
  },
});
