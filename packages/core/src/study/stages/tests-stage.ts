import { join } from 'node:path';
import type { Registry } from '../../di/registry.js';
import { writeFileAtomic } from '../../io/atomic-write.js';
import type { StudyTestResult } from '../../metric/study-test.js';
import { readModelArtefacts, readThermometerReadings } from '../artefact-files.js';
import { selectSamples, splitIndices } from '../data-split.js';
import type { StageDefinition, StageResult } from '../stage-runner.js';
import type { StudyConfig } from '../study-config.js';
import type { StudyContext } from '../study-context.js';
import { loadCoarseBatches, type CoarsenStageSummary } from './coarsen-stage.js';
import { loadStageEnsembles, type EnsembleStageSummary } from './ensemble-stage.js';

export const RESULTS_FORMAT = 'rgae.results';
export const RESULTS_FORMAT_VERSION = 1;

/** Stage names the tests stage reads; the model stages store artefacts under `<stage>/artefacts`. */
export const MODEL_STAGES = { rg: 'rg-model', ae: 'ae-model', thermometers: 'thermometers' } as const;

export interface TestsStageSummary {
  tests: Array<{ id: string; title: string; verdict: string }>;
}

/**
 * Builds the study context from the cached stages: held-out originals and their coarse-graining per point,
 * both models' artefacts and the thermometer readings.
 */
export async function loadStudyContext(registry: Registry, config: StudyConfig, upstream: Record<string, StageResult>): Promise<StudyContext> {
  const lattice = registry.get('lattice', config.lattice);
  const ensembles = await loadStageEnsembles(upstream.ensembles.dir, upstream.ensembles.summary as EnsembleStageSummary);
  const coarse = await loadCoarseBatches(upstream.coarsen.dir, upstream.coarsen.summary as CoarsenStageSummary, lattice.id);
  const splits = ensembles.map((e, i) => splitIndices(e.batch.nSamples, config.seed, i));
  const rgSummary = upstream[MODEL_STAGES.rg].summary as { backend?: string };

  return {
    config,
    lattice,
    scheme: registry.get('scheme', config.scheme),
    points: ensembles.map((e) => ({ beta: e.metadata.beta, temperature: e.metadata.temperature })),
    original: ensembles.map((e, i) => selectSamples(e.batch, splits[i].test)),
    coarse: coarse.map((batch, i) => selectSamples(batch, splits[i].test)),
    models: {
      rg: await readModelArtefacts(join(upstream[MODEL_STAGES.rg].dir, 'artefacts'), lattice),
      ae: await readModelArtefacts(join(upstream[MODEL_STAGES.ae].dir, 'artefacts'), lattice),
    },
    thermometers: {
      coarse: await readThermometerReadings(upstream[MODEL_STAGES.thermometers].dir, 'coarse'),
      fine: await readThermometerReadings(upstream[MODEL_STAGES.thermometers].dir, 'fine'),
    },
    backend: rgSummary.backend ?? 'unknown',
  };
}

/** Stage 6: runs every selected study test on the context and writes results.json into the stage folder. */
export function testsStage({ registry, provenance }: { registry: Registry; provenance: Record<string, unknown> }): StageDefinition<StudyConfig, TestsStageSummary> {
  return {
    name: 'tests',
    version: 5,
    dependsOn: ['ensembles', 'coarsen', MODEL_STAGES.rg, MODEL_STAGES.ae, MODEL_STAGES.thermometers],
    inputs: (c) => ({ tests: c.tests }),
    async run({ config, outputDir, upstream }) {
      const context = await loadStudyContext(registry, config, upstream);
      const results: StudyTestResult[] = [];
      for (const id of config.tests) {
        const result = await registry.get('test', id).run(context);
        // Verdicts often open with a model label ("plain AE …"); as the report's sentences they start upper case.
        results.push({ ...result, verdict: result.verdict.charAt(0).toUpperCase() + result.verdict.slice(1) });
      }
      const record = { format: RESULTS_FORMAT, formatVersion: RESULTS_FORMAT_VERSION, config, ...provenance, backend: context.backend, results };
      await writeFileAtomic(join(outputDir, 'results.json'), JSON.stringify(record, numericReplacer, 2) + '\n');
      return { tests: results.map(({ id, title, verdict }) => ({ id, title, verdict })) };
    },
  };
}

/** JSON has no NaN or Infinity: store them as null, and typed arrays as plain arrays. */
function numericReplacer(_key: string, value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return Array.from(value as unknown as ArrayLike<number>);
  return value;
}
