import { isRgaeError } from '@rgae/core';
import { describe, expect, it } from 'vitest';
import { bondsAndCountsBin, exactPottsDistribution } from './enumeration.js';

const bondsOf = (bin: string) => Number(bin.split(':')[0]);

function meanBonds(distribution: Map<string, number>): number {
  let sum = 0;
  for (const [bin, probability] of distribution) sum += bondsOf(bin) * probability;
  return sum;
}

describe('exactPottsDistribution', () => {
  it('sums to one', () => {
    const distribution = exactPottsDistribution(3, { linearSize: 3, beta: 0.8, coupling: 1, field: 0.3 });
    const total = [...distribution.values()].reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(1, 12);
  });

  it('is uniform over configurations at β = 0', () => {
    const distribution = exactPottsDistribution(3, { linearSize: 3, beta: 0, coupling: 1, field: 0 });

    // 3 of the 3^9 configurations are uniform, and each of the 18 bonds is satisfied with probability 1/q.
    expect(distribution.get('18:9,0,0')).toBeCloseTo(3 / 3 ** 9, 15);
    expect(meanBonds(distribution)).toBeCloseTo(18 / 3, 12);
  });

  it('matches the ring partition function at L = 2', () => {
    // The periodic 2×2 lattice is a ring of 4 sites whose bonds are all doubled, so with K = 2βJ
    // Z = (e^K + q − 1)^4 + (q − 1)(e^K − 1)^4 (transfer matrix of the 1D Potts ring).
    const q = 3;
    const beta = 0.7;
    const x = Math.exp(2 * beta);
    const partition = (x + q - 1) ** 4 + (q - 1) * (x - 1) ** 4;
    const derivative = 8 * x * (x + q - 1) ** 3 + (q - 1) * 8 * x * (x - 1) ** 3;
    const distribution = exactPottsDistribution(q, { linearSize: 2, beta, coupling: 1, field: 0 });

    expect(distribution.get('8:4,0,0')).toBeCloseTo((q * x ** 4) / partition, 12);
    expect(meanBonds(distribution)).toBeCloseTo(derivative / partition, 10);
  });

  it('orders at large β in a field', () => {
    const distribution = exactPottsDistribution(3, { linearSize: 3, beta: 20, coupling: 1, field: 0.5 });
    expect(distribution.get('18:9|0,0')).toBeCloseTo(1, 12);
  });

  it('rejects a lattice too large to enumerate', () => {
    let caught: unknown;
    try {
      exactPottsDistribution(3, { linearSize: 4, beta: 1, coupling: 1, field: 0 });
    } catch (error) {
      caught = error;
    }
    expect(isRgaeError(caught)).toBe(true);
    expect((caught as Error).message).toMatch(/q\^N = 3\^16 configurations exceeds the limit/);
  });
});

describe('bondsAndCountsBin', () => {
  it('sorts every count at h = 0', () => {
    expect(bondsAndCountsBin(Uint8Array.from([2, 2, 0, 1]), 2, 3)).toBe('2:2,1,1');
  });

  it('keeps the favoured state apart in a field', () => {
    expect(bondsAndCountsBin(Uint8Array.from([2, 2, 0, 1]), 2, 3, 0.5)).toBe('2:1|2,1');
  });
});
