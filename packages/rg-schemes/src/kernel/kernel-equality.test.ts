import { Rng, type SpinBatch } from '@rgae/core';
import { describe, expect, it } from 'vitest';
import { coarsenToLevel } from '../coarsen/coarsen-to-level.js';
import { blockAverageScheme, xyBlockAverage } from '../scheme/block-average.js';
import { decimationScheme } from '../scheme/decimation.js';
import { majorityScheme } from '../scheme/majority.js';
import { randomIsingBatch, randomXYBatch } from '../testing/configurations.js';
import { gpujsMode } from './gpujs-kernels.js';

/** Coarse-grains with both implementations from equal generator states and returns both outputs. */
function bothKernels(run: (kernels: 'js' | 'gpujs', rng: Rng) => SpinBatch | Float32Array) {
  const js = run('js', Rng.create(3));
  const gpujs = run('gpujs', Rng.create(3));
  const data = (result: SpinBatch | Float32Array) => ('data' in result ? result.data : result);
  return { js: data(js), gpujs: data(gpujs) };
}

function expectIdentical(outputs: { js: ArrayLike<number>; gpujs: ArrayLike<number> }): void {
  expect(outputs.gpujs.constructor).toBe(outputs.js.constructor);
  expect(outputs.gpujs.length).toBe(outputs.js.length);
  let differing = 0;
  for (let i = 0; i < outputs.js.length; i++) if (!Object.is(outputs.js[i], outputs.gpujs[i])) differing++;
  expect(differing).toBe(0);
}

describe(`gpu.js kernels (${gpujsMode()} mode) against typed arrays`, () => {
  const ising = randomIsingBatch(4, 36, 21);
  const xy = randomXYBatch(4, 36, 22);

  it.each([2, 3])('decimation agrees for b = %i', (blockSize) => {
    expectIdentical(bothKernels((kernels, rng) => decimationScheme.coarsen(ising, { blockSize, rng, kernels })));
    expectIdentical(bothKernels((kernels, rng) => decimationScheme.coarsen(xy, { blockSize, rng, kernels })));
  });

  it.each([
    [2, 'top-left'],
    [2, 'random'],
    [3, 'random'],
  ])('majority agrees for b = %i, ties %s', (blockSize, tieBreak) => {
    expectIdentical(bothKernels((kernels, rng) => coarsenToLevel(majorityScheme, ising, { blockSize, level: 2, rng, kernels, tieBreak })));
  });

  it.each([2, 3])('ising block average agrees over two levels for b = %i', (blockSize) => {
    expectIdentical(bothKernels((kernels, rng) => coarsenToLevel(blockAverageScheme, ising, { blockSize, level: 2, rng, kernels })));
  });

  it.each([2, 3])('xy direction and length agree for b = %i', (blockSize) => {
    expectIdentical(bothKernels((kernels, rng) => coarsenToLevel(blockAverageScheme, xy, { blockSize, level: 2, rng, kernels })));
    expectIdentical(bothKernels((kernels, rng) => xyBlockAverage(xy, { blockSize, rng, kernels }).length));
  });

  it('agrees across the chunks of a large batch', () => {
    // 1100 samples of 64² sites exceed one gpu.js call (2^22 sites), so the batch runs in two chunks.
    const large = randomIsingBatch(1100, 64, 23);
    expectIdentical(bothKernels((kernels, rng) => majorityScheme.coarsen(large, { blockSize: 2, rng, kernels })));
  });
});
