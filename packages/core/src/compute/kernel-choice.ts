import { invalidArgument } from '../errors/rgae-error.js';

/** Implementation of the hot loops: typed-array TypeScript, gpu.js kernels, or the faster of the two by measurement. */
export type KernelChoice = 'auto' | 'js' | 'gpujs';
export type KernelImplementationId = 'js' | 'gpujs';

export const KERNEL_CHOICES: readonly KernelChoice[] = ['auto', 'js', 'gpujs'];

export function parseKernelChoice(value: string): KernelChoice {
  if ((KERNEL_CHOICES as readonly string[]).includes(value)) return value as KernelChoice;
  throw invalidArgument(`Invalid --kernels "${value}". Accepted values: ${KERNEL_CHOICES.join(', ')}.`);
}

export interface KernelCandidate {
  id: KernelImplementationId;
  /** False when the implementation cannot run here (e.g. gpu.js without a real GPU mode for `auto`). */
  eligible: boolean;
  /** Runs a representative unit of work once. */
  run(): void;
}

/**
 * Resolves `auto` by timing each eligible candidate on the same work and picking the fastest;
 * an explicit choice is returned as is. `js` is always eligible and is the fallback.
 */
export function chooseKernels(choice: KernelChoice, candidates: readonly KernelCandidate[], repetitions = 3): KernelImplementationId {
  if (choice !== 'auto') return choice;
  const eligible = candidates.filter((c) => c.eligible);
  if (eligible.length <= 1) return eligible[0]?.id ?? 'js';

  let best: KernelImplementationId = 'js';
  let bestTime = Infinity;
  for (const candidate of eligible) {
    candidate.run();
    const start = process.hrtime.bigint();
    for (let i = 0; i < repetitions; i++) candidate.run();
    const elapsed = Number(process.hrtime.bigint() - start);
    if (elapsed < bestTime) {
      bestTime = elapsed;
      best = candidate.id;
    }
  }
  return best;
}
