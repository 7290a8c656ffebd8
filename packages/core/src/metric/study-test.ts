import type { Estimate } from '../stats/estimate.js';

export interface ResultTable {
  id: string;
  caption: string;
  columns: string[];
  rows: Array<Array<string | number | null>>;
}

/** A declarative figure (a vega-lite spec with inline data), rendered by the report stage. */
export interface FigureSpec {
  id: string;
  caption: string;
  spec: Record<string, unknown>;
}

export interface StudyTestResult {
  id: string;
  title: string;
  /** One line: which model keeps more of what this test measures. */
  verdict: string;
  scalars: Record<string, Estimate | number | string>;
  tables: ResultTable[];
  figures: FigureSpec[];
}

/** A test of the study's series; `C` is the study context type of the runner. */
export interface StudyTestDefinition<C = unknown> {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  supports(lattice: string): boolean;
  run(context: C): Promise<StudyTestResult>;
}
