// Kernel strategies for training on the TensorFlow.js wasm backend, measured to choose the kernels rgae
// registers. It times, in CPU milliseconds per call, the candidate Conv2DBackpropFilter implementations,
// the backend's own Conv2DBackpropInput and rgae's two strategies, and matrix products with transposed
// operands against explicit transposes. Run after building: npx tsc -b packages/models && node tools/bench/train-kernels.js
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { selectBackend } from '@rgae/models';
import { conv2DBackpropInputByColumns, conv2DBackpropInputByPhases } from '../../packages/models/dist/backend/wasm/conv2d-backprop-input.js';
import { recordSection } from './record.js';

const CALLS = 20;
const REPEATS = 3;

// The backend's own kernels, captured before selectBackend registers rgae's replacements.
const originalBackpropInput = tf.getKernel('Conv2DBackpropInput', 'wasm').kernelFunc;
const originalMatMul = tf.getKernel('BatchMatMul', 'wasm').kernelFunc;
await selectBackend('wasm');
const backend = tf.backend();
const wasmKernel = (name) => tf.getKernel(name, 'wasm').kernelFunc;

function cpuMilliseconds() {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** CPU milliseconds per call of `run` (which returns a TensorInfo to free), best of REPEATS rounds of CALLS calls. */
function perCall(run) {
  backend.disposeData(run().dataId);
  let best = Infinity;
  for (let r = 0; r < REPEATS; r++) {
    const started = cpuMilliseconds();
    for (let i = 0; i < CALLS; i++) backend.disposeData(run().dataId);
    best = Math.min(best, (cpuMilliseconds() - started) / CALLS);
  }
  return best;
}

function filterInfo(x, filterShape, strides) {
  return tf.backend_util.computeConv2DInfo(x.shape, filterShape, strides, 1, 'same');
}

/** dW by a direct loop over (b, oh, ow, kh, kw, ci, co) on the wasm heap. */
function filterByLoop(x, dy, filterShape, strides) {
  const c = filterInfo(x, filterShape, strides);
  const out = backend.makeOutput(c.filterShape, 'float32');
  const xv = backend.typedArrayFromHeap(x);
  const dyv = backend.typedArrayFromHeap(dy);
  const dw = backend.typedArrayFromHeap(out).fill(0);
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels, filterHeight, filterWidth, strideHeight, strideWidth } = c;
  for (let b = 0; b < batchSize; b++) {
    for (let oh = 0; oh < outHeight; oh++) {
      for (let ow = 0; ow < outWidth; ow++) {
        const dyBase = ((b * outHeight + oh) * outWidth + ow) * outChannels;
        for (let kh = 0; kh < filterHeight; kh++) {
          const ih = oh * strideHeight - c.padInfo.top + kh;
          if (ih < 0 || ih >= inHeight) continue;
          for (let kw = 0; kw < filterWidth; kw++) {
            const iw = ow * strideWidth - c.padInfo.left + kw;
            if (iw < 0 || iw >= inWidth) continue;
            const xBase = ((b * inHeight + ih) * inWidth + iw) * inChannels;
            const wBase = (kh * filterWidth + kw) * inChannels * outChannels;
            for (let ci = 0; ci < inChannels; ci++) {
              const value = xv[xBase + ci];
              for (let co = 0; co < outChannels; co++) dw[wBase + ci * outChannels + co] += value * dyv[dyBase + co];
            }
          }
        }
      }
    }
  }
  return out;
}

/** dW as a Conv2D of xᵀ [CI, H, W, B] with dyᵀ [OH, OW, B, CO] as filter (dilation = stride), then a transpose. */
function filterByConvolution(x, dy, filterShape, strides) {
  const c = filterInfo(x, filterShape, strides);
  const xt = wasmKernel('Transpose')({ inputs: { x }, backend, attrs: { perm: [3, 1, 2, 0] } });
  const dyt = wasmKernel('Transpose')({ inputs: { x: dy }, backend, attrs: { perm: [1, 2, 0, 3] } });
  const bottom = Math.max(0, c.filterHeight + c.strideHeight * (c.outHeight - 1) - c.inHeight - c.padInfo.top);
  const right = Math.max(0, c.filterWidth + c.strideWidth * (c.outWidth - 1) - c.inWidth - c.padInfo.left);
  const pad = [[0, 0], [c.padInfo.top, bottom], [c.padInfo.left, right], [0, 0]];
  const conv = wasmKernel('Conv2D')({ inputs: { x: xt, filter: dyt }, backend, attrs: { strides: [1, 1], pad, dilations: [c.strideHeight, c.strideWidth], dataFormat: 'NHWC' } });
  backend.disposeData(xt.dataId);
  backend.disposeData(dyt.dataId);
  let cropped = conv;
  if (conv.shape[1] !== c.filterHeight || conv.shape[2] !== c.filterWidth) {
    cropped = wasmKernel('Slice')({ inputs: { x: conv }, backend, attrs: { begin: [0, 0, 0, 0], size: [-1, c.filterHeight, c.filterWidth, -1] } });
    backend.disposeData(conv.dataId);
  }
  const out = wasmKernel('Transpose')({ inputs: { x: cropped }, backend, attrs: { perm: [1, 2, 0, 3] } });
  backend.disposeData(cropped.dataId);
  return out;
}

function filterByPatches(x, dy, filterShape, strides) {
  return wasmKernel('Conv2DBackpropFilter')({ inputs: { x, dy }, backend, attrs: { strides, pad: 'same', dataFormat: 'NHWC', filterShape } });
}

