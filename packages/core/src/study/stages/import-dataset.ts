import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Registry } from '../../di/registry.js';
import { RgaeError } from '../../errors/rgae-error.js';
import { ENSEMBLE_FORMAT, ENSEMBLE_FORMAT_VERSION, writeEnsemble, type EnsembleMetadata } from '../../io/ensemble-files.js';
import { decodeNpy } from '../../io/npy.js';
import type { SpinBatch, SpinData } from '../../lattice/spin-batch.js';
import type { StudyConfig } from '../study-config.js';
import type { EnsembleStageSummary } from './ensemble-stage.js';

/**
 * Imports ensembles produced elsewhere. The folder contains `.npy` files of shape [nSamples, L, L] and either an
 * rgae sidecar `<name>.json` beside each, or one `temperatures.json` mapping file names to temperatures
 * (`{"run-a.npy": 2.0, …}`). Every file must have the study's L and the lattice's dtype and spin values.
 */
export async function importDataset(config: StudyConfig, registry: Registry, outputDir: string): Promise<EnsembleStageSummary> {
  const imported = await readDataset(config, registry);
  const files: string[] = [];
  for (const { batch, metadata } of imported) files.push((await writeEnsemble(outputDir, batch, metadata)).slice(outputDir.length + 1));
  return { files, linearSize: config.linearSize, temperatures: imported.map((e) => e.metadata.temperature), tauIntSweeps: imported.map(() => ({})), spacingSweeps: imported.map(() => 0) };
}

/**
 * Reads and checks every ensemble of `config.dataset`, sorted by temperature, without writing anything. The
 * study runs it before creating its run directory, so a bad dataset leaves no files behind.
 */
export async function readDataset(config: StudyConfig, registry: Registry): Promise<Array<{ batch: SpinBatch; metadata: EnsembleMetadata }>> {
  const folder = config.dataset!;
  const model = registry.get('lattice', config.lattice);
  const fail = (problem: string) => new RgaeError('INVALID_ARGUMENT', `--dataset "${folder}": ${problem}`);

  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    throw fail('the folder does not exist or cannot be read.');
  }
  const npyFiles = names.filter((n) => n.endsWith('.npy')).sort();
  if (npyFiles.length < 3) throw fail(`needs at least 3 .npy ensembles (one per temperature), found ${npyFiles.length}.`);
  const manifest = names.includes('temperatures.json') ? await readManifest(join(folder, 'temperatures.json'), fail) : undefined;

  const imported: Array<{ batch: SpinBatch; metadata: EnsembleMetadata }> = [];
  for (const file of npyFiles) {
    const temperature = await temperatureOf(folder, file, names, manifest, fail);
    const decoded = decodeNpy(new Uint8Array(await readFile(join(folder, file))), join(folder, file));
    const [nSamples, rows, cols] = decoded.shape;
    if (decoded.shape.length !== 3 || rows !== cols) throw fail(`${file} has shape (${decoded.shape.join(', ')}); expected [nSamples, L, L].`);
    if (rows !== config.linearSize) throw fail(`${file} has L = ${rows}, the study has L = ${config.linearSize}. Pass -L ${rows} or use matching files.`);
    if (decoded.dtype !== model.dtype) throw fail(`${file} contains ${decoded.dtype} values; lattice "${model.id}" stores ${model.dtype}.`);
    if (model.id === 'ising' && decoded.data.some((v) => v !== 1 && v !== -1)) throw fail(`${file} contains values other than ±1.`);

    const beta = 1 / temperature;
    const batch: SpinBatch = { lattice: model.id, linearSize: rows, nSamples, data: decoded.data as SpinData };
    const params = { linearSize: rows, beta, coupling: config.coupling, field: config.field };
    const series = Object.fromEntries(model.observables.map((name) => [name, new Float64Array(nSamples)]));
    for (let n = 0; n < nSamples; n++) {
      const measurement = model.measure(batch.data.subarray(n * rows * rows, (n + 1) * rows * rows) as never, params);
      for (const name of model.observables) series[name][n] = measurement[name];
    }
    const metadata: EnsembleMetadata = {
      format: ENSEMBLE_FORMAT,
      formatVersion: ENSEMBLE_FORMAT_VERSION,
      lattice: model.id,
      linearSize: rows,
      nSamples,
      dtype: model.dtype,
      beta,
      temperature,
      coupling: config.coupling,
      field: config.field,
      sampler: 'external',
      seed: config.seed,
      thermalisationSweeps: 0,
      spacingSweeps: 0,
      tauIntSweeps: {},
      tauIntSamples: {},
      observables: nSamples >= 20 ? model.summarize(series, params) : {},
      source: join(folder, file),
    };
    imported.push({ batch, metadata });
  }

  const temperatures = imported.map((e) => e.metadata.temperature);
  const duplicate = temperatures.find((t, i) => temperatures.indexOf(t) !== i);
  if (duplicate !== undefined) throw fail(`two files have temperature ${duplicate}; give one ensemble per temperature.`);

  return imported.sort((a, b) => a.metadata.temperature - b.metadata.temperature);
}

/**
 * Reads the sorted temperatures of a dataset folder's ensembles from the sidecars or temperatures.json,
 * without loading the configurations. The study takes its thermal points from them.
 */
export async function datasetTemperatures(folder: string): Promise<number[]> {
  const fail = (problem: string) => new RgaeError('INVALID_ARGUMENT', `--dataset "${folder}": ${problem}`);
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    throw fail('the folder does not exist or cannot be read.');
  }
  const manifest = names.includes('temperatures.json') ? await readManifest(join(folder, 'temperatures.json'), fail) : undefined;
  const npyFiles = names.filter((n) => n.endsWith('.npy')).sort();
  const temperatures: number[] = [];
  for (const file of npyFiles) temperatures.push(await temperatureOf(folder, file, names, manifest, fail));
  return temperatures.sort((a, b) => a - b);
}

async function readManifest(path: string, fail: (p: string) => RgaeError): Promise<Record<string, number>> {
  try {
    const value = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
    for (const [file, temperature] of Object.entries(value)) {
      if (typeof temperature !== 'number' || !(temperature > 0)) throw fail(`temperatures.json gives ${JSON.stringify(temperature)} for ${file}; expected a temperature > 0.`);
    }
    return value as Record<string, number>;
  } catch (error) {
    if (error instanceof RgaeError) throw error;
    throw fail('temperatures.json is not valid JSON; expected {"file.npy": temperature, …}.');
  }
}

async function temperatureOf(
  folder: string,
  file: string,
  names: string[],
  manifest: Record<string, number> | undefined,
  fail: (p: string) => RgaeError,
): Promise<number> {
  if (manifest && manifest[file] !== undefined) return manifest[file];
  const sidecar = file.replace(/\.npy$/, '.json');
  if (names.includes(sidecar)) {
    try {
      const record = JSON.parse(await readFile(join(folder, sidecar), 'utf8')) as { temperature?: number; beta?: number };
      if (typeof record.temperature === 'number' && record.temperature > 0) return record.temperature;
      if (typeof record.beta === 'number' && record.beta > 0) return 1 / record.beta;
    } catch {
      throw fail(`sidecar ${sidecar} is not valid JSON.`);
    }
  }
  throw fail(`no temperature for ${file}: add an rgae sidecar ${sidecar} or list it in temperatures.json ({"${file}": 2.27}).`);
}
