import { chooseKernels, type ChainOptions, type KernelImplementationId, type MarkovChain, type SamplerDefinition } from '@rgae/core';
import { metropolisAcceptance, toUint32Thresholds } from '../kernel/acceptance-table.js';
import { GpuJsMetropolis, gpuJsHasRealGpu } from '../kernel/metropolis-gpujs.js';
import { metropolisSweepJs } from '../kernel/metropolis-js.js';
import { xoshiroStateFrom } from '../kernel/xoshiro-state.js';
import { checkChainOptions } from './check-chain-options.js';

type SweepKernel = (spins: Int8Array) => number;

function jsKernel(options: ChainOptions<Int8Array>, acceptance: Float64Array): SweepKernel {
  const thresholds = toUint32Thresholds(acceptance);
  const state = xoshiroStateFrom(options.rng.split(['metropolis', 'js']));
  return (spins) => metropolisSweepJs(spins, options.linearSize, thresholds, state);
}

function gpuJsKernel(options: ChainOptions<Int8Array>, acceptance: Float64Array): SweepKernel {
  // TODO(#2): the chain never calls kernel.destroy() because MarkovChain has no release hook, so each gpu.js
  // chain keeps its kernel's WebAssembly memory (about 1 MiB plus 4 bytes per site) until the process exits.
  const kernel = new GpuJsMetropolis(options.linearSize, acceptance, options.rng.split(['metropolis', 'gpujs']));
  return (spins) => kernel.sweep(spins);
}

/**
 * Resolves `kernels`. An explicit choice is used as is. `auto` considers gpu.js only when gpu.js runs on a real
 * graphics device, and then it times sweeps of each implementation on a copy of the configuration.
 */
function resolveKernels(options: ChainOptions<Int8Array>, acceptance: Float64Array): KernelImplementationId {
  const trialRng = options.rng.split(['metropolis', 'kernel-choice']);
  const trial = (make: typeof jsKernel) => {
    let kernel: SweepKernel | undefined;
    const scratch = Int8Array.from(options.initial);
    return () => {
      kernel ??= make({ ...options, rng: trialRng }, acceptance);
      kernel(scratch);
    };
  };
  return chooseKernels(options.kernels, [
    { id: 'js', eligible: true, run: trial(jsKernel) },
    { id: 'gpujs', eligible: gpuJsHasRealGpu(), run: trial(gpuJsKernel) },
  ]);
}

function createMetropolisChain(options: ChainOptions<Int8Array>): MarkovChain<Int8Array> {
  checkChainOptions(metropolisSampler, options);
  const acceptance = metropolisAcceptance(options.beta, options.coupling, options.field);
  const kernels = resolveKernels(options, acceptance);
  const sweepOnce = kernels === 'gpujs' ? gpuJsKernel(options, acceptance) : jsKernel(options, acceptance);
  const spins = options.initial;
  const nSites = spins.length;
  let accepted = 0;
  let attempted = 0;

  return {
    configuration: spins,
    kernels,
    sweep() {
      accepted += sweepOnce(spins);
      attempted += nSites;
    },
    statistics() {
      const acceptanceRate = attempted > 0 ? accepted / attempted : NaN;
      accepted = 0;
      attempted = 0;
      return { acceptanceRate };
    },
  };
}

/** Checkerboard single-spin-flip Metropolis for the Ising model (needs an even L). */
export const metropolisSampler: SamplerDefinition<Int8Array> = {
  id: 'metropolis',
  lattice: 'ising',
  description: 'Checkerboard single-spin-flip Metropolis, acceptance min(1, exp(−βΔE)) from a precomputed table',
  family: 'local',
  sweepDefinition: 'N = L² attempted flips: all sites of parity (x + y) even, then all of parity odd',
  requiresEvenLinearSize: true,
  kernelImplementations: ['js', 'gpujs'],
  create: createMetropolisChain,
};
