import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import {
  loadStageEnsembles,
  readModelArtefacts,
  writeModelArtefacts,
  writeThermometerReadings,
  MODEL_STAGES,
  type ArchitectureDefinition,
  type EnsembleStageSummary,
  type EpochRecord as StudyEpochRecord,
  type LatticeModel,
  type ModelArtefacts,
  type ProgressCallback,
  type Registry,
  type SpinBatch,
  type StageDefinition,
  type StudyConfig,
  type WeightTensor,
} from '@rgae/core';
import {
  disposeParts,
  encodeBatch,
  latentOf,
  predictTemperatures,
  saveAutoencoder,
  selectBackend,
  trainPlainAutoencoder,
  trainRgEmbedded,
  trainThermometer,
  type AutoencoderParts,
  type EpochRecord,
  type StageHistory,
} from '@rgae/models';
import { joinBatches, loadStudyData, type StudyData } from './training-data.js';

export interface ModelStageSummary {
  backend: string;
  label: string;
  finalLoss: number;
  finalValLoss: number;
}

export interface ThermometerStageSummary {
  backend: string;
  coarseHeldOutMeanAbsoluteError: number;
  fineHeldOutMeanAbsoluteError: number;
}

const LABELS = { rg: 'RG-embedded', ae: 'plain AE' } as const;

/** Stages 3–5: the RG-embedded model, the plain autoencoder and the two thermometers (all on TensorFlow.js). */
export function modelStages({ registry, onProgress }: { registry: Registry; onProgress?: ProgressCallback }): StageDefinition<StudyConfig>[] {
  const trainingInputs = (c: StudyConfig) => ({ model: c.model, epochs: c.epochs, fineTune: c.fineTuneEpochs, seed: c.seed, backend: c.backend, b: c.blockSize, k: c.levels });
  return [
    autoencoderStage('rg', registry, trainingInputs, onProgress),
    autoencoderStage('ae', registry, trainingInputs, onProgress),
    thermometerStage(registry, onProgress),
  ];
}

function autoencoderStage(
  key: 'rg' | 'ae',
  registry: Registry,
  inputs: (c: StudyConfig) => unknown,
  onProgress?: ProgressCallback,
): StageDefinition<StudyConfig, ModelStageSummary> {
  const name = MODEL_STAGES[key];
  return {
    name,
    version: 1,
    dependsOn: ['ensembles', 'coarsen'],
    inputs,
    async run({ config, outputDir, workDir, upstream }) {
      const backend = await selectBackend(config.backend);
      const lattice = registry.get('lattice', config.lattice);
      const architecture = registry.get('architecture', config.model) as ArchitectureDefinition<AutoencoderParts>;
      const data = await loadStudyData(config, upstream, lattice.id);
      const parts = architecture.build({ channels: lattice.channels, linearSize: config.linearSize, blockSize: config.blockSize ** config.levels, seed: config.seed });

      const fit = {
        inputs: encodeBatch(lattice, data.fitInputs),
        coarse: encodeBatch(lattice, data.fitCoarse),
        split: splitOf(data),
      };
      let epochsRun = 0;
      const totalEpochs = key === 'rg' ? 2 * config.epochs + config.fineTuneEpochs : config.epochs + config.fineTuneEpochs;
      const settings = {
        epochs: config.epochs,
        fineTuneEpochs: config.fineTuneEpochs,
        seed: config.seed,
        checkpointDir: workDir,
        runIdentity: { stage: name, model: config.model, seed: config.seed },
        onEpoch: () => {
          epochsRun++;
          onProgress?.({ stage: name, done: epochsRun, total: totalEpochs });
        },
      };
      let history: StudyEpochRecord[] = [];
      try {
        // The returned histories include epochs restored from checkpoints after an interrupted run.
        if (key === 'rg') {
          const phases = await trainRgEmbedded(parts, fit, settings);
          history = [phases.encoder, phases.decoder, ...(phases.fineTune ? [phases.fineTune] : [])].flatMap(epochRecords);
        } else {
          history = epochRecords(await trainPlainAutoencoder(parts, fit, settings));
        }
        await saveAutoencoder(parts, join(outputDir, 'model'));
        await writeModelArtefacts(join(outputDir, 'artefacts'), artefactsOf(key, parts, lattice, data, history));
      } finally {
        tf.dispose([fit.inputs, fit.coarse]);
        disposeParts(parts);
      }
      const last = history[history.length - 1];
      return { backend, label: LABELS[key], finalLoss: last?.loss ?? NaN, finalValLoss: last?.valLoss ?? NaN };
    },
  };
}

function epochRecords(stage: StageHistory): StudyEpochRecord[] {
  return stage.epochs.map((record: EpochRecord) => ({ phase: record.stage, epoch: record.epoch, loss: record.loss, valLoss: record.valLoss }));
}

function splitOf(data: StudyData) {
  const total = data.fitInputs.nSamples;
  return {
    train: Int32Array.from({ length: data.nTrain }, (_, i) => i),
    validation: Int32Array.from({ length: total - data.nTrain }, (_, i) => data.nTrain + i),
  };
}

