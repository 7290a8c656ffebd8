import * as tf from '@tensorflow/tfjs';
import { assertChannelsLast, reshapedView, runWasmKernel, type WasmKernelArgs } from './wasm-kernel-utils.js';

type Inputs = { x: tf.TensorInfo; dy: tf.TensorInfo };

/**
 * Filter gradient of a 2-D convolution for the wasm backend, which has no such kernel
 * (tfjs-backend-wasm 4.22), so conv nets cannot train there without it:
 *
 *   dW[kh, kw, ci, co] = Σ_{b, oh, ow} x[b, oh·s_h − p_top + kh, ow·s_w − p_left + kw, ci] · dy[b, oh, ow, co],
 *
 * with out-of-range input positions read as zero. The sum is one matrix product dW = P·dY: the input
 * patches are gathered in JavaScript into P of shape [KH·KW·CI, B·OH·OW] (im2col, already transposed),
 * and the backend's BatchMatMul (XNNPACK, SIMD) multiplies P by dy seen as [B·OH·OW, CO].
 * In tools/bench/train-kernels.js this was 7–10× faster than a direct JavaScript loop on every layer
 * measured. It was also 1.4–4.4× faster than a Conv2D over transposed tensors on the strided layers,
 * but 1.3× slower than that Conv2D on a stride-1 layer with 16 channels.
 */
// TODO(#5): take the Conv2D + Transpose route for stride-1 layers with many channels, where it measured faster.
export function conv2DBackpropFilter(args: WasmKernelArgs<Inputs, tf.Conv2DBackpropFilterAttrs>): tf.TensorInfo {
  const { inputs, backend, attrs } = args;
  assertChannelsLast('Conv2DBackpropFilter', attrs.dataFormat);
  const info = tf.backend_util.computeConv2DInfo(
    inputs.x.shape as [number, number, number, number],
    attrs.filterShape,
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode,
  );

  const patches = backend.makeOutput([info.filterHeight * info.filterWidth * info.inChannels, info.batchSize * info.outHeight * info.outWidth], 'float32');
  gatherPatchesTransposed(backend.typedArrayFromHeap(inputs.x) as Float32Array, backend.typedArrayFromHeap(patches) as Float32Array, info);

  const dyMatrix = reshapedView(inputs.dy, [info.batchSize * info.outHeight * info.outWidth, info.outChannels]);
  const product = runWasmKernel('BatchMatMul', backend, { a: patches, b: dyMatrix }, { transposeA: false, transposeB: false });
  backend.disposeData(patches.dataId);
  return reshapedView(product, info.filterShape);
}

/** Writes P[(kh·KW + kw)·CI + ci, (b·OH + oh)·OW + ow] = x[b, oh·s_h − p_top + kh, ow·s_w − p_left + kw, ci]. */
function gatherPatchesTransposed(x: Float32Array, patches: Float32Array, info: tf.backend_util.Conv2DInfo): void {
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, filterHeight, filterWidth, strideHeight, strideWidth } = info;
  const { top, left } = info.padInfo;
  let offset = 0;

  for (let kh = 0; kh < filterHeight; kh++) {
    for (let kw = 0; kw < filterWidth; kw++) {
      for (let ci = 0; ci < inChannels; ci++) {
        for (let b = 0; b < batchSize; b++) {
          for (let oh = 0; oh < outHeight; oh++) {
            const row = oh * strideHeight - top + kh;
            const rowInside = row >= 0 && row < inHeight;
            const rowStart = (b * inHeight + row) * inWidth;
            for (let ow = 0; ow < outWidth; ow++) {
              const column = ow * strideWidth - left + kw;
              patches[offset++] = rowInside && column >= 0 && column < inWidth ? x[(rowStart + column) * inChannels + ci] : 0;
            }
          }
        }
      }
    }
  }
}

export const conv2DBackpropFilterConfig: tf.KernelConfig = {
  kernelName: tf.Conv2DBackpropFilter,
  backendName: 'wasm',
  kernelFunc: conv2DBackpropFilter as unknown as tf.KernelFunc,
};
