import { join } from 'node:path';
import {
  coarseEnsembleStage,
  coarsenStage,
  ensembleStage,
  prepareRunDirectory,
  readDataset,
  runStages,
  testsStage,
  type Registry,
  type StageDefinition,
  type StudyConfig,
  type TestsStageSummary,
} from '@rgae/core';
import { selectBackend } from '@rgae/models';
import { createProgress } from '../render/progress.js';
import { renderTable } from '../render/table.js';
import { modelStages } from './model-stages.js';
import { reportStage, type ReportStageSummary } from './report-stage.js';
import { packageVersions } from './package-versions.js';

export interface StudySummary {
  runDir: string;
  state: 'new' | 'resumed' | 'replaced';
  report: string;
  results: string;
  backend: string;
  tests: TestsStageSummary['tests'];
}

export interface RunStudyOptions {
  registry: Registry;
  config: StudyConfig;
  out: string;
  force: boolean;
  json: boolean;
  log(line: string): void;
}

/** Prepares the run directory, runs (or resumes) every stage, and prints the summary table. */
export async function runStudy({ registry, config, out, force, json, log }: RunStudyOptions): Promise<StudySummary> {
  // Checks that can fail run before the run directory is created, so bad input leaves no files behind.
  await selectBackend(config.backend);
  if (config.dataset !== null) await readDataset(config, registry);

  const versions = await packageVersions();
  const plugins = registry.loadedPlugins();
  const { state } = await prepareRunDirectory(out, { config, versions, plugins }, force);
  const skipped = registry.all('test').filter((t) => !config.tests.includes(t.id)).map((t) => t.id);

  const progress = createProgress();
  progress.done(`${state === 'resumed' ? 'Resuming' : 'Starting'} study in ${out} (preset ${config.preset}, ${config.lattice}, L = ${config.linearSize}, ${config.points.length} temperatures)`);
  if (skipped.length > 0) progress.done(`Not running tests ${skipped.join(', ')}: not selected or not supporting lattice "${config.lattice}".`);
  const onProgress = (event: { stage: string; done: number; total: number }) => progress.update(event.stage, event);

  const stages = [
    ensembleStage({ registry, onProgress }),
    coarsenStage({ registry }),
    coarseEnsembleStage({ registry, onProgress }),
    ...modelStages({ registry, onProgress }),
    testsStage({ registry, provenance: { versions, plugins } }),
    reportStage({ registry, provenance: { versions, plugins } }),
  ] as StageDefinition<StudyConfig>[];

  const results = await runStages(stages, {
    runDir: out,
    config,
    logger: { debug: () => undefined, info: (m) => progress.done(m), warn: (m) => progress.done(`warning: ${m}`) },
    onStage: ({ name, status, index, total, seconds }) => {
      const step = `[${index + 1}/${total}] ${name}`;
      if (status === 'cached') progress.done(`${step}: cached`);
      if (status === 'done') progress.done(`${step}: done in ${seconds!.toFixed(1)} s`);
    },
  });

  const tests = (results.tests.summary as TestsStageSummary).tests;
  const report = results.report.summary as ReportStageSummary;
  const summary: StudySummary = {
    runDir: out,
    state,
    report: join(out, report.html),
    results: join(out, report.results),
    backend: report.backend,
    tests,
  };
  if (!json) {
    log(renderTable(['test', 'verdict'], tests.map((t) => [t.id, t.verdict])));
    log('');
    log(`Report: ${summary.report}`);
    log(`Results: ${summary.results} (training backend: ${summary.backend})`);
  }
  return summary;
}
