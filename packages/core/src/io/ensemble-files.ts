import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { RgaeError } from '../errors/rgae-error.js';
import type { SpinBatch, SpinData, SpinDtype } from '../lattice/spin-batch.js';
import { dtypeOf } from '../lattice/spin-batch.js';
import type { Estimate } from '../stats/estimate.js';
import { writeFileAtomic } from './atomic-write.js';
import { decodeNpy, encodeNpy, isSpinData } from './npy.js';

export const ENSEMBLE_FORMAT = 'rgae.ensemble';
export const ENSEMBLE_FORMAT_VERSION = 1;

/** The JSON sidecar stored beside every ensemble `.npy` file. */
export interface EnsembleMetadata {
  format: typeof ENSEMBLE_FORMAT;
  formatVersion: number;
  lattice: string;
  linearSize: number;
  nSamples: number;
  dtype: SpinDtype;
  beta: number;
  temperature: number;
  coupling: number;
  field: number;
  sampler: string;
  kernels?: string;
  seed: number;
  thermalisationSweeps: number;
  spacingSweeps: number;
  /** τ_int in sweeps, measured on the pilot run, per observable that set the spacing. */
  tauIntSweeps: Record<string, number>;
  /** τ_int of the stored series, in units of stored samples (≈ 0.5 when the spacing suffices). */
  tauIntSamples: Record<string, number>;
  observables: Record<string, Estimate>;
  samplerStatistics?: Record<string, number>;
  /** Set when the ensemble was produced elsewhere and imported, e.g. 'external'. */
  source?: string;
}

export interface StoredEnsemble {
  batch: SpinBatch;
  metadata: EnsembleMetadata;
  /** Path of the .npy file. */
  path: string;
}

/** File stem of an ensemble, e.g. `ising-L32-beta0.440687`. */
export function ensembleStem(lattice: string, linearSize: number, beta: number): string {
  return `${lattice.replace(/\//g, '__')}-L${linearSize}-beta${beta.toFixed(6)}`;
}

/** Writes `<stem>.npy` (shape [nSamples, L, L]) and `<stem>.json`, each atomically; returns the .npy path. */
export async function writeEnsemble(folder: string, batch: SpinBatch, metadata: EnsembleMetadata): Promise<string> {
  const stem = ensembleStem(batch.lattice, batch.linearSize, metadata.beta);
  const npyPath = join(folder, `${stem}.npy`);
  const bytes = encodeNpy(batch.data, [batch.nSamples, batch.linearSize, batch.linearSize]);
  await writeFileAtomic(npyPath, bytes);
  await writeFileAtomic(join(folder, `${stem}.json`), JSON.stringify(metadata, null, 2) + '\n');
  return npyPath;
}

/** Reads an ensemble and checks that the .npy data agrees with its sidecar. */
export async function readEnsemble(npyPath: string): Promise<StoredEnsemble> {
  const sidecarPath = npyPath.replace(/\.npy$/, '.json');
  const metadata = await readSidecar(sidecarPath);
  const bytes = await readBytes(npyPath);
  const decoded = decodeNpy(bytes, npyPath);

  const mismatch = (problem: string) =>
    new RgaeError('CORRUPT_FILE', `"${npyPath}" does not match its sidecar "${sidecarPath}": ${problem}. Regenerate the ensemble.`);
  const [n, rows, cols] = decoded.shape;
  if (decoded.shape.length !== 3 || rows !== cols) throw mismatch(`shape (${decoded.shape.join(', ')}) is not [nSamples, L, L]`);
  if (rows !== metadata.linearSize) throw mismatch(`L is ${rows} in the data and ${metadata.linearSize} in the sidecar`);
  if (n !== metadata.nSamples) throw mismatch(`${n} samples in the data, ${metadata.nSamples} in the sidecar`);
  if (decoded.dtype !== metadata.dtype || !isSpinData(decoded.data)) {
    throw mismatch(`dtype is ${decoded.dtype} in the data and ${metadata.dtype} in the sidecar`);
  }

  const batch: SpinBatch = { lattice: metadata.lattice, linearSize: rows, nSamples: n, data: decoded.data as SpinData };
  return { batch, metadata, path: npyPath };
}

/** Reads every ensemble in a folder (files `*.npy` with a sidecar), sorted by β. */
export async function readEnsembleFolder(folder: string): Promise<StoredEnsemble[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    throw new RgaeError('IO', `Cannot read the ensemble folder "${folder}": it does not exist or is not a folder.`);
  }
  const npyFiles = names.filter((name) => name.endsWith('.npy')).sort();
  if (npyFiles.length === 0) {
    throw new RgaeError('INVALID_ARGUMENT', `The folder "${folder}" contains no .npy ensembles. Write some with "rgae sample --out ${folder}".`);
  }
  const ensembles = await Promise.all(npyFiles.map((name) => readEnsemble(join(folder, name))));
  return ensembles.sort((a, b) => a.metadata.beta - b.metadata.beta);
}

async function readBytes(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch {
    throw new RgaeError('IO', `Cannot read "${path}": the file is missing or unreadable.`);
  }
}

async function readSidecar(path: string): Promise<EnsembleMetadata> {
  const text = new TextDecoder().decode(await readBytes(path));
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new RgaeError('CORRUPT_FILE', `Sidecar "${path}" is not valid JSON. Regenerate the ensemble.`);
  }
  const record = value as Partial<EnsembleMetadata>;
  if (record?.format !== ENSEMBLE_FORMAT) {
    throw new RgaeError('CORRUPT_FILE', `Sidecar "${path}" is not an rgae ensemble sidecar (format is ${JSON.stringify(record?.format)}, expected "${ENSEMBLE_FORMAT}").`);
  }
  if (typeof record.formatVersion !== 'number' || record.formatVersion > ENSEMBLE_FORMAT_VERSION) {
    throw new RgaeError('CORRUPT_FILE', `Sidecar "${path}" has format version ${record.formatVersion}; this rgae reads up to ${ENSEMBLE_FORMAT_VERSION}. Upgrade rgae.`);
  }
  for (const field of ['lattice', 'linearSize', 'nSamples', 'dtype', 'beta'] as const) {
    if (record[field] === undefined) throw new RgaeError('CORRUPT_FILE', `Sidecar "${path}" lacks the field "${field}".`);
  }
  return record as EnsembleMetadata;
}

export { dtypeOf };
