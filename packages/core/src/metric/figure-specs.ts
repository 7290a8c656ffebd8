import { invalidArgument } from '../errors/rgae-error.js';

/**
 * Builders of vega-lite specs for study figures. They return plain JSON (inline data, explicit width
 * and height, titled axes), so a spec can be stored in results.json and rendered later by the report
 * stage. Core never imports vega or vega-lite: rendering lives in `@rgae/report`.
 */

/** A vega-lite spec as plain JSON. */
export type VegaLiteSpec = Record<string, unknown>;

/** One data row of a chart. A missing value is `null`, never NaN. */
export type DataRow = Readonly<Record<string, number | string | null>>;

/**
 * A dashed guide line: vertical at x = value (e.g. the critical temperature), horizontal at y = value,
 * or the identity y = x across the data's range.
 */
export type ReferenceLine =
  | { orientation: 'vertical'; value: number; label?: string }
  | { orientation: 'horizontal'; value: number; label?: string }
  | { orientation: 'identity'; label?: string };

/** A matrix given as rows, or as row-major values with their shape `[rows, columns]`. */
export type MatrixInput =
  | ReadonlyArray<ReadonlyArray<number>>
  | { data: ArrayLike<number>; shape: readonly [number, number] };

export interface LineChartOptions {
  title: string;
  data: readonly DataRow[];
  /** Field plotted on the x axis. */
  x: string;
  /** Field plotted on the y axis. */
  y: string;
  /** Field with the one-standard-error uncertainty of y, drawn as error bars y ± error. */
  error?: string;
  /** Field that names the series, e.g. `model`. Each value gets one coloured line, in order of first appearance. */
  color?: string;
  /** Legend title, the `color` field name by default. */
  colorTitle?: string;
  /** Axis title with its unit, e.g. `temperature T (J/k_B)`. */
  xTitle: string;
  yTitle: string;
  referenceLines?: readonly ReferenceLine[];
  xScale?: 'linear' | 'log';
  yScale?: 'linear' | 'log';
  /** Plot width in pixels, 480 by default. */
  width?: number;
  /** Plot height in pixels, 300 by default. */
  height?: number;
}

export interface BarChartOptions {
  title: string;
  data: readonly DataRow[];
  /** Field that names the bar, on the x axis, in order of first appearance. */
  category: string;
  /** Field with the bar height. */
  value: string;
  /** Field with the one-standard-error uncertainty of the value. */
  error?: string;
  /** Field that splits each category into side-by-side bars, e.g. `model`. */
  color?: string;
  colorTitle?: string;
  categoryTitle: string;
  /** Axis title with its unit. */
  valueTitle: string;
  /** Horizontal lines only: a bar chart has no numeric x axis. */
  referenceLines?: ReadonlyArray<{ orientation: 'horizontal'; value: number; label?: string }>;
  width?: number;
  height?: number;
}

export interface HeatmapOptions {
  title: string;
  matrix: MatrixInput;
  /** A vega colour scheme name, `viridis` by default and `blueorange` when diverging. */
  colorScheme?: string;
  /** Centres the colour scale on zero with a symmetric domain, for signed values such as weights. */
  diverging?: boolean;
  /** `column index` by default. */
  xTitle?: string;
  /** `row index` by default. */
  yTitle?: string;
  /** Legend title, `value` by default. */
  colorTitle?: string;
  /** Size of the longer side in pixels, 320 by default. The other side follows the matrix shape. */
  size?: number;
}

export interface HeatmapPanel {
  label: string;
  matrix: MatrixInput;
}

export interface FacetedHeatmapsOptions {
  title: string;
  /** Small matrices drawn side by side with one shared colour scale, e.g. convolution filters. */
  panels: readonly HeatmapPanel[];
  /** Panels per row, by default all of them up to 8. */
  columns?: number;
  colorScheme?: string;
  diverging?: boolean;
  colorTitle?: string;
  /** Size of the longer side of one panel in pixels, 80 by default. */
  panelSize?: number;
}

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
const GUIDE_COLOR = '#555555';
const GUIDE_DASH = [6, 4];

