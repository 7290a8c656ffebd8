import type { ResultTable, StudyTestResult } from '@rgae/core';
import { escapeHtml } from './escape-html.js';
import { formatNumber, formatScalar } from './format-value.js';
import { REPORT_STYLE } from './report-style.js';
import { studyParameterRows } from './study-parameters.js';

/** A rendered figure as the page shows it: the image is a data: URI, the files are paths relative to the page. */
export interface PageFigure {
  caption: string;
  imageSource: string;
  width: number;
  height: number;
  svgPath: string;
  pngPath: string;
}

export interface PageTable {
  table: ResultTable;
  /** Path of the CSV file relative to the page. */
  csvPath?: string;
}

export interface PageTest {
  result: StudyTestResult;
  anchor: string;
  figures: PageFigure[];
  tables: PageTable[];
}

export interface ReportPage {
  title: string;
  study: Record<string, unknown>;
  tests: PageTest[];
  summary?: PageTable;
  notes: string[];
}

/** Numbers figures and tables in order of appearance, so every caption starts with its label. */
class Numbering {
  private figures = 0;
  private tables = 0;

  nextFigure(): string {
    return `Figure ${++this.figures}.`;
  }

  nextTable(): string {
    return `Table ${++this.tables}.`;
  }
}

/**
 * Builds report.html: one self-contained page with inline CSS, figures as data: URIs and no scripts,
 * so it opens offline and prints. Every text from the input is escaped.
 */
export function reportPageHtml(page: ReportPage): string {
  const numbering = new Numbering();

  const body = [
    `<header><h1>${escapeHtml(page.title)}</h1><p class="subtitle">${page.tests.length} study tests</p></header>`,
    contents(page),
    summarySection(page, numbering),
    studySection(page.study, numbering),
    ...page.tests.map((test) => testSection(test, numbering)),
  ].join('\n');

  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(page.title)}</title>`,
    `<style>${REPORT_STYLE}</style>`,
    '</head>',
    `<body>\n${body}\n</body>`,
    '</html>',
    '',
  ].join('\n');
}

function contents(page: ReportPage): string {
  const links = [
    '<li><a href="#summary">Summary</a></li>',
    '<li><a href="#study">Study parameters</a></li>',
    ...page.tests.map((test) => `<li><a href="#${test.anchor}">${escapeHtml(test.result.title)}</a></li>`),
  ];
  return `<nav aria-label="Contents"><h2>Contents</h2><ol>${links.join('')}</ol></nav>`;
}

function summarySection(page: ReportPage, numbering: Numbering): string {
  const verdicts = page.tests.map(
    (test) => `<li><a href="#${test.anchor}">${escapeHtml(test.result.title)}</a>: ${escapeHtml(test.result.verdict)}</li>`,
  );
  const parts = [
    '<section id="summary">',
    '<h2>Summary</h2>',
    verdicts.length > 0 ? `<ul class="verdicts">${verdicts.join('')}</ul>` : '<p>No study test ran.</p>',
  ];
  if (page.summary !== undefined) parts.push(resultTableHtml(page.summary, numbering));
  if (page.notes.length > 0) {
    parts.push(`<h3>Notes</h3><ul class="notes">${page.notes.map((note) => `<li>${escapeHtml(note)}</li>`).join('')}</ul>`);
  }
  parts.push('</section>');
  return parts.join('\n');
}

function studySection(study: Record<string, unknown>, numbering: Numbering): string {
  const rows = studyParameterRows(study).map(([name, value]) => `<tr><th scope="row"><code>${escapeHtml(name)}</code></th><td>${escapeHtml(value)}</td></tr>`);
  const caption = `<caption><span class="label">${numbering.nextTable()}</span> Study parameters: the resolved spec, seed, versions, plugins and compute backend.</caption>`;
  return [
    '<section id="study">',
    '<h2>Study parameters</h2>',
    `<div class="table-wrap"><table class="parameters">${caption}<thead><tr><th scope="col">parameter</th><th scope="col">value</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`,
    '</section>',
  ].join('\n');
}

function testSection(test: PageTest, numbering: Numbering): string {
  const { result } = test;
  const parts = [
    `<section id="${test.anchor}" class="study-test">`,
    `<h2>${escapeHtml(result.title)}</h2>`,
    `<p class="test-id">Test id: <code>${escapeHtml(result.id)}</code></p>`,
    `<p class="verdict"><strong>Verdict:</strong> ${escapeHtml(result.verdict)}</p>`,
  ];
  const scalars = Object.entries(result.scalars);
  if (scalars.length > 0) parts.push(scalarTable(result.title, scalars, numbering));
  for (const figure of test.figures) parts.push(figureHtml(figure, numbering));
  for (const table of test.tables) parts.push(resultTableHtml(table, numbering));
  parts.push('</section>');
  return parts.join('\n');
}

function scalarTable(title: string, scalars: Array<[string, StudyTestResult['scalars'][string]]>, numbering: Numbering): string {
  const rows = scalars.map(
    ([name, value]) => `<tr><th scope="row">${escapeHtml(name)}</th><td${typeof value === 'string' ? '' : ' class="number"'}>${escapeHtml(formatScalar(value))}</td></tr>`,
  );
  const caption = `<caption><span class="label">${numbering.nextTable()}</span> Scalar results of ${escapeHtml(title)} (value ± one standard error).</caption>`;
  return `<div class="table-wrap"><table class="scalars">${caption}<thead><tr><th scope="col">quantity</th><th scope="col">value</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

function figureHtml(figure: PageFigure, numbering: Numbering): string {
  const files = `<span class="files"><a href="${escapeHtml(figure.svgPath)}">SVG</a><a href="${escapeHtml(figure.pngPath)}">PNG</a></span>`;
  return [
    '<figure>',
    `<img src="${figure.imageSource}" width="${figure.width}" height="${figure.height}" alt="${escapeHtml(figure.caption)}">`,
    `<figcaption><span class="label">${numbering.nextFigure()}</span> ${escapeHtml(figure.caption)}${files}</figcaption>`,
    '</figure>',
  ].join('\n');
}

function resultTableHtml({ table, csvPath }: PageTable, numbering: Numbering): string {
  const csvLink = csvPath === undefined ? '' : `<span class="files"><a href="${escapeHtml(csvPath)}">CSV</a></span>`;
  const caption = `<caption><span class="label">${numbering.nextTable()}</span> ${escapeHtml(table.caption)}${csvLink}</caption>`;
  const head = `<thead><tr>${table.columns.map((column) => `<th scope="col">${escapeHtml(column)}</th>`).join('')}</tr></thead>`;
  const rows = table.rows.map((row) => `<tr>${row.map(cellHtml).join('')}</tr>`);
  return `<div class="table-wrap"><table>${caption}${head}<tbody>${rows.join('')}</tbody></table></div>`;
}

function cellHtml(cell: string | number | null): string {
  if (cell === null) return '<td class="missing">–</td>';
  if (typeof cell === 'number') return `<td class="number">${escapeHtml(formatNumber(cell))}</td>`;
  return `<td>${escapeHtml(cell)}</td>`;
}