/** Evaluates a trained model on the held-out samples of every point. */
function artefactsOf(key: 'rg' | 'ae', parts: AutoencoderParts, lattice: LatticeModel, data: StudyData, history: StudyEpochRecord[]): ModelArtefacts {
  const latentRaw: Float32Array[] = [];
  const reconstructionRaw: Float32Array[] = [];
  const latent: SpinBatch[] = [];
  const reconstruction: SpinBatch[] = [];

  for (const batch of data.test) {
    const [latentValues, reconstructionValues, latentSize] = tf.tidy(() => {
      const x = encodeBatch(lattice, batch);
      const z = latentOf(parts, x) as tf.Tensor4D;
      const y = parts.autoencoder.predict(x) as tf.Tensor;
      return [z.dataSync() as Float32Array, y.dataSync() as Float32Array, z.shape[1]] as const;
    });
    latentRaw.push(Float32Array.from(latentValues));
    reconstructionRaw.push(Float32Array.from(reconstructionValues));
    latent.push(lattice.decode(latentRaw[latentRaw.length - 1], batch.nSamples, latentSize));
    reconstruction.push(lattice.decode(reconstructionRaw[reconstructionRaw.length - 1], batch.nSamples, batch.linearSize));
  }

  const encoderWeights: WeightTensor[] = parts.encoder.trainableWeights.map((w) => ({
    name: w.name,
    shape: w.shape as number[],
    values: Float32Array.from(w.read().dataSync() as Float32Array),
  }));
  return { key, label: LABELS[key], history, latentRaw, latent, reconstructionRaw, reconstruction, encoderWeights };
}

/**
 * Stage 5b: the two thermometers. The coarse one trains on the fresh coarse ensembles and reads S(x) and both
 * models' latents (as spins). The fine one trains on the fine training split and reads the originals and both
 * reconstructions.
 */
function thermometerStage(registry: Registry, onProgress?: ProgressCallback): StageDefinition<StudyConfig, ThermometerStageSummary> {
  return {
    name: MODEL_STAGES.thermometers,
    version: 1,
    dependsOn: ['ensembles', 'coarsen', 'coarse-ensembles', MODEL_STAGES.rg, MODEL_STAGES.ae],
    inputs: (c) => ({ epochs: c.thermometerEpochs, seed: c.seed, backend: c.backend }),
    async run({ config, outputDir, workDir, upstream }) {
      const backend = await selectBackend(config.backend);
      const lattice = registry.get('lattice', config.lattice);
      const data = await loadStudyData(config, upstream, lattice.id);
      const rg = await readModelArtefacts(join(upstream[MODEL_STAGES.rg].dir, 'artefacts'), lattice);
      const ae = await readModelArtefacts(join(upstream[MODEL_STAGES.ae].dir, 'artefacts'), lattice);
      const freshCoarse = await loadStageEnsembles(upstream['coarse-ensembles'].dir, upstream['coarse-ensembles'].summary as EnsembleStageSummary);

      const fineTraining = data.ensembles.map((e, i) => ({ ...e, batch: data.fitParts[i] }));
      const settings = { lattice, epochs: config.thermometerEpochs, backend: config.backend, outputDir, onProgress };
      const coarseError = await trainAndRead({ ...settings, name: 'coarse', seed: config.seed, workDir: join(workDir, 'coarse'), training: freshCoarse }, {
        scheme: data.testCoarse,
        'rg-latent': rg.latent,
        'ae-latent': ae.latent,
      });
      const fineError = await trainAndRead({ ...settings, name: 'fine', seed: config.seed + 1, workDir: join(workDir, 'fine'), training: fineTraining }, {
        original: data.test,
        'rg-reconstruction': rg.reconstruction,
        'ae-reconstruction': ae.reconstruction,
      });
      return { backend, coarseHeldOutMeanAbsoluteError: coarseError, fineHeldOutMeanAbsoluteError: fineError };
    },
  };
}

interface ThermometerRun {
  name: 'coarse' | 'fine';
  lattice: LatticeModel;
  training: Array<{ batch: SpinBatch; metadata: { temperature: number } }>;
  epochs: number;
  seed: number;
  backend: StudyConfig['backend'];
  workDir: string;
  outputDir: string;
  onProgress?: ProgressCallback;
}

/** Trains one thermometer, stores its readings of each input kind per point, and returns its held-out error. */
async function trainAndRead(run: ThermometerRun, inputs: Record<string, SpinBatch[]>): Promise<number> {
  const trained = await trainThermometer({
    lattice: run.lattice,
    data: run.training as never,
    epochs: run.epochs,
    seed: run.seed,
    backend: run.backend,
    outDir: run.workDir,
    onEpoch: (record: EpochRecord) => run.onProgress?.({ stage: `thermometer (${run.name})`, done: record.epoch, total: record.epochs }),
  });
  try {
    const error = heldOutError(trained, run.lattice, run.training.map((e) => e.batch));
    const readings = Object.fromEntries(Object.entries(inputs).map(([kind, batches]) => [kind, batches.map((b) => read(trained.parts, run.lattice, b))]));
    const linearSize = Object.values(inputs)[0][0].linearSize;
    await writeThermometerReadings(run.outputDir, run.name, { linearSize, heldOutMeanAbsoluteError: error, readings });
    return error;
  } finally {
    trained.parts.model.dispose();
  }
}

function read(parts: Parameters<typeof predictTemperatures>[0], lattice: LatticeModel, batch: SpinBatch): Float64Array {
  const inputs = encodeBatch(lattice, batch);
  try {
    return predictTemperatures(parts, inputs);
  } finally {
    inputs.dispose();
  }
}

/** Mean |T̂ − T| over the thermometer's own validation samples. */
function heldOutError(trained: Awaited<ReturnType<typeof trainThermometer>>, lattice: LatticeModel, batches: SpinBatch[]): number {
  const joined = joinBatches(batches);
  const predictions = read(trained.parts, lattice, joined);
  let sum = 0;
  for (const index of trained.split.validation) sum += Math.abs(predictions[index] - trained.sampleTemperatures[index]);
  return sum / trained.split.validation.length;
}
