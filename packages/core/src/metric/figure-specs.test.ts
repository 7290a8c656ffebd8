import { describe, expect, it } from 'vitest';
// vega-lite is a dependency of @rgae/report, not of core: only this test imports it, to prove the specs compile.
import { compile, type TopLevelSpec } from 'vega-lite';
import { barChart, facetedHeatmaps, heatmap, lineChart, type VegaLiteSpec } from './figure-specs.js';

interface CompiledFigure {
  vega: Record<string, unknown>;
  warnings: string[];
}

/** Compiles with vega-lite and keeps its warnings, which it would otherwise print. */
function compileSpec(spec: VegaLiteSpec): CompiledFigure {
  const warnings: string[] = [];
  const logger = {
    level: () => 2,
    warn: (...args: unknown[]) => (warnings.push(args.join(' ')), logger),
    error: (...args: unknown[]) => (warnings.push(args.join(' ')), logger),
    info: () => logger,
    debug: () => logger,
  };
  const vega = compile(spec as unknown as TopLevelSpec, { logger: logger as never }).spec as unknown as Record<string, unknown>;
  return { vega, warnings };
}

function axisTitles(vega: Record<string, unknown>): string[] {
  const text = JSON.stringify(vega);
  return [...text.matchAll(/"title":"([^"]*)"/g)].map((match) => match[1]);
}

/** Magnetisation per temperature for three models, with errors: the typical study line chart. */
const MAGNETISATION_ROWS = ['original', 'rg-embedded', 'plain-ae'].flatMap((model, m) =>
  [1.5, 2.0, 2.269, 2.5, 3.0].map((temperature) => ({
    model,
    temperature,
    magnetisation: Math.tanh(3 - temperature) * (1 - 0.1 * m),
    error: 0.01 + 0.005 * m,
  })),
);

describe('lineChart', () => {
  const spec = lineChart({
    title: 'Magnetisation of reconstructed configurations',
    data: MAGNETISATION_ROWS,
    x: 'temperature',
    y: 'magnetisation',
    error: 'error',
    color: 'model',
    xTitle: 'temperature T (J/k_B)',
    yTitle: 'magnetisation per site |m|',
    referenceLines: [
      { orientation: 'vertical', value: 2.269, label: 'T_c' },
      { orientation: 'horizontal', value: 0, label: 'm = 0' },
      { orientation: 'identity', label: 'y = x' },
    ],
  });

  it('compiles with vega-lite without warnings', () => {
    const { vega, warnings } = compileSpec(spec);
    expect(warnings).toEqual([]);
    expect(vega.marks).toBeDefined();
  });

  it('is plain JSON with inline data and an explicit size', () => {
    expect(JSON.parse(JSON.stringify(spec))).toStrictEqual(spec);
    expect(JSON.stringify(spec)).not.toContain('"url"');
    expect(spec.width).toBe(480);
    expect(spec.height).toBe(300);
    expect((spec.data as { values: unknown[] }).values).toHaveLength(15);
  });

  it('titles both axes with their units', () => {
    const titles = axisTitles(compileSpec(spec).vega);
    expect(titles).toContain('temperature T (J/k_B)');
    expect(titles).toContain('magnetisation per site |m|');
  });

  it('keeps the series in the given order', () => {
    const layer = (spec.layer as Array<{ encoding: { color: { scale: { domain: string[] } } } }>)[0];
    expect(layer.encoding.color.scale.domain).toEqual(['original', 'rg-embedded', 'plain-ae']);
  });

  it('draws a vertical rule at the given x', () => {
    const rules = (spec.layer as Array<{ mark: { type?: string }; data?: { values: Array<Record<string, unknown>> } }>).filter(
      (layer) => layer.mark.type === 'rule',
    );
    expect(rules[0].data?.values[0].temperature).toBe(2.269);
    expect(rules[1].data?.values[0].magnetisation).toBe(0);
  });

  it('accepts null for a missing value', () => {
    const data = [
      { temperature: 1, magnetisation: 0.9 },
      { temperature: 2, magnetisation: null },
    ];
    const { warnings } = compileSpec(lineChart({ title: 'gap', data, x: 'temperature', y: 'magnetisation', xTitle: 'T (J/k_B)', yTitle: '|m|' }));
    expect(warnings).toEqual([]);
  });

  it('omits the identity line when every value is missing', () => {
    const data = [{ a: null, b: null }];
    const spec = lineChart({ title: 't', data, x: 'a', y: 'b', xTitle: 'a', yTitle: 'b', referenceLines: [{ orientation: 'identity' }] });
    expect(spec.layer).toHaveLength(1);
  });

  it('rejects NaN with the row and field', () => {
    const data = [{ temperature: 1, magnetisation: Number.NaN }];
    expect(() => lineChart({ title: 'bad', data, x: 'temperature', y: 'magnetisation', xTitle: 'a', yTitle: 'b' })).toThrow(
      /data\[0\]\.magnetisation is NaN\. Expected a finite number, or null/,
    );
  });

  it('rejects a missing field and lists the present ones', () => {
    const data = [{ temperature: 1, m: 0.5 }];
    expect(() => lineChart({ title: 'bad', data, x: 'temperature', y: 'magnetisation', xTitle: 'a', yTitle: 'b' })).toThrow(
      /data\[0\] has no field "magnetisation"\. Fields present: temperature, m/,
    );
  });

  it('rejects a string where a number belongs', () => {
    const data = [{ temperature: '1.5', magnetisation: 0.5 }];
    expect(() => lineChart({ title: 'bad', data, x: 'temperature', y: 'magnetisation', xTitle: 'a', yTitle: 'b' })).toThrow(
      /data\[0\]\.temperature is "1\.5"/,
    );
  });

  it('rejects an empty axis title', () => {
    expect(() => lineChart({ title: 'bad', data: [{ a: 1, b: 2 }], x: 'a', y: 'b', xTitle: '', yTitle: 'b' })).toThrow(/axis title is ""/);
  });

  it('rejects an unknown reference line orientation', () => {
    const referenceLines = [{ orientation: 'diagonal' }] as never;
    expect(() => lineChart({ title: 't', data: [{ a: 1, b: 2 }], x: 'a', y: 'b', xTitle: 'a', yTitle: 'b', referenceLines })).toThrow(
      /orientation "diagonal" is not supported\. Accepted values: vertical, horizontal, identity/,
    );
  });

  it('rejects a size outside 10 to 4000 pixels', () => {
    expect(() => lineChart({ title: 't', data: [{ a: 1, b: 2 }], x: 'a', y: 'b', xTitle: 'a', yTitle: 'b', width: 0 })).toThrow(
      /width is 0 pixels\. Accepted: 10 to 4000/,
    );
  });
});

