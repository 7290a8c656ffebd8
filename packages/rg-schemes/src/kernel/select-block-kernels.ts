import { chooseKernels, Rng, type KernelChoice } from '@rgae/core';
import type { BlockKernels, BlockShape } from './block-kernels.js';
import { gpujsKernels, hasRealGpuMode } from './gpujs-kernels.js';
import { typedArrayKernels } from './typed-array-kernels.js';

/** Samples in the batch that `auto` times each implementation on. */
const TIMING_SAMPLES = 64;

const autoChoices = new Map<string, BlockKernels>();

/** Random ±1 configurations of the given shape, for timing. */
function timingBatch(shape: BlockShape): Int8Array {
  const rng = Rng.create(0, ['block-kernel-timing', shape.linearSize]);
  const data = new Int8Array(TIMING_SAMPLES * shape.linearSize * shape.linearSize);
  for (let i = 0; i < data.length; i++) data[i] = rng.nextUint32() & 1 ? 1 : -1;
  return data;
}

/**
 * Resolves the kernel choice for one block shape. `js` and `gpujs` are taken as given. `auto` picks
 * gpu.js only when it has a real GPU mode and measures faster on this shape, and the typed-array
 * kernels otherwise. The choice is cached per L and b.
 */
export function selectBlockKernels(choice: KernelChoice | undefined, shape: BlockShape): BlockKernels {
  const resolved = choice ?? 'auto';
  if (resolved === 'js') return typedArrayKernels;
  if (resolved === 'gpujs') return gpujsKernels;

  const key = `${shape.linearSize}:${shape.blockSize}`;
  const cached = autoChoices.get(key);
  if (cached) return cached;

  const timingShape = { ...shape, nSamples: TIMING_SAMPLES };
  let data: Int8Array | undefined;
  const candidate = (kernels: BlockKernels, eligible: boolean) => ({
    id: kernels.id,
    eligible,
    run: () => {
      data ??= timingBatch(shape);
      kernels.blockSums(data, timingShape);
    },
  });
  const id = chooseKernels('auto', [candidate(typedArrayKernels, true), candidate(gpujsKernels, hasRealGpuMode())]);
  const chosen = id === 'gpujs' ? gpujsKernels : typedArrayKernels;
  autoChoices.set(key, chosen);
  return chosen;
}
