import { heatmap, isRgaeError, type StudyTestResult } from '@rgae/core';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fabricatedReportInput } from '../fixtures/fabricated-report-input.js';
import type { ReportFiles, ReportInput } from '../report-input.js';
import { tableToCsv } from '../table/table-to-csv.js';
import { writeReport } from './write-report.js';

const folders: string[] = [];

async function runFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'rgae-report-'));
  folders.push(folder);
  return folder;
}

/** Shortens each embedded image to `data:image/…;base64,…`, so a failing assertion prints readable HTML. */
function withoutImageData(html: string): string {
  return html.replace(/(data:image\/[a-z+]+;base64,)[^"]+/g, '$1…');
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the promise to reject');
}

function emptyResult(id: string): StudyTestResult {
  return { id, title: `Test ${id}`, verdict: 'none', scalars: {}, tables: [], figures: [] };
}

afterAll(async () => {
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

describe('writeReport on the fabricated study', () => {
  let runDir: string;
  let files: ReportFiles;
  let html: string;
  let page: string;
  const input = fabricatedReportInput();

  beforeAll(async () => {
    runDir = await runFolder();
    files = await writeReport(runDir, input);
    html = await readFile(files.html, 'utf8');
    page = withoutImageData(html);
  });

  it('writes every table as CSV named after test and table', async () => {
    expect((await readdir(join(runDir, 'tables'))).sort()).toEqual(['summary.csv', 'thermometer-measured.csv', 'third-party_weights-sparsity.csv']);
    expect(files.tables.map((path) => path.slice(runDir.length + 1)).sort()).toEqual([
      'tables/summary.csv',
      'tables/thermometer-measured.csv',
      'tables/third-party_weights-sparsity.csv',
    ]);
    expect(await readFile(join(runDir, 'tables/third-party_weights-sparsity.csv'), 'utf8')).toBe(tableToCsv(input.results[1].tables[0]));
  });

  it('writes every figure as SVG and PNG', async () => {
    const expected = ['thermometer-measured-temperature', 'third-party_weights-dense-kernel', 'third-party_weights-filters', 'third-party_weights-sparsity'];
    const names = expected.flatMap((name) => [`${name}.png`, `${name}.svg`]);
    expect((await readdir(join(runDir, 'figures'))).sort()).toEqual(names);
    expect(files.figures).toHaveLength(8);
    for (const path of files.figures) expect((await stat(path)).size).toBeGreaterThan(1000);
  });

  it('reports no renderer warnings for the fabricated figures', () => {
    expect(files.warnings).toEqual([]);
  });

  it('embeds every figure with a numbered caption', () => {
    expect(page.match(/<figure>/g)).toHaveLength(4);
    expect(page.match(/<img src="data:image\/svg\+xml;base64,/g)).toHaveLength(4);
    for (const [n, figure] of input.results.flatMap((result) => result.figures).entries()) {
      expect(page).toContain(`<span class="label">Figure ${n + 1}.</span> ${figure.caption.replaceAll('&', '&amp;')}`);
    }
  });

  it('embeds SVG that carries the axis titles', () => {
    const source = /<img src="data:image\/svg\+xml;base64,([^"]+)"/.exec(html)?.[1] ?? '';
    const svg = Buffer.from(source, 'base64').toString('utf8');
    expect(svg).toContain('true temperature T (J/k_B)');
    expect(svg).toContain('measured temperature (J/k_B)');
  });

  it('gives every table a caption', () => {
    const tables = page.match(/<table[^>]*>/g) ?? [];
    const captions = page.match(/<table[^>]*><caption>/g) ?? [];
    // summary, study parameters, two scalar tables and two result tables
    expect(tables).toHaveLength(6);
    expect(captions).toHaveLength(6);
  });

  it('shows each test with its verdict', () => {
    expect(page).toContain('<section id="test-thermometer" class="study-test">');
    expect(page).toContain('<strong>Verdict:</strong> The RG-embedded model keeps the temperature better (fabricated).');
    expect(page).toContain('<strong>Verdict:</strong> RG-embedded weights are sparser: 80 % vs 30 % near zero (fabricated).');
  });

  it('lists the study parameters', () => {
    expect(page).toContain('<tr><th scope="row"><code>seed</code></th><td>42</td></tr>');
    expect(page).toContain('<tr><th scope="row"><code>spec.temperatures</code></th><td>1.5, 2.269, 3</td></tr>');
    expect(page).toContain('<tr><th scope="row"><code>plugins[0].name</code></th><td>@rgae/plugin-ising</td></tr>');
    expect(page).toContain('<tr><th scope="row"><code>backend</code></th><td>wasm</td></tr>');
  });

  it('formats estimates as mean ± error', () => {
    expect(page).toContain('<td class="number">0.953 ± 0.012 (τ_int 1.5)</td>');
  });

  it('escapes every text', () => {
    expect(page).toContain('<h1>Fabricated study &lt;Ising&gt; &amp; &quot;co&quot;</h1>');
    expect(page).toContain('layout &lt;not physics&gt;.');
    expect(page).toContain('<td>block &quot;majority&quot;, b = 2</td>');
    expect(page).not.toContain('<Ising>');
    expect(page).not.toContain('<not physics>');
  });

  it('needs no script and no external URL', () => {
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toMatch(/<link/i);
    const references = [...page.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((match) => match[1]);
    expect(references.length).toBeGreaterThan(0);
    for (const reference of references) expect(reference).toMatch(/^(data:image\/|#|figures\/|tables\/)/);
  });

  it('overwrites its own files on a second run', async () => {
    const again = await writeReport(runDir, input);
    // vega numbers gradient ids with a counter per process, so only the embedded images may differ.
    expect(withoutImageData(await readFile(again.html, 'utf8'))).toBe(page);
    expect((await readdir(runDir)).sort()).toEqual(['figures', 'report.html', 'tables']);
  });
});

describe('writeReport', () => {
  it('embeds a very large figure as PNG', async () => {
    const matrix = { data: Float32Array.from({ length: 128 * 128 }, (_, i) => Math.cos(i / 50)), shape: [128, 128] as const };
    const input: ReportInput = {
      title: 'Large figure',
      study: {},
      results: [{ ...emptyResult('correlations'), figures: [{ id: 'matrix', caption: 'Spin correlation matrix.', spec: heatmap({ title: 'C_ij', matrix }) }] }],
    };

    const files = await writeReport(await runFolder(), input);
    const page = withoutImageData(await readFile(files.html, 'utf8'));
    expect((await stat(files.figures[0])).size).toBeGreaterThan(1_000_000);
    expect(page).toContain('<img src="data:image/png;base64,…"');
    expect(page).not.toContain('data:image/svg+xml');
  });

  it('rejects two tests whose ids map to one file name', async () => {
    const input: ReportInput = { title: 'Clash', study: {}, results: [emptyResult('plugin/entropy'), emptyResult('plugin_entropy')] };
    const error = await rejection(writeReport(await runFolder(), input));
    expect(isRgaeError(error)).toBe(true);
    expect(error.message).toMatch(/test "plugin\/entropy" and test "plugin_entropy" both map to the file name "plugin_entropy"/);
  });

  it('names the test and figure of a spec that fails to render', async () => {
    const result = { ...emptyResult('losses'), figures: [{ id: 'curve', caption: 'Loss.', spec: { data: { url: 'losses.csv' }, mark: 'line', encoding: { x: { field: 'epoch', type: 'quantitative' } } } }] };
    const error = await rejection(writeReport(await runFolder(), { title: 'Bad figure', study: {}, results: [result] }));
    expect(error.message).toMatch(/^Figure "curve" of test "losses": Cannot render the figure spec because it loads "losses\.csv"/);
  });

  it('rejects an empty title', async () => {
    const error = await rejection(writeReport(await runFolder(), { title: ' ', study: {}, results: [] }));
    expect(error.message).toMatch(/report title is " "\. Give the report a title/);
  });

  it('rejects a result without tables', async () => {
    const result = { ...emptyResult('broken'), tables: undefined } as unknown as StudyTestResult;
    const error = await rejection(writeReport(await runFolder(), { title: 'Broken', study: {}, results: [result] }));
    expect(error.message).toMatch(/Study test result 0 \("broken"\) lacks tables, figures or scalars/);
  });

  it('writes a report for a study without tests', async () => {
    const files = await writeReport(await runFolder(), { title: 'Empty', study: { seed: 1 }, results: [] });
    expect(await readFile(files.html, 'utf8')).toContain('<p>No study test ran.</p>');
    expect(files.figures).toEqual([]);
  });
});