describe('barChart', () => {
  const data = [
    { measure: 'sparsity', model: 'rg-embedded', value: 0.8, error: 0.02 },
    { measure: 'sparsity', model: 'plain-ae', value: 0.3, error: 0.03 },
    { measure: 'entropy', model: 'rg-embedded', value: 0.5, error: 0.01 },
    { measure: 'entropy', model: 'plain-ae', value: 0.6, error: 0.02 },
  ];
  const spec = barChart({
    title: 'Weights and entropy',
    data,
    category: 'measure',
    value: 'value',
    error: 'error',
    color: 'model',
    categoryTitle: 'measure',
    valueTitle: 'value (dimensionless)',
    referenceLines: [{ orientation: 'horizontal', value: 0.5, label: 'chance' }],
  });

  it('compiles grouped bars with error bars without warnings', () => {
    const { vega, warnings } = compileSpec(spec);
    expect(warnings).toEqual([]);
    expect(axisTitles(vega)).toContain('value (dimensionless)');
  });

  it('offsets error bars onto their bars', () => {
    const errorLayer = (spec.layer as Array<{ mark: { type?: string }; encoding: Record<string, unknown> }>)[1];
    expect(errorLayer.mark.type).toBe('rule');
    expect(errorLayer.encoding.xOffset).toEqual({ field: 'model', sort: ['rg-embedded', 'plain-ae'] });
  });

  it('keeps categories in order of first appearance', () => {
    const layer = (spec.layer as Array<{ encoding: { x: { sort: string[] } } }>)[0];
    expect(layer.encoding.x.sort).toEqual(['sparsity', 'entropy']);
  });

  it('rejects a missing category field', () => {
    expect(() =>
      barChart({ title: 't', data: [{ value: 1 }], category: 'measure', value: 'value', categoryTitle: 'c', valueTitle: 'v' }),
    ).toThrow(/data\[0\] has no field "measure"/);
  });
});

