import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

export type { BackendWasm };

/** Arguments every kernel function receives, typed for the wasm backend. */
export interface WasmKernelArgs<Inputs, Attrs> {
  inputs: Inputs;
  backend: BackendWasm;
  attrs: Attrs;
}

/**
 * Runs the kernel registered for the wasm backend under `kernelName` directly, outside the engine, as
 * the backend's own kernels call each other. The caller owns the returned TensorInfo and releases it
 * with `backend.disposeData`.
 */
export function runWasmKernel(
  kernelName: string,
  backend: BackendWasm,
  inputs: tf.NamedTensorInfoMap,
  attrs: tf.NamedAttrMap,
): tf.TensorInfo {
  const kernel = tf.getKernel(kernelName, 'wasm');
  if (kernel === undefined) throw new Error(`The wasm backend has no "${kernelName}" kernel.`);
  return kernel.kernelFunc({ inputs, backend, attrs }) as tf.TensorInfo;
}

/** Returns a TensorInfo that shares `info`'s memory under another shape of the same size (no copy, no new reference). */
export function reshapedView(info: tf.TensorInfo, shape: number[]): tf.TensorInfo {
  return { dataId: info.dataId, shape, dtype: info.dtype };
}

/** Transposes the last two axes of `info` with the wasm Transpose kernel; the caller disposes the result. */
export function transposeLastTwoAxes(backend: BackendWasm, info: tf.TensorInfo): tf.TensorInfo {
  const rank = info.shape.length;
  const perm = [...Array(rank).keys()];
  perm[rank - 2] = rank - 1;
  perm[rank - 1] = rank - 2;
  return runWasmKernel('Transpose', backend, { x: info }, { perm });
}

/** Throws for the channels-first layout, which the wasm convolution kernels do not implement. */
export function assertChannelsLast(kernelName: string, dataFormat: string): void {
  if (dataFormat !== 'NHWC') {
    throw new Error(`${kernelName} on the wasm backend supports dataFormat 'NHWC' only, got '${dataFormat}'.`);
  }
}
