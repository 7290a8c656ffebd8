import { heatmap, isRgaeError, lineChart } from '@rgae/core';
import { describe, expect, it } from 'vitest';
import { renderFigure } from './render-figure.js';

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from the PNG's IHDR chunk, which always follows the 8 magic bytes. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  return { width: Number(/\bwidth="(\d+)"/.exec(root)?.[1]), height: Number(/\bheight="(\d+)"/.exec(root)?.[1]) };
}

/** Counts pixels that are clearly not white, i.e. drawn marks or text. */
function inkedPixels(rgba: Uint8Array): number {
  let count = 0;
  for (let i = 0; i < rgba.length; i += 4) {
    if (rgba[i] + rgba[i + 1] + rgba[i + 2] < 600) count++;
  }
  return count;
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the promise to reject');
}

describe('renderFigure', () => {
  it('renders a line chart to SVG with its axis titles and to PNG', async () => {
    const spec = lineChart({
      title: 'Energy per site',
      data: [
        { temperature: 1.5, energy: -1.94, error: 0.01, model: 'original' },
        { temperature: 3.0, energy: -0.81, error: 0.02, model: 'original' },
        { temperature: 1.5, energy: -1.9, error: 0.01, model: 'plain-ae' },
        { temperature: 3.0, energy: -0.7, error: 0.02, model: 'plain-ae' },
      ],
      x: 'temperature',
      y: 'energy',
      error: 'error',
      color: 'model',
      xTitle: 'temperature T (J/k_B)',
      yTitle: 'energy per site e (J)',
      referenceLines: [{ orientation: 'vertical', value: 2.269, label: 'T_c' }],
    });

    const figure = await renderFigure(spec);

    expect(figure.svg.startsWith('<svg')).toBe(true);
    expect(figure.svg).toContain('temperature T (J/k_B)');
    expect(figure.svg).toContain('energy per site e (J)');
    expect(figure.svg).toContain('T_c');
    expect([...figure.png.subarray(0, 8)]).toEqual(PNG_MAGIC);
    expect(figure.warnings).toEqual([]);
  });

  it('renders the PNG at twice the SVG size', async () => {
    const figure = await renderFigure(heatmap({ title: 'Correlation', matrix: [[1, 0.5], [0.5, 1]], xTitle: 'site j', yTitle: 'site i' }));

    const svg = svgSize(figure.svg);
    expect(svg.width).toBeGreaterThan(0);
    expect(pngSize(figure.png)).toEqual({ width: 2 * svg.width, height: 2 * svg.height });
  });

  it('renders a heatmap with its axis titles and drawn cells', async () => {
    const matrix = { data: Float32Array.from({ length: 64 }, (_, i) => Math.cos(i)), shape: [8, 8] as const };
    const figure = await renderFigure(heatmap({ title: 'Weights', matrix, diverging: true, xTitle: 'hidden unit', yTitle: 'input site' }));

    expect(figure.svg).toContain('hidden unit');
    expect(figure.svg).toContain('input site');
    expect(figure.svg.match(/<path[^>]*fill="rgb/g)?.length ?? 0).toBeGreaterThanOrEqual(64);
    expect([...figure.png.subarray(0, 8)]).toEqual(PNG_MAGIC);
  });

  it('draws visible marks in the PNG', async () => {
    const { Resvg } = await import('@resvg/resvg-js');
    const figure = await renderFigure(heatmap({ title: 'Ink', matrix: [[0, 1], [1, 0]] }));

    // Decode by rendering the PNG inside an SVG, since resvg is the only image library installed.
    const { width, height } = pngSize(figure.png);
    const wrapper = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}"><image width="${width}" height="${height}" xlink:href="data:image/png;base64,${Buffer.from(figure.png).toString('base64')}"/></svg>`;
    const pixels = new Resvg(wrapper).render().pixels;
    expect(inkedPixels(new Uint8Array(pixels))).toBeGreaterThan(0.2 * width * height);
  });

  it('rejects a spec that loads data from a URL', async () => {
    const spec = { data: { url: 'http://127.0.0.1:9/data.csv' }, mark: 'point', encoding: { x: { field: 'a', type: 'quantitative' } } };

    const error = await rejection(renderFigure(spec));
    expect(isRgaeError(error)).toBe(true);
    expect(error.message).toMatch(/it loads "http:\/\/127\.0\.0\.1:9\/data\.csv", but figures must carry their data inline: put the rows in data\.values/);
  });

  it('rejects a spec that vega-lite cannot compile', async () => {
    const error = await rejection(renderFigure({ data: { values: [] }, mark: 'no-such-mark' }));
    expect(isRgaeError(error)).toBe(true);
    expect(error.message).toMatch(/because vega-lite failed to compile it: .+\. Fix the spec/);
  });

  it('rejects an array in place of a spec', async () => {
    const error = await rejection(renderFigure([] as never));
    expect(error.message).toMatch(/must be a vega-lite spec object; received an array/);
  });

  it('returns vega-lite warnings instead of printing them', async () => {
    const spec = { data: { values: [{ a: 1 }] }, mark: 'point', encoding: { x: { field: 'a', type: 'quantitative' }, size: { field: 'a', type: 'nominal' } } };
    const figure = await renderFigure(spec);
    expect(figure.warnings.length).toBeGreaterThan(0);
  });
});