/** Builds a line chart with optional error bars, one line per series and dashed reference lines. */
export function lineChart(options: LineChartOptions): VegaLiteSpec {
  const where = 'lineChart';
  requireTitle(where, options.title);
  requireAxisTitles(where, options.xTitle, options.yTitle);
  const numericFields = [options.x, options.y, ...(options.error === undefined ? [] : [options.error])];
  const data = checkedRows(where, options.data, numericFields, options.color);
  const width = pixels(where, 'width', options.width, 480);
  const height = pixels(where, 'height', options.height, 300);

  const x = { field: options.x, type: 'quantitative', title: options.xTitle, scale: scaleOf(options.xScale) };
  const y = { field: options.y, type: 'quantitative', title: options.yTitle, scale: scaleOf(options.yScale) };
  const color = options.color === undefined ? undefined : colorEncoding(options.color, options.colorTitle, data);

  const layers: VegaLiteSpec[] = [
    { mark: { type: 'line', point: true }, encoding: withColor({ x, y }, color) },
  ];
  if (options.error !== undefined) {
    layers.push({ mark: { type: 'errorbar', ticks: true }, encoding: withColor({ x, y, yError: { field: options.error } }, color) });
  }
  for (const line of options.referenceLines ?? []) {
    layers.push(...referenceLayers(where, line, { x, y, width, data, xField: options.x, yField: options.y }));
  }

  return { ...header(options.title, width, height), data: { values: data }, layer: layers };
}

/** Builds a bar chart, grouped by `color` when given, with optional error bars and horizontal reference lines. */
export function barChart(options: BarChartOptions): VegaLiteSpec {
  const where = 'barChart';
  requireTitle(where, options.title);
  requireAxisTitles(where, options.categoryTitle, options.valueTitle);
  const numericFields = [options.value, ...(options.error === undefined ? [] : [options.error])];
  const data = checkedRows(where, options.data, numericFields, options.category, options.color);
  const width = pixels(where, 'width', options.width, 480);
  const height = pixels(where, 'height', options.height, 300);

  const sort = firstAppearance(data, options.category);
  const x = { field: options.category, type: 'nominal', title: options.categoryTitle, sort, axis: { labelAngle: 0 } };
  const y = { field: options.value, type: 'quantitative', title: options.valueTitle };
  const color = options.color === undefined ? undefined : colorEncoding(options.color, options.colorTitle, data);
  const offset = options.color === undefined ? {} : { xOffset: { field: options.color, sort: firstAppearance(data, options.color) } };

  const layers: VegaLiteSpec[] = [{ mark: 'bar', encoding: withColor({ x, y, ...offset }, color) }];
  if (options.error !== undefined) {
    layers.push(barErrorLayer(options.value, options.error, options.valueTitle, x, offset));
  }
  for (const line of options.referenceLines ?? []) {
    layers.push(...referenceLayers(where, line, { x, y, width, data, xField: options.category, yField: options.value }));
  }

  return { ...header(options.title, width, height), data: { values: data }, layer: layers };
}

/** Builds a heatmap of one matrix, row 0 at the top, e.g. a weight matrix or a spin correlation matrix. */
export function heatmap(options: HeatmapOptions): VegaLiteSpec {
  const where = 'heatmap';
  requireTitle(where, options.title);
  const matrix = checkedMatrix(where, 'matrix', options.matrix);
  const size = pixels(where, 'size', options.size, 320);
  const longer = Math.max(matrix.rows, matrix.columns);

  const values = matrixRows(matrix);
  const encoding = cellEncoding(matrix, {
    xTitle: options.xTitle ?? 'column index',
    yTitle: options.yTitle ?? 'row index',
    color: colorScale(options, [matrix]),
    colorTitle: options.colorTitle ?? 'value',
  });

  return {
    ...header(options.title, (size * matrix.columns) / longer, (size * matrix.rows) / longer),
    data: { values },
    transform: CELL_EDGES,
    mark: 'rect',
    encoding,
  };
}

