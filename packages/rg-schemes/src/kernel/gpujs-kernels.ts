import { NotImplementedError, type SpinData } from '@rgae/core';
import { GPU, type IConstantsThis, type IKernelFunctionThis, type IKernelRunShortcut } from 'gpu.js';
import { allocateLike, coarseLength, type BlockKernels, type BlockShape } from './block-kernels.js';

interface BlockConstants extends IConstantsThis {
  linearSize: number;
  blockSize: number;
  coarseSize: number;
}

/**
 * Maximum number of sites one kernel call reads. GPU backends index in float32, which represents
 * integers exactly only up to 2^24, and the floor of (index / cells) stays exact well below that.
 */
const MAX_SITES_PER_CALL = 2 ** 22;

/** Sums the b×b block of one output cell in row-major order. The cell index encodes (sample, row, column). */
function blockSumKernel(this: IKernelFunctionThis<BlockConstants>, spins: number[]): number {
  const cells = this.constants.coarseSize * this.constants.coarseSize;
  const sample = Math.floor(this.thread.x / cells);
  const rest = this.thread.x - sample * cells;
  const row = Math.floor(rest / this.constants.coarseSize);
  const column = rest - row * this.constants.coarseSize;
  const origin =
    sample * this.constants.linearSize * this.constants.linearSize +
    row * this.constants.blockSize * this.constants.linearSize +
    column * this.constants.blockSize;
  let sum = 0;
  for (let j = 0; j < this.constants.blockSize; j++) {
    for (let i = 0; i < this.constants.blockSize; i++) {
      sum += spins[origin + j * this.constants.linearSize + i];
    }
  }
  return sum;
}

function topLeftKernel(this: IKernelFunctionThis<BlockConstants>, spins: number[]): number {
  const cells = this.constants.coarseSize * this.constants.coarseSize;
  const sample = Math.floor(this.thread.x / cells);
  const rest = this.thread.x - sample * cells;
  const row = Math.floor(rest / this.constants.coarseSize);
  const column = rest - row * this.constants.coarseSize;
  return spins[
    sample * this.constants.linearSize * this.constants.linearSize +
      row * this.constants.blockSize * this.constants.linearSize +
      column * this.constants.blockSize
  ];
}

/** True when gpu.js can run on a real GPU here (headless-gl in Node, WebGL in a browser). */
export function hasRealGpuMode(): boolean {
  return GPU.isHeadlessGLSupported || GPU.isWebGL2Supported || GPU.isWebGLSupported;
}

let gpu: GPU | undefined;
const compiled = new Map<string, IKernelRunShortcut>();

/**
 * Returns the gpu.js mode the kernels run in: a real GPU mode when one exists, otherwise the
 * WebAssembly backend (float32 arithmetic like a GPU), otherwise gpu.js's JavaScript backend.
 */
export function gpujsMode(): string {
  // TODO(#4): equality with the typed-array kernels is tested in the webasm mode only. A GL backend
  // may round float32 sums of real-valued inputs differently, which no machine here could check.
  if (hasRealGpuMode()) return 'gpu';
  return GPU.isWebAssemblySupported ? 'webasm' : 'cpu';
}

function kernelFor(kind: 'sum' | 'top-left', shape: BlockShape, nSamples: number): IKernelRunShortcut {
  const key = `${kind}:${shape.linearSize}:${shape.blockSize}:${nSamples}`;
  const cached = compiled.get(key);
  if (cached) return cached;

  gpu ??= new GPU({ mode: gpujsMode() as 'gpu' | 'webasm' | 'cpu' });
  const coarseSize = shape.linearSize / shape.blockSize;
  const kernel = gpu.createKernel(kind === 'sum' ? blockSumKernel : topLeftKernel, {
    output: [nSamples * coarseSize * coarseSize],
    constants: { linearSize: shape.linearSize, blockSize: shape.blockSize, coarseSize },
    tactic: 'precision',
  });
  compiled.set(key, kernel);
  return kernel;
}

/**
 * Runs a kernel over the batch in chunks of whole samples small enough for float32 indexing, and
 * writes each chunk's output through `store`.
 */
function runChunked(
  kind: 'sum' | 'top-left',
  data: SpinData,
  shape: BlockShape,
  store: (values: Float32Array, offset: number) => void,
): void {
  const sitesPerSample = shape.linearSize * shape.linearSize;
  if (sitesPerSample > MAX_SITES_PER_CALL) {
    throw new NotImplementedError(
      `The gpu.js block kernels index in float32 and accept at most ${MAX_SITES_PER_CALL} sites per sample, ` +
        `received L = ${shape.linearSize}. Use the typed-array kernels (kernels: 'js').`,
    );
  }
  const coarseSites = sitesPerSample / (shape.blockSize * shape.blockSize);
  const chunkSamples = Math.floor(MAX_SITES_PER_CALL / sitesPerSample);

  for (let first = 0; first < shape.nSamples; first += chunkSamples) {
    const count = Math.min(chunkSamples, shape.nSamples - first);
    const input = data.subarray(first * sitesPerSample, (first + count) * sitesPerSample);
    const values = kernelFor(kind, shape, count)(input as unknown as number[]) as Float32Array;
    store(values, first * coarseSites);
  }
}

/** Block kernels compiled by gpu.js 2.24, with results equal to those of `typedArrayKernels` (tested). */
export const gpujsKernels: BlockKernels = {
  id: 'gpujs',

  blockSums(data: SpinData, shape: BlockShape): Float32Array {
    const out = new Float32Array(coarseLength(shape));
    runChunked('sum', data, shape, (values, offset) => out.set(values, offset));
    return out;
  },

  decimate<D extends SpinData>(data: D, shape: BlockShape): D {
    const out = allocateLike(data, coarseLength(shape));
    runChunked('top-left', data, shape, (values, offset) => out.set(values, offset));
    return out;
  },
};
