import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../select-backend.js';
import { conv2DBackpropInputByColumns, conv2DBackpropInputByPhases } from './conv2d-backprop-input.js';
import type { BackendWasm } from './wasm-kernel-utils.js';

/** Runs `compute` on a backend and returns its outputs as plain arrays. */
async function onBackend(name: 'cpu' | 'wasm', compute: () => tf.Tensor[]): Promise<Float32Array[]> {
  if (name === 'wasm') await selectBackend('wasm');
  else await tf.setBackend('cpu');
  return tf.tidy(compute).map((tensor) => {
    const values = tensor.dataSync() as Float32Array;
    tensor.dispose();
    return values;
  });
}

/** Largest |a − b| / (1 + |b|) over all entries. */
function maxRelativeError(actual: Float32Array, expected: Float32Array): number {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < actual.length; i++) worst = Math.max(worst, Math.abs(actual[i] - expected[i]) / (1 + Math.abs(expected[i])));
  return worst;
}

type Stride = number | [number, number];

interface ConvCase {
  input: [number, number, number, number];
  filter: [number, number, number, number];
  strides: Stride;
  pad: 'same' | 'valid';
}

const convCases: ConvCase[] = [
  { input: [2, 8, 8, 1], filter: [3, 3, 1, 4], strides: 1, pad: 'same' },
  { input: [2, 8, 8, 1], filter: [3, 3, 1, 4], strides: 2, pad: 'same' },
  { input: [3, 7, 9, 2], filter: [2, 3, 2, 3], strides: 2, pad: 'valid' },
  { input: [2, 9, 6, 3], filter: [3, 2, 3, 5], strides: [1, 2], pad: 'same' },
  { input: [2, 6, 10, 4], filter: [1, 3, 4, 2], strides: [2, 1], pad: 'valid' },
  { input: [1, 10, 7, 5], filter: [4, 2, 5, 3], strides: 1, pad: 'valid' },
  { input: [2, 12, 12, 8], filter: [3, 3, 8, 6], strides: 2, pad: 'same' },
  { input: [2, 8, 8, 3], filter: [4, 4, 3, 2], strides: 2, pad: 'same' },
  { input: [2, 9, 9, 2], filter: [1, 1, 2, 3], strides: 2, pad: 'valid' },
  { input: [1, 11, 10, 2], filter: [2, 2, 2, 2], strides: 3, pad: 'same' },
  { input: [2, 6, 6, 16], filter: [3, 3, 16, 4], strides: 2, pad: 'same' },
  { input: [1, 10, 7, 17], filter: [2, 3, 17, 3], strides: [3, 2], pad: 'valid' },
  { input: [1, 8, 8, 16], filter: [4, 4, 16, 2], strides: 2, pad: 'same' },
];

function label(c: ConvCase): string {
  return `x ${c.input.join('×')}, W ${c.filter.join('×')}, strides ${JSON.stringify(c.strides)}, ${c.pad}`;
}

