import type { KernelChoice } from '../compute/kernel-choice.js';
import type { ModelParameters } from '../lattice/lattice-model.js';
import type { SpinData } from '../lattice/spin-batch.js';
import type { Rng } from '../random/rng.js';

export interface ChainOptions<D extends SpinData = SpinData> extends ModelParameters {
  rng: Rng;
  /** Starting configuration; the chain updates it in place. */
  initial: D;
  kernels: KernelChoice;
}

/**
 * One Markov chain. `sweep` performs one sweep: N = L² attempted single-site updates for local samplers,
 * one cluster step for cluster samplers (the sampler's `sweepDefinition` states which).
 */
export interface MarkovChain<D extends SpinData = SpinData> {
  readonly configuration: D;
  sweep(): void;
  /** Called once when thermalisation ends; adaptive samplers freeze their tuning here (detailed balance). */
  endThermalisation?(): void;
  /** Sampler statistics (acceptance rate, mean cluster size, …) since the last call. */
  statistics?(): Record<string, number>;
  /** Kernel implementation actually used, when the sampler has several. */
  readonly kernels?: 'js' | 'gpujs';
}

export interface SamplerDefinition<D extends SpinData = SpinData> {
  readonly id: string;
  /** Id of the lattice model this sampler updates. */
  readonly lattice: string;
  readonly description: string;
  readonly family: 'local' | 'cluster';
  /** Description of one call of `sweep`, in words (shown by `rgae list`). */
  readonly sweepDefinition: string;
  /** True for checkerboard updates, which need an even L. */
  readonly requiresEvenLinearSize?: boolean;
  /** Kernel implementations offered; absent means typed-array only. */
  readonly kernelImplementations?: readonly ('js' | 'gpujs')[];
  create(options: ChainOptions<D>): MarkovChain<D>;
}