describe('heatmap', () => {
  const rows = [
    [1, -2, 3],
    [-4, 5, -6],
  ];

  it('compiles without warnings and titles its axes', () => {
    const { vega, warnings } = compileSpec(heatmap({ title: 'Encoder weights', matrix: rows, xTitle: 'hidden unit', yTitle: 'input site' }));
    expect(warnings).toEqual([]);
    expect(axisTitles(vega)).toEqual(expect.arrayContaining(['hidden unit', 'input site']));
  });

  it('lays out every entry at its row and column', () => {
    const spec = heatmap({ title: 'w', matrix: rows });
    const values = (spec.data as { values: Array<{ row: number; column: number; value: number }> }).values;
    expect(values).toHaveLength(6);
    for (const cell of values) expect(cell.value).toBe(rows[cell.row][cell.column]);
  });

  it('reads a Float32Array with its shape like nested rows', () => {
    const flat = heatmap({ title: 'w', matrix: { data: new Float32Array([1, -2, 3, -4, 5, -6]), shape: [2, 3] } });
    expect(flat).toStrictEqual(heatmap({ title: 'w', matrix: rows }));
  });

  it('stores float32 values with 7 significant digits', () => {
    const spec = heatmap({ title: 'w', matrix: { data: new Float32Array([0.1]), shape: [1, 1] } });
    expect((spec.data as { values: Array<{ value: number }> }).values[0].value).toBe(0.1);
  });

  it('follows the matrix shape in its size', () => {
    const spec = heatmap({ title: 'w', matrix: rows, size: 300 });
    expect(spec.width).toBe(300);
    expect(spec.height).toBe(200);
  });

  it('puts row 0 at the top', () => {
    const spec = heatmap({ title: 'w', matrix: rows }) as { encoding: { y: { scale: { reverse: boolean } } } };
    expect(spec.encoding.y.scale.reverse).toBe(true);
  });

  it('centres a diverging scale on zero', () => {
    const spec = heatmap({ title: 'w', matrix: rows, diverging: true }) as { encoding: { color: { scale: Record<string, unknown> } } };
    expect(spec.encoding.color.scale).toEqual({ scheme: 'blueorange', domain: [-6, 6], domainMid: 0 });
  });

  it('rejects ragged rows', () => {
    expect(() => heatmap({ title: 'w', matrix: [[1, 2], [3]] })).toThrow(/row 1 has 1 values, row 0 has 2/);
  });

  it('rejects a shape that does not match the data', () => {
    expect(() => heatmap({ title: 'w', matrix: { data: new Float32Array(5), shape: [2, 3] } })).toThrow(
      /has 5 values but shape \[2, 3\] needs 6/,
    );
  });

  it('rejects a non-finite entry with its position', () => {
    expect(() => heatmap({ title: 'w', matrix: [[1, 2], [3, Infinity]] })).toThrow(/matrix\[1\]\[1\] is Infinity/);
  });
});

describe('facetedHeatmaps', () => {
  const filter = (k: number) => ({ label: `filter ${k}`, matrix: { data: Float32Array.from({ length: 9 }, (_, i) => (i - 4) * (k + 1)), shape: [3, 3] as const } });

  it('compiles side-by-side panels without warnings', () => {
    const spec = facetedHeatmaps({ title: 'Convolution filters', panels: [0, 1, 2, 3, 4].map(filter), columns: 3, diverging: true });
    const { vega, warnings } = compileSpec(spec);
    expect(warnings).toEqual([]);
    expect(JSON.stringify(vega)).toContain('filter 4');
    expect(spec.columns).toBe(3);
  });

  it('shares one colour domain across panels', () => {
    const spec = facetedHeatmaps({ title: 'f', panels: [filter(0), filter(2)], diverging: true }) as {
      spec: { encoding: { color: { scale: { domain: number[] } } } };
    };
    expect(spec.spec.encoding.color.scale.domain).toEqual([-12, 12]);
  });

  it('rejects a repeated panel label', () => {
    expect(() => facetedHeatmaps({ title: 'f', panels: [filter(1), filter(1)] })).toThrow(/panel label "filter 1" appears twice/);
  });

  it('rejects an empty panel list', () => {
    expect(() => facetedHeatmaps({ title: 'f', panels: [] })).toThrow(/panels is empty/);
  });
});
