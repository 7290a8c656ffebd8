import { cp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic, type Registry, type StageDefinition, type StudyConfig, type StudyTestResult } from '@rgae/core';
import { writeReport } from '@rgae/report';
import { MODEL_STAGES } from '@rgae/core';

export interface ReportStageSummary {
  html: string;
  results: string;
  backend: string;
  figures: number;
  tables: number;
}

/**
 * Stage 7: publishes the study at the top of the run directory: results.json, tables/*.csv, figures/*.svg and
 * .png, report.html and models/. Each file is written atomically, so a reader never sees a partial report.
 */
export function reportStage({ provenance }: { registry: Registry; provenance: Record<string, unknown> }): StageDefinition<StudyConfig, ReportStageSummary> {
  return {
    name: 'report',
    version: 1,
    dependsOn: ['tests', MODEL_STAGES.rg, MODEL_STAGES.ae],
    inputs: () => ({}),
    async run({ config, runDir, upstream }) {
      const resultsText = await readFile(join(upstream.tests.dir, 'results.json'), 'utf8');
      const record = JSON.parse(resultsText) as { backend: string; results: StudyTestResult[] };
      await writeFileAtomic(join(runDir, 'results.json'), resultsText);

      for (const key of ['rg', 'ae'] as const) {
        await cp(join(upstream[MODEL_STAGES[key]].dir, 'model'), join(runDir, 'models', key), { recursive: true, force: true });
      }

      const written = await writeReport(runDir, {
        title: `rgae study: ${config.scheme} vs ${config.model} on ${config.lattice}, L = ${config.linearSize}`,
        study: { ...config, points: undefined, temperatures: config.points.map((p) => p.temperature).join(', '), ...provenance, backend: record.backend },
        results: record.results,
      });
      return { html: 'report.html', results: 'results.json', backend: record.backend, figures: written.figures.length, tables: written.tables.length };
    },
  };
}
