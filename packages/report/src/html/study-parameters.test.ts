import { describe, expect, it } from 'vitest';
import { studyParameterRows } from './study-parameters.js';

describe('studyParameterRows', () => {
  it('flattens nested objects and arrays into named rows', () => {
    const rows = studyParameterRows({
      spec: { lattice: 'ising', betas: [0.3, 0.4406867935097715], model: { id: 'conv-ae', options: {} } },
      seed: 7,
      plugins: [{ name: 'a', version: '1.0.0' }],
      tags: [],
      fineTune: false,
      note: null,
      skipped: undefined,
    });
    expect(rows).toEqual([
      ['spec.lattice', 'ising'],
      ['spec.betas', '0.3, 0.4406867935097715'],
      ['spec.model.id', 'conv-ae'],
      ['spec.model.options', '(empty)'],
      ['seed', '7'],
      ['plugins[0].name', 'a'],
      ['plugins[0].version', '1.0.0'],
      ['tags', '(none)'],
      ['fineTune', 'false'],
      ['note', 'null'],
    ]);
  });

  it('marks a circular reference instead of recursing', () => {
    const study: Record<string, unknown> = { seed: 1 };
    study.self = study;
    expect(studyParameterRows(study)).toEqual([
      ['seed', '1'],
      ['self', '(circular reference)'],
    ]);
  });
});
