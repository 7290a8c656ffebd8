import type { ResultTable, StudyTestResult } from '@rgae/core';

/** Everything the report shows: the study's parameters and the results of its tests. */
export interface ReportInput {
  title: string;
  /** The resolved study: spec, seed, versions, plugins and compute backend, shown as a parameter table. */
  study: Record<string, unknown>;
  results: StudyTestResult[];
  /** One table that compares the models across all tests, shown first. */
  summary?: ResultTable;
  /** Remarks shown under the summary, e.g. warnings about unreliable error bars. */
  notes?: string[];
}

/** Paths of the files that `writeReport` wrote. */
export interface ReportFiles {
  html: string;
  /** Every figure file, `.svg` and `.png`. */
  figures: string[];
  tables: string[];
  /** Warnings of the figure renderer (vega-lite and vega), each prefixed with its figure and test. */
  warnings: string[];
}
