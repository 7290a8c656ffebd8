import { join } from 'node:path';
import type { Registry } from '../../di/registry.js';
import { readEnsemble, writeEnsemble, type EnsembleMetadata, type StoredEnsemble } from '../../io/ensemble-files.js';
import type { ProgressCallback } from '../../logging/logger.js';
import { generateEnsemble } from '../../sampler/generate-ensemble.js';
import type { StageDefinition } from '../stage-runner.js';
import { thermometerTemperatures, type StudyConfig } from '../study-config.js';
import { importDataset } from './import-dataset.js';

/** Summary of a stage that stored one ensemble per thermal point: the .npy files relative to the stage folder. */
export interface EnsembleStageSummary {
  files: string[];
  linearSize: number;
  temperatures: number[];
  tauIntSweeps: Array<Record<string, number>>;
  spacingSweeps: number[];
}

export interface EnsembleStageOptions {
  registry: Registry;
  onProgress?: ProgressCallback;
}

/**
 * Stage 1: the fine ensembles, one per thermal point, drawn with the study's sampler (spacing ≥ 2·τ_int),
 * or imported from `config.dataset`.
 */
export function ensembleStage({ registry, onProgress }: EnsembleStageOptions): StageDefinition<StudyConfig, EnsembleStageSummary> {
  return {
    name: 'ensembles',
    version: 1,
    dependsOn: [],
    inputs: (c) => ({ lattice: c.lattice, sampler: c.sampler, L: c.linearSize, points: c.points, n: c.nSamples, seed: c.seed, J: c.coupling, h: c.field, dataset: c.dataset }),
    async run({ config, outputDir }) {
      if (config.dataset !== null) return importDataset(config, registry, outputDir);
      return sampleEnsembles(registry, config, config.linearSize, config.nSamples, outputDir, 'ensembles', onProgress);
    },
  };
}

/**
 * Stage 2b: fresh ensembles at the coarse size L/b^k, the thermometer's training set, over the study's
 * temperatures widened by `thermometerTemperatures`. Independent streams: the seed is offset so they share no
 * random numbers with the fine ensembles.
 */
export function coarseEnsembleStage({ registry, onProgress }: EnsembleStageOptions): StageDefinition<StudyConfig, EnsembleStageSummary> {
  return {
    name: 'coarse-ensembles',
    version: 2,
    dependsOn: [],
    inputs: (c) => ({ lattice: c.lattice, sampler: c.sampler, L: c.linearSize, b: c.blockSize, k: c.levels, points: c.points, n: c.thermometerSamples, seed: c.seed, J: c.coupling, h: c.field }),
    async run({ config, outputDir }) {
      const coarseSize = config.linearSize / config.blockSize ** config.levels;
      const points = thermometerTemperatures(config.points).map((temperature) => ({ temperature, beta: 1 / temperature }));
      return sampleEnsembles(registry, { ...config, points }, coarseSize, config.thermometerSamples, outputDir, 'coarse-ensembles', onProgress);
    },
  };
}

async function sampleEnsembles(
  registry: Registry,
  config: StudyConfig,
  linearSize: number,
  nSamples: number,
  outputDir: string,
  stage: string,
  onProgress?: ProgressCallback,
): Promise<EnsembleStageSummary> {
  const model = registry.get('lattice', config.lattice);
  const sampler = registry.getSampler(config.lattice, config.sampler);
  const seed = stage === 'ensembles' ? config.seed : config.seed + 1_000_003;
  const metadata: EnsembleMetadata[] = [];
  const files: string[] = [];

  for (const [index, point] of config.points.entries()) {
    const ensemble = generateEnsemble(model, sampler, {
      params: { linearSize, beta: point.beta, coupling: config.coupling, field: config.field },
      nSamples,
      seed,
      onProgress: (event) => onProgress?.({ stage, done: index * nSamples + (event.stage === 'sample' ? event.done : 0), total: config.points.length * nSamples }),
    });
    const path = await writeEnsemble(outputDir, ensemble.batch, ensemble.metadata);
    files.push(path.slice(outputDir.length + 1));
    metadata.push(ensemble.metadata);
  }
  return {
    files,
    linearSize,
    temperatures: config.points.map((p) => p.temperature),
    tauIntSweeps: metadata.map((m) => m.tauIntSweeps),
    spacingSweeps: metadata.map((m) => m.spacingSweeps),
  };
}

/** Reads the ensembles a stage stored, in the order of its summary (one per thermal point). */
export async function loadStageEnsembles(stageDir: string, summary: EnsembleStageSummary): Promise<StoredEnsemble[]> {
  return Promise.all(summary.files.map((file) => readEnsemble(join(stageDir, file))));
}
