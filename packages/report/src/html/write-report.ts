import { isRgaeError, RgaeError, writeFileAtomic, type FigureSpec, type ResultTable, type StudyTestResult } from '@rgae/core';
import { join } from 'node:path';
import { renderFigure, type RenderedFigure } from '../figure/render-figure.js';
import type { ReportFiles, ReportInput } from '../report-input.js';
import { checkTable } from '../table/check-table.js';
import { tableToCsv } from '../table/table-to-csv.js';
import { FileNames } from './file-names.js';
import { reportPageHtml, type PageFigure, type PageTable, type PageTest } from './report-page.js';

/**
 * Above this size (in characters) a figure's SVG is embedded in the page as its PNG instead: a heatmap
 * of a 256 × 256 correlation matrix draws 65 536 rectangles, about 13 MB of SVG but 0.3 MB of PNG.
 */
const INLINE_SVG_LIMIT = 1_000_000;

/**
 * Writes a study's report into `runDir`: `tables/<test>-<table>.csv`, `figures/<test>-<figure>.svg`
 * and `.png`, and `report.html`, which embeds every figure and needs no other file to display.
 * Figure names carry the test id because two tests may both name a figure `weights`. Every file is
 * written atomically. Returns the written paths and the warnings of the figure renderer.
 */
export async function writeReport(runDir: string, input: ReportInput): Promise<ReportFiles> {
  checkInput(input);
  const names: ReportNames = { anchors: new FileNames(), figures: new FileNames(), tables: new FileNames() };
  const files: ReportFiles = { html: join(runDir, 'report.html'), figures: [], tables: [], warnings: [] };

  const summary = input.summary === undefined ? undefined : await writeTable(runDir, names.tables.claim('the summary table', 'summary'), input.summary, files);
  const tests: PageTest[] = [];
  for (const result of input.results) {
    tests.push(await writeTestFiles(runDir, result, names, files));
  }

  const html = reportPageHtml({ title: input.title, study: input.study, tests, summary, notes: input.notes ?? [] });
  await writeFileAtomic(files.html, html);
  return files;
}

/** Figures, tables and section anchors each have their own name space: a figure and a table may share an id. */
interface ReportNames {
  anchors: FileNames;
  figures: FileNames;
  tables: FileNames;
}

async function writeTestFiles(runDir: string, result: StudyTestResult, names: ReportNames, files: ReportFiles): Promise<PageTest> {
  const anchor = `test-${names.anchors.claim(`test "${result.id}"`, result.id)}`;

  const figures: PageFigure[] = [];
  for (const figure of result.figures) {
    const name = names.figures.claim(`figure "${figure.id}" of test "${result.id}"`, result.id, figure.id);
    figures.push(await writeFigure(runDir, name, result, figure, files));
  }

  const tables: PageTable[] = [];
  for (const table of result.tables) {
    const name = names.tables.claim(`table "${table.id}" of test "${result.id}"`, result.id, table.id);
    tables.push(await writeTable(runDir, name, table, files));
  }

  return { result, anchor, figures, tables };
}

async function writeFigure(runDir: string, name: string, result: StudyTestResult, figure: FigureSpec, files: ReportFiles): Promise<PageFigure> {
  const owner = `Figure "${figure.id}" of test "${result.id}"`;
  let rendered: RenderedFigure;
  try {
    rendered = await renderFigure(figure.spec);
  } catch (error) {
    if (isRgaeError(error)) throw new RgaeError(error.code, `${owner}: ${error.message}`, { cause: error });
    throw error;
  }

  const svgPath = `figures/${name}.svg`;
  const pngPath = `figures/${name}.png`;
  await writeFileAtomic(join(runDir, svgPath), rendered.svg);
  await writeFileAtomic(join(runDir, pngPath), rendered.png);
  files.figures.push(join(runDir, svgPath), join(runDir, pngPath));
  files.warnings.push(...rendered.warnings.map((warning) => `${owner}: ${warning}`));

  const { width, height } = svgSize(rendered.svg);
  return { caption: figure.caption, imageSource: embeddedImage(rendered), width, height, svgPath, pngPath };
}

async function writeTable(runDir: string, name: string, table: ResultTable, files: ReportFiles): Promise<PageTable> {
  const csvPath = `tables/${name}.csv`;
  await writeFileAtomic(join(runDir, csvPath), tableToCsv(table));
  files.tables.push(join(runDir, csvPath));
  return { table, csvPath };
}

function embeddedImage(rendered: RenderedFigure): string {
  if (rendered.svg.length <= INLINE_SVG_LIMIT) {
    return `data:image/svg+xml;base64,${Buffer.from(rendered.svg, 'utf8').toString('base64')}`;
  }
  return `data:image/png;base64,${Buffer.from(rendered.png).toString('base64')}`;
}

/** Reads the size that vega wrote on the root element, in CSS pixels. */
function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const width = Number(/\bwidth="([\d.]+)"/.exec(root)?.[1] ?? 0);
  const height = Number(/\bheight="([\d.]+)"/.exec(root)?.[1] ?? 0);
  return { width: Math.round(width), height: Math.round(height) };
}

function checkInput(input: ReportInput): void {
  if (typeof input?.title !== 'string' || input.title.trim() === '') {
    throw invalid(`The report title is ${JSON.stringify(input?.title)}. Give the report a title.`);
  }
  if (typeof input.study !== 'object' || input.study === null || Array.isArray(input.study)) {
    throw invalid(`The report's study record is ${JSON.stringify(input.study)}. Pass the resolved study (spec, seed, versions, backend) as an object.`);
  }
  if (!Array.isArray(input.results)) {
    throw invalid(`The report's results are ${JSON.stringify(input.results)}. Pass an array of study test results.`);
  }

  input.results.forEach(checkResult);
  if (input.summary !== undefined) checkTable(input.summary);
}

function checkResult(result: StudyTestResult, index: number): void {
  const name = `Study test result ${index} ("${String(result?.id)}")`;
  for (const field of ['id', 'title', 'verdict'] as const) {
    if (typeof result?.[field] !== 'string') throw invalid(`${name} has ${field} ${JSON.stringify(result?.[field])}. Give it a string ${field}.`);
  }
  if (!Array.isArray(result.tables) || !Array.isArray(result.figures) || typeof result.scalars !== 'object' || result.scalars === null) {
    throw invalid(`${name} lacks tables, figures or scalars. Return tables: [], figures: [] and scalars: {} when a test has none.`);
  }

  result.tables.forEach(checkTable);
}

function invalid(message: string): RgaeError {
  return new RgaeError('INVALID_ARGUMENT', message);
}
