import { Resvg } from '@resvg/resvg-js';
import { RgaeError } from '@rgae/core';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { collectingLogger, type LogMessages } from './collecting-logger.js';

export interface RenderedFigure {
  svg: string;
  /** The SVG rasterised at twice its size, so the PNG stays sharp on high-density screens and in print. */
  png: Uint8Array;
  /** Warnings from vega-lite and vega, e.g. a field that no data row has. */
  warnings: string[];
}

const PNG_SCALE = 2;

/** resvg maps the generic `sans-serif` family to DejaVu Sans, which Debian's fonts-dejavu-core package installs. */
const SANS_SERIF = 'DejaVu Sans';

/**
 * Renders a vega-lite spec headlessly: vega-lite compiles it to vega, a vega View with the `none`
 * renderer draws it to SVG, and resvg rasterises that SVG to PNG at 2× scale with the system fonts.
 * Without any usable font resvg leaves the text out but still renders the marks.
 *
 * Throws an RgaeError when the spec does not compile, when vega reports an error while drawing it,
 * or when it loads data or images from a URL: figures carry their data inline.
 */
export async function renderFigure(spec: Record<string, unknown>): Promise<RenderedFigure> {
  const messages: LogMessages = { warnings: [], errors: [] };
  const vegaSpec = compileSpec(spec, messages);

  const requestedUrls: string[] = [];
  const view = new vega.View(vega.parse(vegaSpec), {
    renderer: 'none',
    loader: offlineLoader(requestedUrls),
    logger: collectingLogger(messages),
    logLevel: vega.Warn,
  });
  let svg: string;
  try {
    svg = await view.toSVG();
  } catch (error) {
    throw renderError(`vega failed to draw it: ${messageOf(error)}`, error);
  } finally {
    view.finalize();
  }
  if (requestedUrls.length > 0) {
    throw renderError(`it loads ${requestedUrls.map((url) => `"${url}"`).join(', ')}, but figures must carry their data inline: put the rows in data.values`);
  }
  if (messages.errors.length > 0) throw renderError(`vega reported: ${messages.errors.join('; ')}`);

  return { svg, png: rasterise(svg), warnings: messages.warnings };
}

function compileSpec(spec: Record<string, unknown>, messages: LogMessages): vega.Spec {
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) {
    throw new RgaeError('INVALID_ARGUMENT', `A figure spec must be a vega-lite spec object; received ${Array.isArray(spec) ? 'an array' : String(spec)}.`);
  }
  try {
    return compile(spec as unknown as TopLevelSpec, { logger: collectingLogger(messages) }).spec;
  } catch (error) {
    throw renderError(`vega-lite failed to compile it: ${messageOf(error)}`, error);
  }
}

function rasterise(svg: string): Uint8Array {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: PNG_SCALE },
    font: { loadSystemFonts: true, defaultFontFamily: SANS_SERIF, sansSerifFamily: SANS_SERIF },
  });
  return new Uint8Array(resvg.render().asPng());
}

/**
 * Builds a loader that rejects every URL, so rendering never touches the network or the file system. vega
 * only logs a failed load as a warning, so the loader records each URL for `renderFigure` to reject.
 */
function offlineLoader(requestedUrls: string[]): vega.Loader {
  const reject = async (uri: string): Promise<never> => {
    requestedUrls.push(uri);
    throw new Error(`${uri} is not loaded: figures carry their data inline`);
  };
  return { ...vega.loader(), load: reject, sanitize: reject, http: reject, file: reject };
}

function renderError(problem: string, cause?: unknown): RgaeError {
  return new RgaeError('INVALID_ARGUMENT', `Cannot render the figure spec because ${problem}. Fix the spec that the study test returned.`, { cause });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
