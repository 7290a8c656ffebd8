import { isRgaeError } from '@rgae/core';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fabricatedReportInput } from '../fixtures/fabricated-report-input.js';
import { writeReport } from '../html/write-report.js';
import { checkReportInBrowser } from './check-report-in-browser.js';

/** A 1 × 1 transparent PNG, so the broken page also has one image that does load. */
const TINY_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

/** A report with the faults the check exists to catch: a missing image file, a throwing script, a network image. */
const BROKEN_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Broken</title></head>
<body>
<figure><img src="figures/missing.png" alt="missing"><figcaption>Missing file.</figcaption></figure>
<figure><img src="data:image/png;base64,${TINY_PNG}" alt="fine"><figcaption>Loads.</figcaption></figure>
<figure><img src="http://127.0.0.1:9/remote.png" alt="remote"><figcaption>Remote.</figcaption></figure>
<script>throw new Error('deliberate failure');</script>
</body></html>
`;

let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'rgae-browser-'));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('checkReportInBrowser', () => {
  it('finds no errors in a written report and every figure loaded', async () => {
    const runDir = join(folder, 'report');
    const input = fabricatedReportInput();
    const files = await writeReport(runDir, input);
    const nFigures = input.results.reduce((sum, result) => sum + result.figures.length, 0);

    const check = await checkReportInBrowser(files.html);

    expect(check.consoleErrors).toEqual([]);
    expect(check.blockedRequests).toEqual([]);
    expect(check.images).toEqual({ total: nFigures, loaded: nFigures });
    expect(check.figures).toBe(nFigures);
  });

  it('catches a missing image, a throwing script and a network request', async () => {
    const htmlPath = join(folder, 'broken.html');
    await writeFile(htmlPath, BROKEN_PAGE);

    const check = await checkReportInBrowser(htmlPath);

    expect(check.images).toEqual({ total: 3, loaded: 1 });
    expect(check.figures).toBe(1);
    expect(check.consoleErrors.some((message) => message.includes('deliberate failure'))).toBe(true);
    expect(check.consoleErrors.some((message) => message.includes('ERR_FILE_NOT_FOUND'))).toBe(true);
    expect(check.blockedRequests).toEqual(['http://127.0.0.1:9/remote.png']);
  });

  it('names the fix when Chromium is missing', async () => {
    const htmlPath = join(folder, 'broken.html');
    await writeFile(htmlPath, BROKEN_PAGE);

    const error = await checkReportInBrowser(htmlPath, { executablePath: join(folder, 'no-chromium') }).catch((caught: unknown) => caught);

    expect(isRgaeError(error)).toBe(true);
    expect((error as Error).message).toMatch(/Chromium not found at ".*no-chromium"\. Install it with "apt-get install chromium"/);
  });

  it('rejects a report path that does not exist', async () => {
    const error = await checkReportInBrowser(join(folder, 'absent.html')).catch((caught: unknown) => caught);
    expect((error as Error).message).toMatch(/no such readable file\. Write the report first/);
  });
});
