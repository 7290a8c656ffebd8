import { beforeAll, describe, expect, it } from 'vitest';
import type { StudyTestDefinition, StudyTestResult } from '../metric/study-test.js';
import type { StudyContext } from '../study/study-context.js';

export interface StudyTestConformanceOptions {
  /** The context the test runs on, or a function that builds it (called once). */
  context: StudyContext | (() => StudyContext | Promise<StudyContext>);
}

/** The registry's id rule: lower-case letters, digits, '.', '_' and '-', optionally namespaced as plugin/id. */
const ID_PATTERN = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)?$/;
const VEGA_LITE_SCHEMA = /^https:\/\/vega\.github\.io\/schema\/vega-lite\//;

/**
 * Lists what is wrong with a study test's result, or returns an empty list for a well-formed one. It checks
 * the id and title, a one-line verdict and JSON-safe scalars. Table rows must be as long as the columns and
 * contain only strings, finite numbers or null. Figures must be vega-lite specs with a `$schema` and inline
 * data that survive a JSON round trip.
 */
export function checkStudyTestResult(test: Pick<StudyTestDefinition, 'id' | 'title'>, result: StudyTestResult): string[] {
  const problems: string[] = [];
  if (result.id !== test.id) problems.push(`result.id is ${JSON.stringify(result.id)}, the test's id is "${test.id}"`);
  if (result.title !== test.title) problems.push(`result.title is ${JSON.stringify(result.title)}, the test's title is "${test.title}"`);
  problems.push(...verdictProblems(result.verdict));
  problems.push(...scalarProblems(result.scalars));
  problems.push(...tableProblems(result.tables));
  problems.push(...figureProblems(result.figures));
  return problems;
}

function verdictProblems(verdict: unknown): string[] {
  if (typeof verdict !== 'string' || verdict.trim() === '') return [`verdict is ${JSON.stringify(verdict)}; expected a non-empty line`];
  if (/[\r\n]/.test(verdict)) return [`verdict spans several lines: ${JSON.stringify(verdict)}`];
  return [];
}

function scalarProblems(scalars: unknown): string[] {
  if (typeof scalars !== 'object' || scalars === null) return [`scalars is ${JSON.stringify(scalars)}; expected an object`];

  const problems: string[] = [];
  for (const [key, value] of Object.entries(scalars)) {
    if (typeof value === 'string') continue;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) problems.push(`scalar "${key}" is ${value}; expected a finite number`);
      continue;
    }
    const estimate = value as { mean?: unknown; error?: unknown } | null;
    const finite = (x: unknown) => typeof x === 'number' && Number.isFinite(x);
    if (estimate === null || typeof estimate !== 'object' || !finite(estimate.mean) || !finite(estimate.error) || (estimate.error as number) < 0) {
      problems.push(`scalar "${key}" is ${JSON.stringify(value)}; expected a string, a finite number or { mean, error } with finite mean and error ≥ 0`);
    }
  }
  return problems;
}

function tableProblems(tables: unknown): string[] {
  if (!Array.isArray(tables)) return [`tables is ${JSON.stringify(tables)}; expected an array`];

  const problems: string[] = [];
  const ids = new Set<string>();
  tables.forEach((table, t) => {
    const where = `tables[${t}] "${table?.id}"`;
    if (typeof table?.id !== 'string' || table.id === '') problems.push(`tables[${t}] has no id`);
    else if (ids.has(table.id)) problems.push(`${where}: the id appears twice`);
    ids.add(table?.id);
    if (typeof table?.caption !== 'string' || table.caption.trim() === '') problems.push(`${where}: the caption is empty`);
    if (!Array.isArray(table?.columns) || table.columns.length === 0) {
      problems.push(`${where}: columns is empty`);
      return;
    }
    if (!Array.isArray(table.rows)) {
      problems.push(`${where}: rows is not an array`);
      return;
    }
    table.rows.forEach((row: unknown, r: number) => problems.push(...rowProblems(where, table.columns, row, r)));
  });
  return problems;
}

