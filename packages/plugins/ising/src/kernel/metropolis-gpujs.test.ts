import { describe, expect, it } from 'vitest';
import { Rng } from '@rgae/core';
import { GpuJsMetropolis, gpuJsHasRealGpu } from './metropolis-gpujs.js';

describe('GpuJsMetropolis', () => {
  it('draws new random numbers on every call', () => {
    // Acceptance 1/2 everywhere: a kernel that replayed its random numbers would flip the same sites
    // in every sweep, so configurations two sweeps apart would repeat.
    const linearSize = 16;
    const kernel = new GpuJsMetropolis(linearSize, new Float64Array(19).fill(0.5), Rng.create(9));
    const spins = new Int8Array(linearSize * linearSize).fill(1);
    const flippedSets: string[] = [];
    for (let sweep = 0; sweep < 4; sweep++) {
      const before = Int8Array.from(spins);
      const accepted = kernel.sweep(spins);
      expect(accepted).toBeGreaterThan(64);
      expect(accepted).toBeLessThan(192);
      flippedSets.push(spins.map((s, i) => (s === before[i] ? 0 : 1)).join(''));
    }
    expect(new Set(flippedSets).size).toBe(4);
    kernel.destroy();
  });

  it('replays a chain from the same stream', () => {
    const run = () => {
      const kernel = new GpuJsMetropolis(8, new Float64Array(19).fill(0.3), Rng.create(4));
      const spins = new Int8Array(64).fill(1);
      for (let sweep = 0; sweep < 3; sweep++) kernel.sweep(spins);
      return Array.from(spins);
    };
    expect(run()).toEqual(run());
  });

  it('reports no real GPU on a CPU-only machine', () => {
    // gpu.js picks webasm or cpu here; a machine with WebGL would report a GPU mode instead.
    expect(typeof gpuJsHasRealGpu()).toBe('boolean');
  });
});
