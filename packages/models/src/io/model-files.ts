import * as tf from '@tensorflow/tfjs';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RgaeError, writeFileAtomic } from '@rgae/core';

export const MODEL_FILE = 'model.json';
export const WEIGHTS_FILE = 'weights.bin';

/** Bytes per stored value of each weight dtype (rgae never quantises weights). */
const BYTES_PER_VALUE: Record<string, number> = { float32: 4, int32: 4, bool: 1 };

/**
 * Creates a tfjs IOHandler that stores a model in `folder` in the tfjs artefact format: `model.json`
 * (topology and weight manifest) and `weights.bin` (the weights, concatenated). Each file is written
 * atomically, weights first. model.json also records the SHA-256 of weights.bin, so that load detects a
 * save interrupted between the two files instead of pairing a topology with the wrong weights.
 */
export function modelFiles(folder: string): tf.io.IOHandler {
  return {
    save: (artifacts) => saveArtifacts(folder, artifacts),
    load: () => loadArtifacts(folder),
  };
}

async function saveArtifacts(folder: string, artifacts: tf.io.ModelArtifacts): Promise<tf.io.SaveResult> {
  if (artifacts.modelTopology instanceof ArrayBuffer) {
    throw new RgaeError('NOT_IMPLEMENTED', `Cannot save a model with a binary topology to "${folder}": rgae stores Layers models only.`);
  }
  const weights = new Uint8Array(artifacts.weightData === undefined ? new ArrayBuffer(0) : tf.io.CompositeArrayBuffer.join(artifacts.weightData));
  const modelJson = {
    modelTopology: artifacts.modelTopology,
    format: artifacts.format ?? 'layers-model',
    generatedBy: artifacts.generatedBy,
    convertedBy: artifacts.convertedBy ?? null,
    weightsManifest: [{ paths: [WEIGHTS_FILE], weights: artifacts.weightSpecs ?? [] }],
    weightsSha256: sha256(weights),
    ...(artifacts.trainingConfig ? { trainingConfig: artifacts.trainingConfig } : {}),
    ...(artifacts.userDefinedMetadata ? { userDefinedMetadata: artifacts.userDefinedMetadata } : {}),
  };

  await writeFileAtomic(join(folder, WEIGHTS_FILE), weights);
  await writeFileAtomic(join(folder, MODEL_FILE), JSON.stringify(modelJson));
  return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
}

async function loadArtifacts(folder: string): Promise<tf.io.ModelArtifacts> {
  const modelPath = join(folder, MODEL_FILE);
  const weightsPath = join(folder, WEIGHTS_FILE);
  const modelJson = parseModelJson(modelPath, await readModelFile(modelPath));
  const weights = await readModelFile(weightsPath);

  const specs = tf.io.getWeightSpecs(modelJson.weightsManifest);
  const expectedBytes = specs.reduce((sum, spec) => sum + tf.util.sizeFromShape(spec.shape) * (BYTES_PER_VALUE[spec.dtype] ?? NaN), 0);
  if (weights.byteLength !== expectedBytes) {
    throw corrupt(weightsPath, `it contains ${weights.byteLength} bytes, but ${MODEL_FILE} lists weights of ${expectedBytes} bytes`);
  }
  if (typeof modelJson.weightsSha256 === 'string' && sha256(weights) !== modelJson.weightsSha256) {
    throw corrupt(weightsPath, `its SHA-256 differs from the one ${MODEL_FILE} records (an interrupted save or a damaged file)`);
  }
  const buffer = weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength) as ArrayBuffer;
  return tf.io.getModelArtifactsForJSON(modelJson, async () => [specs, buffer]);
}

type StoredModelJson = tf.io.ModelJSON & { weightsSha256?: string };

function parseModelJson(path: string, bytes: Buffer): StoredModelJson {
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw corrupt(path, `it is not valid JSON (${(error as Error).message})`);
  }
  const json = parsed as Partial<StoredModelJson> | null;
  if (json === null || typeof json !== 'object' || typeof json.modelTopology !== 'object' || json.modelTopology === null) {
    throw corrupt(path, 'it has no "modelTopology" object');
  }
  const manifest = json.weightsManifest;
  const manifestValid =
    Array.isArray(manifest) &&
    manifest.every((group) => Array.isArray(group?.weights) && group.weights.every((w) => typeof w?.name === 'string' && Array.isArray(w.shape)));
  if (!manifestValid) throw corrupt(path, 'its "weightsManifest" is missing or malformed');
  return json as StoredModelJson;
}

async function readModelFile(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'the file does not exist' : (error as Error).message;
    throw new RgaeError('IO', `Cannot read model file "${path}": ${reason}. Train the model first or point to the folder that contains ${MODEL_FILE} and ${WEIGHTS_FILE}.`, {
      cause: error,
    });
  }
}

function corrupt(path: string, problem: string): RgaeError {
  return new RgaeError('CORRUPT_FILE', `Model file "${path}" is corrupt: ${problem}. Delete the folder and train or save the model again.`);
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Saves a Layers model to `folder` as model.json + weights.bin. */
export async function saveModel(model: tf.LayersModel, folder: string): Promise<void> {
  await model.save(modelFiles(folder));
}

/**
 * Loads a Layers model saved by `saveModel`. Missing files fail with code IO, damaged ones with code
 * CORRUPT_FILE; both messages name the file.
 */
export async function loadModel(folder: string): Promise<tf.LayersModel> {
  const handler = modelFiles(folder);
  const artifacts = await handler.load!();
  try {
    return await tf.loadLayersModel(tf.io.fromMemory(artifacts));
  } catch (error) {
    throw corrupt(join(folder, MODEL_FILE), `TensorFlow.js cannot build the model from it (${(error as Error).message})`);
  }
}
