/** src/sampler.ts of a generated plugin: a heat-bath sampler for the example lattice. */
export function samplerTemplate(): string {
  return `import type { ChainOptions, MarkovChain, SamplerDefinition } from '@rgae/core';
import { spinsModel } from './lattice.js';

/**
 * Heat-bath updates: a random site takes s = +1 with probability 1 / (1 + exp(-2β h_i)), where
 * h_i = J Σ_neighbours s_j + h is its local field. A sweep is N = L² such updates.
 */
function createChain(options: ChainOptions<Int8Array>): MarkovChain<Int8Array> {
  const { linearSize, beta, coupling, field, rng } = options;
  const spins = options.initial;
  const nSites = spins.length;

  const update = (site: number) => {
    const x = site % linearSize;
    const row = site - x;
    const neighbours =
      spins[row + ((x + 1) % linearSize)] +
      spins[row + ((x + linearSize - 1) % linearSize)] +
      spins[(row + linearSize) % nSites + x] +
      spins[(row + nSites - linearSize) % nSites + x];
    const localField = coupling * neighbours + field;
    spins[site] = rng.nextFloat() < 1 / (1 + Math.exp(-2 * beta * localField)) ? 1 : -1;
  };

  return {
    configuration: spins,
    sweep() {
      for (let i = 0; i < nSites; i++) update(rng.nextInt(nSites));
    },
  };
}

export const heatBathSampler: SamplerDefinition<Int8Array> = {
  id: 'heat-bath',
  lattice: spinsModel.id,
  description: 'Single-site heat bath at random sites',
  family: 'local',
  sweepDefinition: 'N = L² updates of randomly chosen sites',
  create: createChain,
};
`;
}
