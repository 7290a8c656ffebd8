import * as tf from '@tensorflow/tfjs';
import {
  assertChannelsLast,
  reshapedView,
  runWasmKernel,
  transposeLastTwoAxes,
  type BackendWasm,
  type WasmKernelArgs,
} from './wasm-kernel-utils.js';

type Inputs = { dy: tf.TensorInfo; filter: tf.TensorInfo };

/** Minimum number of input channels (channels of dx) for which strided gradients use the phase split. */
export const PHASES_MIN_CHANNELS = 16;

/**
 * Input gradient of a 2-D convolution (also the forward pass of a transposed convolution) for the wasm
 * backend. It replaces the backend's own kernel, a scalar loop that took most of a conv autoencoder's
 * training step (tfjs-backend-wasm 4.22):
 *
 *   dx[b, ih, iw, ci] = Σ_{kh, kw, co} dy[b, oh, ow, co] · W[kh, kw, ci, co],   ih = oh·s_h − p_top + kh, iw = ow·s_w − p_left + kw.
 *
 * Two strategies, both built on the backend's XNNPACK kernels:
 * - phases: for stride s, the rows with (ih + p_top) mod s = p take only the taps kh ≡ p (mod s), so each
 *   of the s_h·s_w phases is a stride-1 convolution of dy with a flipped sub-filter (Conv2D), and the
 *   phase outputs are interleaved into dx. With stride 1 there is one phase, whose output is dx itself.
 * - columns (`multiplyAndScatter`): one matrix product and a scatter-add in JavaScript.
 * XNNPACK convolutions with few output channels are slow, so strided gradients with fewer than
 * PHASES_MIN_CHANNELS input channels take the columns path (measured crossover between 8 and 16 channels,
 * tools/bench/train-kernels.js). So does padding that the phase split cannot express.
 */
export function conv2DBackpropInput(args: WasmKernelArgs<Inputs, tf.Conv2DBackpropInputAttrs>): tf.TensorInfo {
  const info = convInfoOf(args);
  const strided = info.strideHeight > 1 || info.strideWidth > 1;
  if (strided && info.inChannels < PHASES_MIN_CHANNELS) return multiplyAndScatter(args.backend, args.inputs, info);
  return byPhases(args.backend, args.inputs, info);
}

/** Computes the gradient by the phase split (columns only where its padding would be negative), for tests and benchmarks. */
export function conv2DBackpropInputByPhases(args: WasmKernelArgs<Inputs, tf.Conv2DBackpropInputAttrs>): tf.TensorInfo {
  return byPhases(args.backend, args.inputs, convInfoOf(args));
}

/** Computes the gradient by `multiplyAndScatter` only, for tests and benchmarks of that path. */
export function conv2DBackpropInputByColumns(args: WasmKernelArgs<Inputs, tf.Conv2DBackpropInputAttrs>): tf.TensorInfo {
  return multiplyAndScatter(args.backend, args.inputs, convInfoOf(args));
}

function byPhases(backend: BackendWasm, inputs: Inputs, info: tf.backend_util.Conv2DInfo): tf.TensorInfo {
  const rows = axisPhases(info.strideHeight, info.filterHeight, info.inHeight, info.outHeight, info.padInfo.top);
  const columns = axisPhases(info.strideWidth, info.filterWidth, info.inWidth, info.outWidth, info.padInfo.left);
  if (rows === undefined || columns === undefined) return multiplyAndScatter(backend, inputs, info);
  if (info.strideHeight === 1 && info.strideWidth === 1) return convolvePhase(backend, inputs, info, rows[0], columns[0]);

  const dx = backend.makeOutput(info.inShape, 'float32');
  (backend.typedArrayFromHeap(dx) as Float32Array).fill(0);
  for (const row of rows) {
    for (const column of columns) {
      if (row.outputs === 0 || column.outputs === 0 || row.taps === 0 || column.taps === 0) continue;
      const phase = convolvePhase(backend, inputs, info, row, column);
      // Views are taken after convolvePhase, whose allocations may move the wasm heap.
      interleavePhase(backend.typedArrayFromHeap(phase) as Float32Array, backend.typedArrayFromHeap(dx) as Float32Array, info, row, column);
      backend.disposeData(phase.dataId);
    }
  }
  return dx;
}

function convInfoOf(args: WasmKernelArgs<Inputs, tf.Conv2DBackpropInputAttrs>): tf.backend_util.Conv2DInfo {
  const { inputs, attrs } = args;
  assertChannelsLast('Conv2DBackpropInput', attrs.dataFormat);
  return tf.backend_util.computeConv2DInfo(
    attrs.inputShape,
    inputs.filter.shape as [number, number, number, number],
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode,
  );
}

/**
 * Phase p of one axis: the input positions i = s·q + p − pad for q = first … first + outputs − 1. They take
 * the taps k = p + s·j, j = 0 … taps − 1, from dy positions q − j, which as a stride-1 convolution over dy
 * needs `before` and `after` padding of dy.
 */
interface AxisPhase {
  phase: number;
  taps: number;
  first: number;
  outputs: number;
  before: number;
  after: number;
}

/** Splits one axis into its phases; returns undefined when one of them would need negative padding. */
function axisPhases(stride: number, filterSize: number, inSize: number, outSize: number, pad: number): AxisPhase[] | undefined {
  const phases: AxisPhase[] = [];
  for (let phase = 0; phase < stride; phase++) {
    const taps = Math.max(0, Math.ceil((filterSize - phase) / stride));
    const first = Math.ceil((pad - phase) / stride);
    const outputs = Math.max(0, Math.floor((inSize - 1 + pad - phase) / stride) - first + 1);
    const before = taps - 1 - first;
    const after = outputs + taps - 1 - outSize - before;
    if (taps > 0 && outputs > 0 && (before < 0 || after < 0)) return undefined;
    phases.push({ phase, taps, first, outputs, before, after });
  }
  return phases;
}