/** Builds one heatmap per panel, side by side and wrapped into rows, sharing one colour scale. */
export function facetedHeatmaps(options: FacetedHeatmapsOptions): VegaLiteSpec {
  const where = 'facetedHeatmaps';
  requireTitle(where, options.title);
  if (!Array.isArray(options.panels) || options.panels.length === 0) {
    throw invalidArgument(`${where}: panels is empty. Pass at least one { label, matrix } panel.`);
  }
  const labels = options.panels.map((panel, i) => panelLabel(where, panel, i));
  const repeated = labels.find((label, i) => labels.indexOf(label) !== i);
  if (repeated !== undefined) {
    throw invalidArgument(`${where}: panel label "${repeated}" appears twice. Give every panel its own label.`);
  }
  const matrices = options.panels.map((panel, i) => checkedMatrix(where, `panels[${i}].matrix`, panel.matrix));
  const panelSize = pixels(where, 'panelSize', options.panelSize, 80);
  const columns = options.columns === undefined ? Math.min(8, matrices.length) : positiveInteger(where, 'columns', options.columns);

  const values = matrices.flatMap((matrix, i) => matrixRows(matrix).map((row) => ({ panel: labels[i], ...row })));
  const shape = matrices[0];
  const sameShape = matrices.every((m) => m.rows === shape.rows && m.columns === shape.columns);
  const longer = Math.max(shape.rows, shape.columns);
  const encoding = cellEncoding(shape, { color: colorScale(options, matrices), colorTitle: options.colorTitle ?? 'value', hideAxes: true });

  return {
    ...header(options.title),
    data: { values },
    facet: { field: 'panel', type: 'nominal', sort: labels, title: null },
    columns,
    spec: {
      width: sameShape ? (panelSize * shape.columns) / longer : panelSize,
      height: sameShape ? (panelSize * shape.rows) / longer : panelSize,
      transform: CELL_EDGES,
      mark: 'rect',
      encoding,
    },
    resolve: { scale: { x: 'independent', y: 'independent', color: 'shared' } },
  };
}

/**
 * Error bars of a grouped bar chart drawn as rules from value − error to value + error. vega-lite's
 * errorbar mark ignores xOffset, so its bars would sit at the centre of the group instead of on each bar.
 */
function barErrorLayer(valueField: string, errorField: string, valueTitle: string, x: VegaLiteSpec, offset: VegaLiteSpec): VegaLiteSpec {
  const value = `datum[${JSON.stringify(valueField)}]`;
  const error = `datum[${JSON.stringify(errorField)}]`;
  const missing = `${value} == null || ${error} == null`;

  return {
    transform: [
      { calculate: `${missing} ? null : ${value} - ${error}`, as: 'errorLow' },
      { calculate: `${missing} ? null : ${value} + ${error}`, as: 'errorHigh' },
    ],
    mark: { type: 'rule', color: 'black' },
    encoding: { x, ...offset, y: { field: 'errorLow', type: 'quantitative', title: valueTitle }, y2: { field: 'errorHigh' } },
  };
}

interface CheckedMatrix {
  rows: number;
  columns: number;
  values: number[];
}

/** The far edges of a cell, so that each cell spans [column, column + 1) × [row, row + 1). */
const CELL_EDGES = [
  { calculate: 'datum.column + 1', as: 'columnEnd' },
  { calculate: 'datum.row + 1', as: 'rowEnd' },
];

function header(title: string, width?: number, height?: number): VegaLiteSpec {
  const size = width === undefined || height === undefined ? {} : { width: round(width), height: round(height) };
  // labelLimit 0 lifts vega's 160-pixel cut of legend labels, which made series names such as
  // "RG-embedded: rg-encoder (validation)" unreadable.
  return { $schema: SCHEMA, title, ...size, background: 'white', config: { legend: { labelLimit: 0 } } };
}

function cellEncoding(
  shape: CheckedMatrix,
  options: { xTitle?: string; yTitle?: string; color: VegaLiteSpec; colorTitle: string; hideAxes?: boolean },
): VegaLiteSpec {
  const axis = (title: string | undefined) => (options.hideAxes ? null : { title, tickMinStep: 1 });
  const x = { field: 'column', type: 'quantitative', scale: { domain: [0, shape.columns], nice: false, zero: false }, axis: axis(options.xTitle) };
  const y = { field: 'row', type: 'quantitative', scale: { domain: [0, shape.rows], nice: false, zero: false, reverse: true }, axis: axis(options.yTitle) };
  const color = { field: 'value', type: 'quantitative', title: options.colorTitle, scale: options.color };
  return { x, x2: { field: 'columnEnd' }, y, y2: { field: 'rowEnd' }, color };
}

/** Builds the colour scale. A diverging scale is symmetric about zero, so equal colours on either side mean equal magnitudes. */
function colorScale(options: { colorScheme?: string; diverging?: boolean }, matrices: readonly CheckedMatrix[]): VegaLiteSpec {
  if (!options.diverging) return { scheme: options.colorScheme ?? 'viridis' };

  let largest = 0;
  for (const matrix of matrices) {
    for (const value of matrix.values) largest = Math.max(largest, Math.abs(value));
  }
  const bound = largest > 0 ? largest : 1;
  return { scheme: options.colorScheme ?? 'blueorange', domain: [-bound, bound], domainMid: 0 };
}

