import * as tf from '@tensorflow/tfjs';
import { createHash } from 'node:crypto';
import { readFile, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { RgaeError, writeFileAtomic } from '@rgae/core';
import { readJsonRecord, writeJsonRecord, type JsonRecord } from '../io/json-record.js';

const CHECKPOINT_FORMAT = 'rgae-checkpoint';
const FORMAT_VERSION = 1;
const STATE_FILE = 'state.json';

/** Tensors of a checkpoint, grouped; each group keeps the order of the stage's variables. */
export interface CheckpointTensors {
  weights: tf.Tensor[];
  firstMoments: tf.Tensor[];
  secondMoments: tf.Tensor[];
  /** Weights of the best validation epoch so far (empty when early stopping keeps none). */
  bestWeights: tf.Tensor[];
}

/** JSON-safe part of a checkpoint. */
export interface CheckpointProgress {
  /** Identifies the training run; a checkpoint of another run is never resumed. */
  fingerprint: string;
  completedEpochs: number;
  /** True once the stage has finished (all epochs run or stopped early). */
  finished: boolean;
  adamStep: number;
  /** Stage-specific bookkeeping (history, early-stopping state), stored as given. */
  progress: unknown;
}

interface CheckpointRecord extends JsonRecord, CheckpointProgress {
  tensorFile: string;
  tensors: Array<{ group: keyof CheckpointTensors; shape: number[] }>;
}

const GROUPS: ReadonlyArray<keyof CheckpointTensors> = ['weights', 'firstMoments', 'secondMoments', 'bestWeights'];

/**
 * Writes a checkpoint into `folder`: the tensors to `epoch-NNNN.bin`, then `state.json`, each atomically.
 * state.json names the tensor file, so a kill at any point leaves the previous checkpoint readable;
 * older tensor files are deleted afterwards.
 */
export async function writeCheckpoint(folder: string, progress: CheckpointProgress, tensors: CheckpointTensors): Promise<void> {
  const tensorFile = `epoch-${String(progress.completedEpochs).padStart(4, '0')}.bin`;
  const entries = GROUPS.flatMap((group) => tensors[group].map((tensor) => ({ group, tensor })));
  const values = entries.map(({ tensor }) => tensor.dataSync() as Float32Array);
  const bytes = new Uint8Array(values.reduce((sum, v) => sum + v.byteLength, 0));
  let offset = 0;
  for (const v of values) {
    bytes.set(new Uint8Array(v.buffer, v.byteOffset, v.byteLength), offset);
    offset += v.byteLength;
  }

  await writeFileAtomic(join(folder, tensorFile), bytes);
  const record: CheckpointRecord = {
    format: CHECKPOINT_FORMAT,
    formatVersion: FORMAT_VERSION,
    ...progress,
    tensorFile,
    tensors: entries.map(({ group, tensor }) => ({ group, shape: tensor.shape })),
  };
  await writeJsonRecord(join(folder, STATE_FILE), record);
  await removeStaleTensorFiles(folder, tensorFile);
}

/**
 * Reads the checkpoint in `folder`, or returns undefined when there is none. A checkpoint written by a
 * run with another fingerprint, or whose tensor file does not match state.json, throws an RgaeError.
 * The caller disposes the returned tensors.
 */
export async function readCheckpoint(
  folder: string,
  fingerprint: string,
): Promise<{ progress: CheckpointProgress; tensors: CheckpointTensors } | undefined> {
  const statePath = join(folder, STATE_FILE);
  if (!(await exists(statePath))) return undefined;
  const record = await readJsonRecord<CheckpointRecord>(statePath, CHECKPOINT_FORMAT, FORMAT_VERSION);
  if (record.fingerprint !== fingerprint) {
    throw new RgaeError(
      'INCOMPATIBLE',
      `Checkpoint "${statePath}" belongs to another training run (different data, model or settings). ` +
        `Choose a new output folder, or delete "${folder}" to start this stage again.`,
    );
  }

  const tensorPath = join(folder, record.tensorFile);
  const bytes = await readFile(tensorPath).catch((error: unknown) => {
    throw new RgaeError('CORRUPT_FILE', `Checkpoint file "${tensorPath}" named by ${STATE_FILE} cannot be read (${(error as Error).message}). Delete "${folder}" to start this stage again.`);
  });
  const expectedBytes = record.tensors.reduce((sum, t) => sum + 4 * tf.util.sizeFromShape(t.shape), 0);
  if (bytes.byteLength !== expectedBytes) {
    throw new RgaeError('CORRUPT_FILE', `Checkpoint file "${tensorPath}" contains ${bytes.byteLength} bytes, but ${STATE_FILE} lists ${expectedBytes}. Delete "${folder}" to start this stage again.`);
  }

  const tensors: CheckpointTensors = { weights: [], firstMoments: [], secondMoments: [], bestWeights: [] };
  const floats = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  let offset = 0;
  for (const { group, shape } of record.tensors) {
    const size = tf.util.sizeFromShape(shape);
    tensors[group].push(tf.tensor(floats.subarray(offset, offset + size), shape));
    offset += size;
  }
  const { fingerprint: stored, completedEpochs, finished, adamStep, progress } = record;
  return { progress: { fingerprint: stored, completedEpochs, finished, adamStep, progress }, tensors };
}

async function removeStaleTensorFiles(folder: string, keep: string): Promise<void> {
  const names = await readdir(folder);
  const stale = names.filter((name) => /^epoch-\d+\.bin$/.test(name) && name !== keep);
  await Promise.all(stale.map((name) => rm(join(folder, name), { force: true })));
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new RgaeError('IO', `Cannot read checkpoint "${path}": ${(error as Error).message}.`, { cause: error });
  }
}

/** SHA-256 of the settings as canonical JSON (keys sorted at every level); checkpoints resume only on a match. */
export function fingerprintOf(settings: Record<string, unknown>): string {
  return createHash('sha256').update(canonicalJson(settings)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => compareCodeUnits(a, b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Orders strings by UTF-16 code units, independent of the locale. */
function compareCodeUnits(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