const format = (ms) => ms.toFixed(2);
const filterCases = [
  { x: [64, 32, 32, 1], filter: [3, 3, 1, 16], strides: 2, note: 'conv 1, deconv 2 of the conv benchmark model' },
  { x: [64, 16, 16, 16], filter: [3, 3, 16, 32], strides: 2, note: 'conv 2, deconv 1' },
  { x: [64, 16, 16, 16], filter: [3, 3, 16, 16], strides: 1, note: 'a stride-1 layer' },
];
const filterRows = filterCases.map(({ x: xShape, filter, strides, note }) => {
  const x = tf.randomNormal(xShape, 0, 1, 'float32', 1);
  const dyShape = tf.tidy(() => tf.conv2d(x, tf.zeros(filter), strides, 'same').shape);
  const dy = tf.randomNormal(dyShape, 0, 1, 'float32', 2);
  const times = [filterByLoop, filterByConvolution, filterByPatches].map((f) => perCall(() => f(x, dy, filter, strides)));
  tf.dispose([x, dy]);
  return `| x ${xShape.join('×')}, W ${filter.join('×')}, stride ${strides} (${note}) | ${times.map(format).join(' | ')} |`;
});

const inputCases = [
  { dy: [64, 8, 8, 32], filter: [3, 3, 16, 32], input: [64, 16, 16, 16], strides: 2, note: 'deconv 1, conv 2 input gradient' },
  { dy: [64, 16, 16, 16], filter: [3, 3, 1, 16], input: [64, 32, 32, 1], strides: 2, note: 'deconv 2' },
  { dy: [64, 16, 16, 16], filter: [3, 3, 4, 16], input: [64, 32, 32, 4], strides: 2, note: '4 input channels' },
  { dy: [64, 16, 16, 16], filter: [3, 3, 8, 16], input: [64, 32, 32, 8], strides: 2, note: '8 input channels' },
  { dy: [64, 8, 8, 16], filter: [3, 3, 16, 16], input: [64, 16, 16, 16], strides: 2, note: '16 input channels' },
  { dy: [64, 8, 8, 32], filter: [3, 3, 32, 32], input: [64, 16, 16, 32], strides: 2, note: '32 input channels' },
  { dy: [64, 16, 16, 16], filter: [3, 3, 16, 16], input: [64, 16, 16, 16], strides: 1, note: 'stride 1' },
];
const inputRows = inputCases.map(({ dy: dyShape, filter: filterShape, input, strides, note }) => {
  const dy = tf.randomNormal(dyShape, 0, 1, 'float32', 3);
  const filter = tf.randomNormal(filterShape, 0, 1, 'float32', 4);
  const args = { inputs: { dy, filter }, backend, attrs: { strides, pad: 'same', dataFormat: 'NHWC', inputShape: input } };
  const times = [originalBackpropInput, conv2DBackpropInputByPhases, conv2DBackpropInputByColumns].map((f) => perCall(() => f(args)));
  tf.dispose([dy, filter]);
  return `| dy ${dyShape.join('×')} → ${input.join('×')}, stride ${strides} (${note}) | ${times.map(format).join(' | ')} |`;
});

const matMulCases = [
  { a: [64, 1024], b: [64, 256], transposeA: true, transposeB: false, note: 'xᵀ·dy, weight gradient of 1024 → 256' },
  { a: [64, 1024], b: [256, 1024], transposeA: false, transposeB: true, note: 'dy·Wᵀ, input gradient of 256 → 1024' },
];
const matMulRows = matMulCases.map(({ a: aShape, b: bShape, transposeA, transposeB, note }) => {
  const a = tf.randomNormal(aShape, 0, 1, 'float32', 5);
  const b = tf.randomNormal(bShape, 0, 1, 'float32', 6);
  const args = { inputs: { a, b }, backend, attrs: { transposeA, transposeB } };
  const times = [originalMatMul, wasmKernel('BatchMatMul')].map((f) => perCall(() => f(args)));
  tf.dispose([a, b]);
  return `| ${aShape.join('×')}${transposeA ? 'ᵀ' : ''} · ${bShape.join('×')}${transposeB ? 'ᵀ' : ''} (${note}) | ${times.map(format).join(' | ')} |`;
});

const markdown = [
  `CPU milliseconds per kernel call on the wasm backend (single-threaded, SIMD), best of ${REPEATS} rounds of ${CALLS} calls.`,
  'Run by `npm run bench` with no other work on the machine; the figures are CPU time, which other processes would not enter.',
  '',
  'Conv2DBackpropFilter (the wasm backend has none). rgae registers the patches strategy: im2col in JavaScript, then one BatchMatMul.',
  '',
  '| case | direct loop | Conv2D + Transpose | patches + BatchMatMul (rgae) |',
  '|---|---|---|---|',
  ...filterRows,
  '',
  `Conv2DBackpropInput (also the forward pass of conv2dTranspose). rgae uses phases for stride 1 and for ≥ 16 input channels, columns otherwise.`,
  '',
  '| case | wasm backend kernel | rgae phases (Conv2D per phase) | rgae columns (BatchMatMul + scatter) |',
  '|---|---|---|---|',
  ...inputRows,
  '',
  'Matrix products of backpropagation through dense layers. rgae transposes the operand first.',
  '',
  '| product | wasm BatchMatMul with transpose flag | rgae: Transpose, then BatchMatMul |',
  '|---|---|---|',
  ...matMulRows,
].join('\n');
console.log(markdown);

recordSection('train-kernels', {
  title: 'Training kernels on the wasm backend',
  command: 'npx tsc -b packages/models && node tools/bench/train-kernels.js',
  markdown,
});