function matrixRows(matrix: CheckedMatrix): Array<{ row: number; column: number; value: number }> {
  const out: Array<{ row: number; column: number; value: number }> = [];
  for (let row = 0; row < matrix.rows; row++) {
    for (let column = 0; column < matrix.columns; column++) {
      out.push({ row, column, value: matrix.values[row * matrix.columns + column] });
    }
  }
  return out;
}

function checkedMatrix(where: string, name: string, input: MatrixInput): CheckedMatrix {
  const matrix = Array.isArray(input) ? fromRows(where, name, input) : fromShape(where, name, input as { data: ArrayLike<number>; shape: readonly [number, number] });

  for (let i = 0; i < matrix.values.length; i++) {
    const value = matrix.values[i];
    if (!Number.isFinite(value)) {
      const at = `[${Math.floor(i / matrix.columns)}][${i % matrix.columns}]`;
      throw invalidArgument(`${where}: ${name}${at} is ${String(value)}. A heatmap needs finite numbers, so replace or drop the non-finite entries.`);
    }
  }
  return matrix;
}

function fromRows(where: string, name: string, rows: ReadonlyArray<ReadonlyArray<number>>): CheckedMatrix {
  const columns = rows[0]?.length ?? 0;
  if (rows.length === 0 || columns === 0) {
    throw invalidArgument(`${where}: ${name} is empty. Pass at least one row with at least one value.`);
  }
  const values: number[] = [];
  rows.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== columns) {
      const length = Array.isArray(row) ? row.length : typeof row;
      throw invalidArgument(`${where}: ${name} row ${i} has ${length} values, row 0 has ${columns}. Rows must all have the same length.`);
    }
    values.push(...row);
  });
  return { rows: rows.length, columns, values };
}

function fromShape(where: string, name: string, input: { data: ArrayLike<number>; shape: readonly [number, number] }): CheckedMatrix {
  const shape = input?.shape;
  const valid = Array.isArray(shape) && shape.length === 2 && shape.every((n) => Number.isInteger(n) && n > 0);
  if (!valid || input.data?.length === undefined) {
    throw invalidArgument(
      `${where}: ${name} must be number[][] or { data, shape: [rows, columns] } with positive integer sizes. Received shape ${JSON.stringify(shape)}.`,
    );
  }
  const [rows, columns] = shape;
  if (input.data.length !== rows * columns) {
    throw invalidArgument(`${where}: ${name} has ${input.data.length} values but shape [${rows}, ${columns}] needs ${rows * columns}. Fix the shape or the data.`);
  }
  return { rows, columns, values: Array.from(input.data, (value) => jsonNumber(value, input.data)) };
}

/** Rounds float32 values to 7 significant digits, about their precision, because more digits only inflate the stored JSON. */
function jsonNumber(value: number, source: ArrayLike<number>): number {
  return source instanceof Float32Array && Number.isFinite(value) ? Number(value.toPrecision(7)) : value;
}

function checkedRows(where: string, data: readonly DataRow[], numericFields: readonly string[], ...labelFields: Array<string | undefined>): DataRow[] {
  if (!Array.isArray(data) || data.length === 0) {
    throw invalidArgument(`${where}: data is empty. Pass at least one row.`);
  }
  data.forEach((row, i) => {
    for (const field of numericFields) checkNumericCell(where, row, i, field);
    for (const field of labelFields) {
      if (field !== undefined && !(field in row)) {
        throw invalidArgument(`${where}: data[${i}] has no field "${field}". Fields present: ${Object.keys(row).join(', ')}.`);
      }
    }
  });
  return data.map((row) => ({ ...row }));
}

function checkNumericCell(where: string, row: DataRow, i: number, field: string): void {
  if (!(field in row)) {
    throw invalidArgument(`${where}: data[${i}] has no field "${field}". Fields present: ${Object.keys(row).join(', ')}.`);
  }
  const value = row[field];
  if (value !== null && !(typeof value === 'number' && Number.isFinite(value))) {
    throw invalidArgument(`${where}: data[${i}].${field} is ${typeof value === 'number' ? String(value) : JSON.stringify(value)}. Expected a finite number, or null for a missing value.`);
  }
}

function colorEncoding(field: string, title: string | undefined, data: readonly DataRow[]): VegaLiteSpec {
  return { field, type: 'nominal', title: title ?? field, scale: { domain: firstAppearance(data, field) } };
}

function withColor(encoding: VegaLiteSpec, color: VegaLiteSpec | undefined): VegaLiteSpec {
  return color === undefined ? encoding : { ...encoding, color };
}