/**
 * Convolves dy (stride 1) with the phase's sub-filter F[j'h, j'w, co, ci] = W[p_h + s_h·(J_h − 1 − j'h), p_w + s_w·(J_w − 1 − j'w), ci, co].
 * The result contains the phase's rows and columns of dx, shape [B, outputs_h, outputs_w, CI].
 */
function convolvePhase(backend: BackendWasm, inputs: Inputs, info: tf.backend_util.Conv2DInfo, row: AxisPhase, column: AxisPhase): tf.TensorInfo {
  const { filterWidth, inChannels, outChannels, strideHeight, strideWidth } = info;
  const subFilter = backend.makeOutput([row.taps, column.taps, outChannels, inChannels], 'float32');
  const source = backend.typedArrayFromHeap(inputs.filter) as Float32Array;
  const target = backend.typedArrayFromHeap(subFilter) as Float32Array;

  for (let jh = 0; jh < row.taps; jh++) {
    const kh = row.phase + strideHeight * (row.taps - 1 - jh);
    for (let jw = 0; jw < column.taps; jw++) {
      const kw = column.phase + strideWidth * (column.taps - 1 - jw);
      const from = (kh * filterWidth + kw) * inChannels * outChannels;
      const to = (jh * column.taps + jw) * outChannels * inChannels;
      for (let ci = 0; ci < inChannels; ci++) {
        for (let co = 0; co < outChannels; co++) target[to + co * inChannels + ci] = source[from + ci * outChannels + co];
      }
    }
  }

  const pad = [[0, 0], [row.before, row.after], [column.before, column.after], [0, 0]];
  const attrs = { strides: [1, 1], pad, dilations: [1, 1], dataFormat: 'NHWC' } as unknown as tf.NamedAttrMap;
  const output = runWasmKernel('Conv2D', backend, { x: inputs.dy, filter: subFilter }, attrs);
  backend.disposeData(subFilter.dataId);
  return output;
}

/** Copies a phase output [B, outputs_h, outputs_w, CI] to the dx rows s_h·(first_h + r) + p_h − p_top and the matching columns. */
function interleavePhase(phase: Float32Array, dx: Float32Array, info: tf.backend_util.Conv2DInfo, row: AxisPhase, column: AxisPhase): void {
  const { batchSize, inHeight, inWidth, inChannels, strideHeight, strideWidth } = info;
  let offset = 0;

  for (let b = 0; b < batchSize; b++) {
    for (let r = 0; r < row.outputs; r++) {
      const ih = strideHeight * (row.first + r) + row.phase - info.padInfo.top;
      for (let c = 0; c < column.outputs; c++, offset += inChannels) {
        const iw = strideWidth * (column.first + c) + column.phase - info.padInfo.left;
        dx.set(phase.subarray(offset, offset + inChannels), ((b * inHeight + ih) * inWidth + iw) * inChannels);
      }
    }
  }
}

/** dx by C = dY·Wᵀ (XNNPACK) and a scatter-add of C's rows onto the input positions they came from. */
function multiplyAndScatter(backend: BackendWasm, inputs: Inputs, info: tf.backend_util.Conv2DInfo): tf.TensorInfo {
  const { batchSize, outHeight, outWidth, outChannels, filterHeight, filterWidth, inChannels } = info;
  const patchLength = filterHeight * filterWidth * inChannels;
  const filterTransposed = transposeLastTwoAxes(backend, reshapedView(inputs.filter, [patchLength, outChannels]));
  const dyMatrix = reshapedView(inputs.dy, [batchSize * outHeight * outWidth, outChannels]);
  const columns = runWasmKernel('BatchMatMul', backend, { a: dyMatrix, b: filterTransposed }, { transposeA: false, transposeB: false });
  backend.disposeData(filterTransposed.dataId);

  const dx = backend.makeOutput(info.inShape, 'float32');
  const target = backend.typedArrayFromHeap(dx) as Float32Array;
  target.fill(0);
  scatterColumns(backend.typedArrayFromHeap(columns) as Float32Array, target, info);
  backend.disposeData(columns.dataId);
  return dx;
}

function scatterColumns(columns: Float32Array, dx: Float32Array, info: tf.backend_util.Conv2DInfo): void {
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, filterHeight, filterWidth, strideHeight, strideWidth } = info;
  const { top, left } = info.padInfo;
  let offset = 0;

  for (let b = 0; b < batchSize; b++) {
    for (let oh = 0; oh < outHeight; oh++) {
      for (let ow = 0; ow < outWidth; ow++) {
        for (let kh = 0; kh < filterHeight; kh++) {
          const row = oh * strideHeight - top + kh;
          for (let kw = 0; kw < filterWidth; kw++, offset += inChannels) {
            const column = ow * strideWidth - left + kw;
            if (row < 0 || row >= inHeight || column < 0 || column >= inWidth) continue;
            const start = ((b * inHeight + row) * inWidth + column) * inChannels;
            for (let ci = 0; ci < inChannels; ci++) dx[start + ci] += columns[offset + ci];
          }
        }
      }
    }
  }
}

export const conv2DBackpropInputConfig: tf.KernelConfig = {
  kernelName: tf.Conv2DBackpropInput,
  backendName: 'wasm',
  kernelFunc: conv2DBackpropInput as unknown as tf.KernelFunc,
};
