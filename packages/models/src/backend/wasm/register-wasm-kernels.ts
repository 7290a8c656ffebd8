import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { withExplicitTranspose } from './batch-mat-mul.js';
import { conv2DBackpropFilterConfig } from './conv2d-backprop-filter.js';
import { conv2DBackpropInputConfig } from './conv2d-backprop-input.js';

/** Kernels rgae adds to or replaces on the wasm backend, for reports and tests. */
export const WASM_KERNEL_REPLACEMENTS = ['Conv2DBackpropFilter', 'Conv2DBackpropInput', 'BatchMatMul', '_FusedMatMul'] as const;

const REGISTERED = Symbol.for('rgae.models.wasmKernels');

/**
 * Registers rgae's wasm kernels: Conv2DBackpropFilter, which tfjs-backend-wasm 4.22 lacks (so conv nets
 * could not train), a faster Conv2DBackpropInput, and matrix products that never take the slow
 * transposed-operand path. Calling it again does nothing.
 *
 * Training the four rgae architectures needs no other kernel: the training tests run all of them on
 * wasm. Of the cpu backend's kernels, wasm 4.22 also lacks the complex/FFT, ragged, string,
 * depthwise-gradient and UnsortedSegmentSum kernels (the gradient of gather), which these models never call.
 */
export function registerWasmKernels(): void {
  const registry = globalThis as { [REGISTERED]?: boolean };
  if (registry[REGISTERED]) return;

  replaceKernel(conv2DBackpropFilterConfig);
  replaceKernel(conv2DBackpropInputConfig);
  for (const name of ['BatchMatMul', '_FusedMatMul']) {
    const original = tf.getKernel(name, 'wasm');
    if (original !== undefined) replaceKernel(withExplicitTranspose(original));
  }
  registry[REGISTERED] = true;
}

/** Registers `config`, replacing a kernel already registered under its name and keeping its setup. */
function replaceKernel(config: tf.KernelConfig): void {
  const existing = tf.getKernel(config.kernelName, config.backendName);
  if (existing !== undefined) tf.unregisterKernel(config.kernelName, config.backendName);
  tf.registerKernel({ ...config, setupFunc: config.setupFunc ?? existing?.setupFunc, disposeFunc: config.disposeFunc ?? existing?.disposeFunc });
}
