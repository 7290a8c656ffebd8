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

/**
 * Input gradient of a 2-D convolution (also the forward pass of a transposed convolution) for the wasm
 * backend, replacing the backend's own kernel, a scalar loop that took most of the training step of a
 * conv autoencoder:
 *
 *   dx[b, ih, iw, ci] = Σ_{kh, kw, co} dy[b, oh, ow, co] · W[kh, kw, ci, co],   ih = oh·s_h − p_top + kh, iw = ow·s_w − p_left + kw.
 *
 * Stride 1 is a convolution of dy with the flipped filter, run by the backend's Conv2D (XNNPACK).
 * Larger strides use a matrix product C = dY·Wᵀ of shape [B·OH·OW, KH·KW·CI] (BatchMatMul, XNNPACK)
 * followed by a scatter-add of C into dx in JavaScript (col2im).
 */
export function conv2DBackpropInput(args: WasmKernelArgs<Inputs, tf.Conv2DBackpropInputAttrs>): tf.TensorInfo {
  const { inputs, backend, attrs } = args;
  assertChannelsLast('Conv2DBackpropInput', attrs.dataFormat);
  const info = tf.backend_util.computeConv2DInfo(
    attrs.inputShape,
    inputs.filter.shape as [number, number, number, number],
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode,
  );

  const padding = flippedConvolutionPadding(info);
  if (info.strideHeight === 1 && info.strideWidth === 1 && padding !== undefined) {
    return convolveWithFlippedFilter(backend, inputs, info, padding);
  }
  return multiplyAndScatter(backend, inputs, info);
}

type ExplicitPadding = [[number, number], [number, number], [number, number], [number, number]];

/** Padding of dy for the stride-1 flipped convolution, or undefined when it would be negative. */
function flippedConvolutionPadding(info: tf.backend_util.Conv2DInfo): ExplicitPadding | undefined {
  const top = info.filterHeight - 1 - info.padInfo.top;
  const left = info.filterWidth - 1 - info.padInfo.left;
  const bottom = info.inHeight + info.filterHeight - 1 - info.outHeight - top;
  const right = info.inWidth + info.filterWidth - 1 - info.outWidth - left;
  if (Math.min(top, left, bottom, right) < 0) return undefined;
  return [[0, 0], [top, bottom], [left, right], [0, 0]];
}

/** dx = dy ⋆ W', with W'[kh, kw, co, ci] = W[KH−1−kh, KW−1−kw, ci, co] and stride 1. */
function convolveWithFlippedFilter(
  backend: BackendWasm,
  inputs: Inputs,
  info: tf.backend_util.Conv2DInfo,
  padding: ExplicitPadding,
): tf.TensorInfo {
  const { filterHeight, filterWidth, inChannels, outChannels } = info;
  const flipped = backend.makeOutput([filterHeight, filterWidth, outChannels, inChannels], 'float32');
  const source = backend.typedArrayFromHeap(inputs.filter) as Float32Array;
  const target = backend.typedArrayFromHeap(flipped) as Float32Array;

  for (let kh = 0; kh < filterHeight; kh++) {
    for (let kw = 0; kw < filterWidth; kw++) {
      const from = ((filterHeight - 1 - kh) * filterWidth + (filterWidth - 1 - kw)) * inChannels * outChannels;
      const to = (kh * filterWidth + kw) * outChannels * inChannels;
      for (let ci = 0; ci < inChannels; ci++) {
        for (let co = 0; co < outChannels; co++) target[to + co * inChannels + ci] = source[from + ci * outChannels + co];
      }
    }
  }

  const attrs = { strides: [1, 1], pad: padding, dilations: [1, 1], dataFormat: 'NHWC' } as unknown as tf.NamedAttrMap;
  const dx = runWasmKernel('Conv2D', backend, { x: inputs.dy, filter: flipped }, attrs);
  backend.disposeData(flipped.dataId);
  return dx;
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
