import { describe, expect, it } from 'vitest';
import type { StudyTestDefinition, StudyTestResult } from '../metric/study-test.js';
import type { StudyContext } from '../study/study-context.js';
import { createStudyContextFixture } from './study-context-fixture.js';
import { checkStudyTestResult, describeStudyTestConformance } from './study-test-conformance.js';

const test = { id: 'demo', title: 'Demo test' };

function wellFormed(): StudyTestResult {
  return {
    id: 'demo',
    title: 'Demo test',
    verdict: 'RG keeps more (0.9 vs 0.7).',
    scalars: { count: 3, note: 'text', share: { mean: 0.9, error: 0.01 } },
    tables: [{ id: 'shares', caption: 'Shares per temperature.', columns: ['T', 'share', 'note'], rows: [[1.5, 0.9, 'ok'], [2, null, 'missing']] }],
    figures: [{ id: 'shares', caption: 'Shares.', spec: { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', data: { values: [{ x: 1, y: 2 }] }, mark: 'line' } }],
  };
}

describe('checkStudyTestResult', () => {
  it('accepts a well-formed result', () => {
    expect(checkStudyTestResult(test, wellFormed())).toEqual([]);
  });

  it('reports a foreign id and a multi-line verdict', () => {
    const result = { ...wellFormed(), id: 'other', verdict: 'first\nsecond' };
    expect(checkStudyTestResult(test, result)).toEqual([
      'result.id is "other", the test\'s id is "demo"',
      'verdict spans several lines: "first\\nsecond"',
    ]);
  });

  it('reports rows of the wrong length and non-finite cells', () => {
    const result = wellFormed();
    result.tables[0].rows.push([3, 0.5], [3, NaN, 'bad']);
    expect(checkStudyTestResult(test, result)).toEqual([
      'tables[0] "shares" row 2 has 2 cells for 3 columns',
      'tables[0] "shares" row 3, column "share" is NaN; expected a string, a finite number or null',
    ]);
  });

  it('reports non-finite scalars', () => {
    const result = { ...wellFormed(), scalars: { chi: Infinity, length: { mean: 1, error: NaN } } };
    expect(checkStudyTestResult(test, result)).toHaveLength(2);
  });

  it('reports figures without a schema, without data or with NaN inside', () => {
    const result = wellFormed();
    result.figures.push(
      { id: 'bare', caption: 'No schema.', spec: { data: { values: [{ x: 1 }] } } },
      { id: 'empty', caption: 'No rows.', spec: { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', data: { values: [] } } },
      { id: 'nan', caption: 'NaN inside.', spec: { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', data: { values: [{ x: NaN }] } } },
    );
    expect(checkStudyTestResult(test, result)).toEqual([
      'figures[1] "bare": spec.$schema is undefined; expected a vega-lite schema URL',
      'figures[2] "empty": spec has no inline data rows (spec.data.values)',
      'figures[3] "nan": spec does not survive a JSON round trip (NaN, Infinity or a typed array inside)',
    ]);
  });

  it('reports repeated table ids', () => {
    const result = wellFormed();
    result.tables.push({ ...result.tables[0] });
    expect(checkStudyTestResult(test, result)).toEqual(['tables[1] "shares": the id appears twice']);
  });
});

const demoTest: StudyTestDefinition<StudyContext> = {
  id: 'demo',
  title: 'Demo test',
  description: 'Counts the thermal points.',
  supports: (lattice) => lattice === 'ising',
  run: async (context) => ({ ...wellFormed(), scalars: { points: context.points.length } }),
};

describeStudyTestConformance(demoTest, { context: () => createStudyContextFixture({ nSamples: 10 }) });
