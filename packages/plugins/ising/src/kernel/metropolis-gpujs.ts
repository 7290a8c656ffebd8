import { GPU, type IKernelRunShortcut } from 'gpu.js';
import { RgaeError, type Rng } from '@rgae/core';

/** gpu.js modes that run on a graphics device; `webasm` and `cpu` run on the CPU. */
export const REAL_GPU_MODES: readonly string[] = ['gpu', 'webgl', 'webgl2', 'headlessgl'];

/**
 * Half-sweep kernel: thread i returns the new spin of site i = y·L + x. Sites of the other parity are
 * copied; sites of this parity flip when Math.random() < acceptance[s·5 + nb + 9]. The source is a string
 * so that no transpiler or coverage tool rewrites it before gpu.js parses it.
 */
const HALF_SWEEP_SOURCE = `function (spins, acceptance, parity) {
  const size = this.constants.size;
  const i = this.thread.x;
  const y = Math.floor(i / size);
  const x = i - y * size;
  const spin = spins[i];
  if ((x + y) % 2 !== parity) {
    return spin;
  }
  const left = x === 0 ? i + size - 1 : i - 1;
  const right = x === size - 1 ? i - size + 1 : i + 1;
  const up = y === 0 ? i + size * (size - 1) : i - size;
  const down = y === size - 1 ? i - size * (size - 1) : i + size;
  const neighbourSum = spins[left] + spins[right] + spins[up] + spins[down];
  const probability = acceptance[spin * 5 + neighbourSum + 9];
  if (Math.random() < probability) {
    return -spin;
  }
  return spin;
}`;

/** The gpu.js instance rgae uses, created on first use with gpu.js's automatic backend choice. */
let sharedGpu: GPU | undefined;

export function gpuJs(): GPU {
  sharedGpu ??= new GPU();
  return sharedGpu;
}

/** True when gpu.js's automatic choice is a graphics device, not WebAssembly or plain JS on the CPU. */
export function gpuJsHasRealGpu(): boolean {
  return REAL_GPU_MODES.includes(gpuJs().mode);
}

/**
 * Checkerboard Metropolis on gpu.js: one kernel call per parity, spins stored as float32 between calls.
 * gpu.js seeds `Math.random()` per call from `randomSeed`, and a fixed seed replays the same numbers on
 * every call, so each call sets a fresh seed drawn from the chain's stream. gpu.js's `cpu` mode ignores
 * seeds, so this kernel refuses to run there.
 */
export class GpuJsMetropolis {
  private readonly kernel: IKernelRunShortcut;
  private readonly acceptance: Float32Array;

  constructor(
    linearSize: number,
    acceptance: Float64Array,
    private readonly rng: Rng,
  ) {
    const gpu = gpuJs();
    if (gpu.mode === 'cpu') {
      throw new RgaeError(
        'UNAVAILABLE',
        'gpu.js runs in "cpu" mode here, where Math.random() cannot be seeded, so gpu.js Metropolis chains would not be reproducible. Use --kernels js.',
      );
    }
    this.kernel = gpu.createKernel(HALF_SWEEP_SOURCE, {
      output: [linearSize * linearSize],
      constants: { size: linearSize },
      tactic: 'precision',
    });
    this.acceptance = Float32Array.from(acceptance);
  }

  /** Runs one sweep (both parities) on `spins` in place and returns the number of accepted flips. */
  sweep(spins: Int8Array): number {
    let current: Float32Array = Float32Array.from(spins);
    for (let parity = 0; parity < 2; parity++) {
      this.kernel.setRandomSeed(this.rng.nextUint32());
      current = this.kernel(current, this.acceptance, parity) as Float32Array;
    }

    let accepted = 0;
    for (let i = 0; i < spins.length; i++) {
      if (current[i] !== spins[i]) {
        spins[i] = current[i];
        accepted++;
      }
    }
    return accepted;
  }

  /** Releases the kernel's resources. */
  destroy(): void {
    this.kernel.destroy();
  }
}