/** Distinct values of a field in order of first appearance, so series keep the order the caller chose. */
function firstAppearance(data: readonly DataRow[], field: string): Array<string | number> {
  const seen = new Set<string | number>();
  for (const row of data) {
    const value = row[field];
    if (value !== null && value !== undefined) seen.add(value);
  }
  return [...seen];
}

interface GuideContext {
  x: VegaLiteSpec;
  y: VegaLiteSpec;
  width: number;
  data: readonly DataRow[];
  xField: string;
  yField: string;
}

function referenceLayers(where: string, line: ReferenceLine, context: GuideContext): VegaLiteSpec[] {
  const rule = { type: 'rule', color: GUIDE_COLOR, strokeDash: GUIDE_DASH };
  const text = { type: 'text', color: GUIDE_COLOR, fontSize: 11 };
  const label = line.label ?? '';

  switch (line?.orientation) {
    case 'vertical': {
      const values = [{ [context.xField]: guideValue(where, line.value), label }];
      return [
        { data: { values }, mark: rule, encoding: { x: context.x } },
        { data: { values }, mark: { ...text, align: 'left', baseline: 'top', dx: 4 }, encoding: { x: context.x, y: { value: 4 }, text: { field: 'label' } } },
      ];
    }
    case 'horizontal': {
      const values = [{ [context.yField]: guideValue(where, line.value), label }];
      return [
        { data: { values }, mark: rule, encoding: { y: context.y } },
        { data: { values }, mark: { ...text, align: 'right', baseline: 'bottom', dy: -3 }, encoding: { y: context.y, x: { value: context.width }, text: { field: 'label' } } },
      ];
    }
    case 'identity':
      return identityLayers(context, rule, text, label);
    default:
      throw invalidArgument(
        `${where}: reference line orientation ${JSON.stringify((line as { orientation?: unknown })?.orientation)} is not supported. Accepted values: vertical, horizontal, identity.`,
      );
  }
}

/** Builds the line y = x over the smallest range that covers every x and y value of the data. */
function identityLayers(context: GuideContext, rule: VegaLiteSpec, text: VegaLiteSpec, label: string): VegaLiteSpec[] {
  const numbers = context.data
    .flatMap((row) => [row[context.xField], row[context.yField]])
    .filter((value): value is number => typeof value === 'number');
  if (numbers.length === 0) return [];

  const low = Math.min(...numbers);
  const high = Math.max(...numbers);
  const point = (value: number) => ({ [context.xField]: value, [context.yField]: value });

  return [
    { data: { values: [point(low), point(high)] }, mark: { ...rule, type: 'line' }, encoding: { x: context.x, y: context.y } },
    {
      data: { values: [{ ...point(high), label }] },
      mark: { ...text, align: 'right', baseline: 'bottom', dx: -6 },
      encoding: { x: context.x, y: context.y, text: { field: 'label' } },
    },
  ];
}

function guideValue(where: string, value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw invalidArgument(`${where}: reference line value ${String(value)} is not a finite number. Pass the x or y position of the line.`);
  }
  return value;
}

function scaleOf(type: 'linear' | 'log' | undefined): VegaLiteSpec {
  return type === 'log' ? { type: 'log' } : { zero: false };
}

function requireTitle(where: string, title: string): void {
  if (typeof title !== 'string' || title.trim() === '') {
    throw invalidArgument(`${where}: title ${JSON.stringify(title)} is empty. Give the figure a title.`);
  }
}

function requireAxisTitles(where: string, ...titles: string[]): void {
  for (const title of titles) {
    if (typeof title !== 'string' || title.trim() === '') {
      throw invalidArgument(`${where}: an axis title is ${JSON.stringify(title)}. Name every axis with its quantity and unit, e.g. "temperature T (J/k_B)".`);
    }
  }
}

function panelLabel(where: string, panel: HeatmapPanel, index: number): string {
  if (typeof panel?.label !== 'string' || panel.label === '') {
    throw invalidArgument(`${where}: panels[${index}].label is ${JSON.stringify(panel?.label)}. Give every panel a non-empty label.`);
  }
  return panel.label;
}

function pixels(where: string, name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < 10 || value > 4000) {
    throw invalidArgument(`${where}: ${name} is ${value} pixels. Accepted: 10 to 4000.`);
  }
  return value;
}

function positiveInteger(where: string, name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) {
    throw invalidArgument(`${where}: ${name} is ${value}. Expected a positive integer.`);
  }
  return value;
}

function round(value: number): number {
  return Math.max(1, Math.round(value));
}
