import { RgaeError } from '@rgae/core';
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';

export interface BrowserCheck {
  /** Console errors and uncaught page errors, e.g. `Failed to load resource: net::ERR_FILE_NOT_FOUND`. */
  consoleErrors: string[];
  /** `<img>` elements, and how many of them decoded (naturalWidth > 0). */
  images: { total: number; loaded: number };
  /** `<figure>` elements whose image or inline SVG rendered. */
  figures: number;
  /** Network URLs the page tried to load; the check blocks them, and a self-contained report has none. */
  blockedRequests: string[];
}

export interface BrowserCheckOptions {
  /** Chromium binary; `/usr/bin/chromium`, the Debian package's path, by default. */
  executablePath?: string;
  /** Limit for launching the browser and for loading the page, each, in milliseconds; 60 000 by default. */
  timeoutMs?: number;
}

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Runs in the page after the load event: counts decoded images and figures that rendered. */
const COUNT_RENDERED = `(async () => {
  const images = Array.from(document.images);
  await Promise.all(images.map((image) => image.decode().catch(() => undefined)));
  const decoded = (image) => image.complete && image.naturalWidth > 0;
  const rendered = (figure) => {
    const image = figure.querySelector('img');
    if (image) return decoded(image);
    const svg = figure.querySelector('svg');
    return svg !== null && svg.getBoundingClientRect().width > 0;
  };
  return {
    images: { total: images.length, loaded: images.filter(decoded).length },
    figures: Array.from(document.querySelectorAll('figure')).filter(rendered).length,
  };
})()`;

/**
 * Opens an HTML file in headless Chromium (through playwright-core, with a fresh temporary profile),
 * waits for the load event and reports console errors, uncaught page errors, images that failed to
 * decode, and requests to the network, which it blocks. Throws an RgaeError when Chromium or
 * playwright-core is missing.
 */
export async function checkReportInBrowser(htmlPath: string, options: BrowserCheckOptions = {}): Promise<BrowserCheck> {
  const executablePath = options.executablePath ?? '/usr/bin/chromium';
  const timeout = options.timeoutMs ?? 60_000;
  await requireFile(htmlPath);
  await requireChromium(executablePath);
  const { chromium } = await loadPlaywright();

  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout });
  try {
    return await inspectPage(browser, htmlPath, timeout);
  } finally {
    await browser.close();
  }
}

async function inspectPage(browser: Browser, htmlPath: string, timeout: number): Promise<BrowserCheck> {
  const page = await browser.newPage();
  const consoleErrors: string[] = [];
  const blockedRequests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(`Uncaught ${error.name}: ${error.message}`));
  await blockNetwork(page, blockedRequests);

  await page.goto(pathToFileURL(resolve(htmlPath)).href, { waitUntil: 'load', timeout });
  const counts = (await page.evaluate(COUNT_RENDERED)) as Pick<BrowserCheck, 'images' | 'figures'>;
  return { consoleErrors, ...counts, blockedRequests };
}

/** Lets file: and data: URLs through and aborts every other request before it leaves the machine. */
async function blockNetwork(page: Page, blockedRequests: string[]): Promise<void> {
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith('file:') || url.startsWith('data:')) {
      await route.continue();
      return;
    }
    blockedRequests.push(url);
    await route.abort('blockedbyclient');
  });
}

async function requireFile(htmlPath: string): Promise<void> {
  try {
    await access(htmlPath, constants.R_OK);
  } catch {
    throw new RgaeError('IO', `Cannot check "${htmlPath}" in a browser: no such readable file. Write the report first (writeReport).`);
  }
}

async function requireChromium(executablePath: string): Promise<void> {
  try {
    await access(executablePath, constants.X_OK);
  } catch {
    throw new RgaeError(
      'UNAVAILABLE',
      `Chromium not found at "${executablePath}". Install it with "apt-get install chromium" (Debian), or pass executablePath to a Chromium binary.`,
    );
  }
}

async function loadPlaywright(): Promise<typeof import('playwright-core')> {
  try {
    return await import('playwright-core');
  } catch (error) {
    throw new RgaeError('UNAVAILABLE', 'playwright-core is not installed, so the report cannot be opened in Chromium. Install it with "npm install playwright-core".', {
      cause: error,
    });
  }
}
