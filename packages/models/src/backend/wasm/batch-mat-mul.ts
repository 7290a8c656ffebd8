import * as tf from '@tensorflow/tfjs';
import { transposeLastTwoAxes, type WasmKernelArgs } from './wasm-kernel-utils.js';

type MatMulInputs = { a: tf.TensorInfo; b: tf.TensorInfo } & tf.NamedTensorInfoMap;
type MatMulAttrs = { transposeA: boolean; transposeB: boolean } & tf.NamedAttrMap;

/**
 * Wraps the wasm BatchMatMul or _FusedMatMul kernel so that it never multiplies with a transposed
 * operand: the operand is transposed first (Transpose kernel) and the product taken untransposed.
 * Backpropagation through a dense layer computes xᵀ·dy and dy·Wᵀ, and in tfjs-backend-wasm 4.22 these were
 * 35× and 4.5× slower than an explicit transpose followed by the plain product
 * ([64, 1024]ᵀ·[64, 256]: 30 ms against 0.84 ms).
 *
 * NOTE: with operands of rank 3 or more, the wasm _FusedMatMul of tfjs-backend-wasm 4.22 adds the bias
 * wrongly to every batch after the first. Rank-2 products, which dense layers use, are correct.
 */
export function withExplicitTranspose(original: tf.KernelConfig): tf.KernelConfig {
  const kernelFunc = (args: WasmKernelArgs<MatMulInputs, MatMulAttrs>): tf.TensorInfo => {
    const { inputs, backend, attrs } = args;
    if (!attrs.transposeA && !attrs.transposeB) return original.kernelFunc(args) as tf.TensorInfo;

    const a = attrs.transposeA ? transposeLastTwoAxes(backend, inputs.a) : inputs.a;
    const b = attrs.transposeB ? transposeLastTwoAxes(backend, inputs.b) : inputs.b;
    const product = original.kernelFunc({
      inputs: { ...inputs, a, b },
      backend,
      attrs: { ...attrs, transposeA: false, transposeB: false },
    }) as tf.TensorInfo;

    if (a !== inputs.a) backend.disposeData(a.dataId);
    if (b !== inputs.b) backend.disposeData(b.dataId);
    return product;
  };
  return { ...original, kernelFunc: kernelFunc as unknown as tf.KernelFunc };
}