describe('wasm training kernels', () => {
  beforeAll(async () => {
    await selectBackend('wasm');
  });

  it.each(convCases)('conv2d gradients match cpu: %#', async (c) => {
    const x = new Float32Array(tf.util.sizeFromShape(c.input)).map((_, i) => Math.sin(0.37 * i + 0.1));
    const w = new Float32Array(tf.util.sizeFromShape(c.filter)).map((_, i) => Math.cos(0.53 * i));
    const compute = () => {
      const xs = tf.tensor4d(x, c.input);
      const ws = tf.tensor4d(w, c.filter);
      const loss = (a: tf.Tensor4D, b: tf.Tensor4D) => tf.conv2d(a, b, c.strides, c.pad).square().sum().mul(0.5) as tf.Scalar;
      const [dx, dw] = tf.grads(loss)([xs, ws]);
      return [tf.conv2d(xs, ws, c.strides, c.pad), dx, dw];
    };

    const expected = await onBackend('cpu', compute);
    const actual = await onBackend('wasm', compute);

    expect(maxRelativeError(actual[0], expected[0]), `${label(c)}: forward`).toBeLessThan(1e-5);
    expect(maxRelativeError(actual[1], expected[1]), `${label(c)}: input gradient`).toBeLessThan(1e-4);
    expect(maxRelativeError(actual[2], expected[2]), `${label(c)}: filter gradient`).toBeLessThan(1e-4);
  });

  it.each(convCases)('conv2dTranspose gradients match cpu: %#', async (c) => {
    const outputShape = tf.tidy(() => tf.conv2d(tf.zeros(c.input) as tf.Tensor4D, tf.zeros(c.filter) as tf.Tensor4D, c.strides, c.pad).shape);
    const transposedFilter: [number, number, number, number] = [c.filter[0], c.filter[1], c.filter[2], c.filter[3]];
    const y = new Float32Array(tf.util.sizeFromShape(outputShape)).map((_, i) => Math.sin(0.29 * i + 0.4));
    const w = new Float32Array(tf.util.sizeFromShape(transposedFilter)).map((_, i) => Math.cos(0.61 * i + 0.2));
    const compute = () => {
      const ys = tf.tensor4d(y, outputShape as [number, number, number, number]);
      const ws = tf.tensor4d(w, transposedFilter);
      const forward = (a: tf.Tensor4D, b: tf.Tensor4D) => tf.conv2dTranspose(a, b, c.input, c.strides, c.pad);
      const [dy, dw] = tf.grads((a: tf.Tensor4D, b: tf.Tensor4D) => forward(a, b).square().sum().mul(0.5) as tf.Scalar)([ys, ws]);
      return [forward(ys, ws), dy, dw];
    };

    const expected = await onBackend('cpu', compute);
    const actual = await onBackend('wasm', compute);

    expect(maxRelativeError(actual[0], expected[0]), `${label(c)}: forward`).toBeLessThan(1e-5);
    expect(maxRelativeError(actual[1], expected[1]), `${label(c)}: input gradient`).toBeLessThan(1e-4);
    expect(maxRelativeError(actual[2], expected[2]), `${label(c)}: filter gradient`).toBeLessThan(1e-4);
  });

  describe.each([
    ['phases', conv2DBackpropInputByPhases],
    ['columns', conv2DBackpropInputByColumns],
  ] as const)('input gradient by %s', (_, strategy) => {
    it.each(convCases)('matches cpu: %#', async (c) => {
      const outputShape = tf.tidy(() => tf.conv2d(tf.zeros(c.input) as tf.Tensor4D, tf.zeros(c.filter) as tf.Tensor4D, c.strides, c.pad).shape);
      const dy = new Float32Array(tf.util.sizeFromShape(outputShape)).map((_, i) => Math.sin(0.31 * i + 0.7));
      const w = new Float32Array(tf.util.sizeFromShape(c.filter)).map((_, i) => Math.cos(0.47 * i));
      const attrs = { strides: c.strides, pad: c.pad, dataFormat: 'NHWC' as const, inputShape: c.input };

      const [expected] = await onBackend('cpu', () => [
        tf.conv2dTranspose(tf.tensor4d(dy, outputShape as [number, number, number, number]), tf.tensor4d(w, c.filter), c.input, c.strides, c.pad),
      ]);
      const [actual] = await onBackend('wasm', () => {
        const inputs = { dy: tf.tensor4d(dy, outputShape as [number, number, number, number]), filter: tf.tensor4d(w, c.filter) };
        const info = strategy({ inputs, backend: tf.backend() as BackendWasm, attrs });
        return [tf.engine().makeTensorFromTensorInfo(info)];
      });

      expect(maxRelativeError(actual, expected), label(c)).toBeLessThan(1e-5);
    });
  });

  it.each([
    { a: [5, 7], b: [5, 3], transposeA: true, transposeB: false },
    { a: [4, 6], b: [3, 6], transposeA: false, transposeB: true },
    { a: [2, 6, 4], b: [2, 5, 6], transposeA: true, transposeB: true },
    { a: [3, 4, 6], b: [3, 6, 2], transposeA: false, transposeB: false },
  ])('matMul with transposes matches cpu: $a $b', async ({ a, b, transposeA, transposeB }) => {
    const av = new Float32Array(tf.util.sizeFromShape(a)).map((_, i) => Math.sin(i + 1));
    const bv = new Float32Array(tf.util.sizeFromShape(b)).map((_, i) => Math.cos(2 * i));
    const compute = () => {
      const at = tf.tensor(av, a);
      const bt = tf.tensor(bv, b);
      const outer = transposeB ? b[b.length - 2] : b[b.length - 1];
      const bias = tf.linspace(-1, 1, outer);
      const plain = tf.matMul(at, bt, transposeA, transposeB);
      const fused = tf.fused.matMul({ a: at, b: bt, transposeA, transposeB, bias: a.length === 2 ? bias : undefined, activation: 'relu' });
      return [plain, fused];
    };

    const expected = await onBackend('cpu', compute);
    const actual = await onBackend('wasm', compute);

    expect(maxRelativeError(actual[0], expected[0])).toBeLessThan(1e-5);
    expect(maxRelativeError(actual[1], expected[1])).toBeLessThan(1e-5);
  });

  it('leaks no wasm memory', async () => {
    await selectBackend('wasm');
    const x = tf.randomNormal([4, 10, 10, 3], 0, 1, 'float32', 1) as tf.Tensor4D;
    const w = tf.randomNormal([3, 3, 3, 5], 0, 1, 'float32', 2) as tf.Tensor4D;
    const step = () => tf.tidy(() => tf.grads((a: tf.Tensor4D, b: tf.Tensor4D) => tf.conv2d(a, b, 2, 'same').sum() as tf.Scalar)([x, w]));
    step().forEach((t) => t.dispose());
    const before = { tensors: tf.memory().numTensors, dataIds: tf.backend().numDataIds() };

    for (let i = 0; i < 5; i++) step().forEach((t) => t.dispose());

    expect(tf.memory().numTensors).toBe(before.tensors);
    expect(tf.backend().numDataIds()).toBe(before.dataIds);
    x.dispose();
    w.dispose();
  });
});