function rowProblems(where: string, columns: string[], row: unknown, r: number): string[] {
  if (!Array.isArray(row)) return [`${where} row ${r} is not an array`];
  if (row.length !== columns.length) return [`${where} row ${r} has ${row.length} cells for ${columns.length} columns`];

  const problems: string[] = [];
  row.forEach((value, c) => {
    const valid = value === null || typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
    if (!valid) problems.push(`${where} row ${r}, column "${columns[c]}" is ${String(value)}; expected a string, a finite number or null`);
  });
  return problems;
}

function figureProblems(figures: unknown): string[] {
  if (!Array.isArray(figures)) return [`figures is ${JSON.stringify(figures)}; expected an array`];

  const problems: string[] = [];
  const ids = new Set<string>();
  figures.forEach((figure, f) => {
    const where = `figures[${f}] "${figure?.id}"`;
    if (typeof figure?.id !== 'string' || figure.id === '') problems.push(`figures[${f}] has no id`);
    else if (ids.has(figure.id)) problems.push(`${where}: the id appears twice`);
    ids.add(figure?.id);
    if (typeof figure?.caption !== 'string' || figure.caption.trim() === '') problems.push(`${where}: the caption is empty`);

    const spec = figure?.spec as Record<string, unknown> | undefined;
    if (typeof spec?.$schema !== 'string' || !VEGA_LITE_SCHEMA.test(spec.$schema)) {
      problems.push(`${where}: spec.$schema is ${JSON.stringify(spec?.$schema)}; expected a vega-lite schema URL`);
    }
    if (!hasInlineData(spec)) problems.push(`${where}: spec has no inline data rows (spec.data.values)`);
    if (spec !== undefined && JSON.stringify(JSON.parse(JSON.stringify(spec))) !== JSON.stringify(spec, rejectNonJson)) {
      problems.push(`${where}: spec does not survive a JSON round trip (NaN, Infinity or a typed array inside)`);
    }
  });
  return problems;
}

function hasInlineData(spec: Record<string, unknown> | undefined): boolean {
  const values = (spec?.data as { values?: unknown } | undefined)?.values;
  return Array.isArray(values) && values.length > 0;
}

/** Marks values that JSON.stringify would silently change, so that the round-trip comparison differs. */
function rejectNonJson(_key: string, value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) return `<${value}>`;
  if (ArrayBuffer.isView(value)) return '<typed array>';
  return value;
}

/**
 * Registers the vitest suite every study test passes: a valid (optionally namespaced) id, a title and description,
 * support for the context's lattice, a well-formed result (see `checkStudyTestResult`) and the same result
 * on a second run. Call it at the top level of a test file.
 */
export function describeStudyTestConformance<C extends StudyContext>(test: StudyTestDefinition<C>, options: StudyTestConformanceOptions): void {
  describe(`study test "${test.id}" conformance`, () => {
    let context: StudyContext;
    let result: StudyTestResult;

    beforeAll(async () => {
      context = typeof options.context === 'function' ? await options.context() : options.context;
      result = await test.run(context as C);
    });

    it('declares an id, title and description', () => {
      expect(ID_PATTERN.test(test.id), `id "${test.id}" must use lower-case letters, digits, '.', '_' or '-', optionally namespaced as plugin/id`).toBe(true);
      expect(test.title.trim(), 'title').not.toBe('');
      expect(test.description.trim(), 'description').not.toBe('');
    });

    it('supports the lattice of its context', () => {
      expect(test.supports(context.lattice.id), `supports("${context.lattice.id}")`).toBe(true);
    });

    it('returns a well-formed result', () => {
      expect(checkStudyTestResult(test, result)).toEqual([]);
    });

    it('returns at least one table', () => {
      expect(result.tables.length, 'number of tables').toBeGreaterThan(0);
    });

    it('returns the same result on a second run', async () => {
      const again = await test.run(context as C);
      expect(JSON.stringify(again), 'the result of a second run on the same context').toBe(JSON.stringify(result));
    });
  });
}
