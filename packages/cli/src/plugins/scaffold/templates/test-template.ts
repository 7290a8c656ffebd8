/** src/plugin.test.ts of a generated plugin: the core conformance suites and a registry check. */
export function testTemplate(namespace: string): string {
  return `import { Registry } from '@rgae/core';
import { describeSamplerConformance, describeSchemeConformance } from '@rgae/core/testing';
import { describe, expect, it } from 'vitest';
import plugin from './index.js';
import { bondSum, spinsModel } from './lattice.js';
import { heatBathSampler } from './sampler.js';
import { decimationScheme } from './scheme.js';

const binOf = (spins: Int8Array) => bondSum(spins, 3) + ',' + spins.reduce((sum, spin) => sum + spin, 0);

/** Exact probabilities of (bond sum, magnetization) on the periodic 3×3 lattice, enumerating all 2^9 configurations at J = 1, h = 0. */
function exactDistribution(beta: number): Map<string, number> {
  const weights = new Map<string, number>();
  let partition = 0;
  for (let state = 0; state < 512; state++) {
    const spins = Int8Array.from({ length: 9 }, (_, site) => ((state >> site) & 1 ? 1 : -1));
    const weight = Math.exp(beta * bondSum(spins, 3));
    weights.set(binOf(spins), (weights.get(binOf(spins)) ?? 0) + weight);
    partition += weight;
  }
  return new Map([...weights].map(([bin, weight]) => [bin, weight / partition]));
}

describeSamplerConformance({
  model: spinsModel,
  sampler: heatBathSampler,
  exact: [{ linearSize: 3, beta: 0.3, binOf, probabilities: exactDistribution(0.3) }],
});

describeSchemeConformance(decimationScheme, { model: spinsModel });

describe('plugin', () => {
  it('registers its parts', () => {
    const registry = new Registry();
    registry.load(plugin);

    expect(registry.list().map((entry) => entry.kind + ' ' + entry.id)).toEqual([
      'lattice ${namespace}/spins',
      'sampler heat-bath',
      'scheme ${namespace}/decimation',
    ]);
  });
});
`;
}
