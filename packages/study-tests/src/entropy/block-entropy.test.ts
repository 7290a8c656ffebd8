import { Rng } from '@rgae/core';
import { describe, expect, it } from 'vitest';
import { blockEntropyPerSpin, countPatterns } from './block-entropy.js';
import type { SymbolBatch } from './spin-symbols.js';

const oneBlock = () => 0;

function symbolBatch(linearSize: number, nSamples: number, symbol: (n: number, x: number, y: number) => number, alphabetSize = 2): SymbolBatch {
  const symbols = new Uint16Array(nSamples * linearSize * linearSize);
  for (let n = 0; n < nSamples; n++) {
    for (let y = 0; y < linearSize; y++) for (let x = 0; x < linearSize; x++) symbols[(n * linearSize + y) * linearSize + x] = symbol(n, x, y);
  }
  return { linearSize, nSamples, alphabetSize, symbols };
}

describe('blockEntropyPerSpin', () => {
  it('is 0 for an all-up lattice', () => {
    const allUp = symbolBatch(8, 10, () => 1);
    for (const k of [1, 2, 3]) {
      const counts = countPatterns(allUp, k, 1, oneBlock);
      expect(counts).not.toBeNull();
      expect(blockEntropyPerSpin(counts!, null)).toBe(0);
    }
  });

  it('matches the hand value for stripes', () => {
    // Columns alternate 1, 0: each site is 1 with probability 1/2, and the 2×2 windows take two patterns
    // equally often, so H_1 = 1 and H_2 = 1 bit (per spin 1/4), each plus (m − 1)/(2N ln 2) with m = 2.
    const stripes = symbolBatch(4, 5, (_, x) => x % 2);
    const nWindows = 5 * 16;
    const correction = 1 / (2 * nWindows * Math.LN2);
    expect(blockEntropyPerSpin(countPatterns(stripes, 1, 1, oneBlock)!, null)).toBeCloseTo(1 + correction, 12);
    expect(blockEntropyPerSpin(countPatterns(stripes, 2, 1, oneBlock)!, null)).toBeCloseTo((1 + correction) / 4, 12);
  });

  it('is close to 1 bit per spin for independent fair spins', () => {
    const rng = Rng.create(3, ['entropy', 'random']);
    const random = symbolBatch(16, 200, () => (rng.nextFloat() < 0.5 ? 1 : 0));
    for (const k of [1, 2, 3]) {
      expect(blockEntropyPerSpin(countPatterns(random, k, 1, oneBlock)!, null)).toBeCloseTo(1, 2);
    }
  });

  it('leaves a block of configurations out', () => {
    // Configurations 0 and 1 all 0, configuration 2 all 1: without block 1 (configuration 2) the entropy is 0.
    const batch = symbolBatch(2, 3, (n) => (n === 2 ? 1 : 0));
    const counts = countPatterns(batch, 1, 2, (n) => (n === 2 ? 1 : 0))!;
    expect(blockEntropyPerSpin(counts, 1)).toBe(0);
    expect(blockEntropyPerSpin(counts, null)).toBeGreaterThan(0.9);
  });
});

describe('countPatterns', () => {
  it('returns null when the patterns outnumber the windows', () => {
    const angles = symbolBatch(4, 10, (n, x) => (n + x) % 8, 8);
    expect(countPatterns(angles, 2, 1, oneBlock)).toBeNull();
    expect(countPatterns(angles, 1, 1, oneBlock)).not.toBeNull();
  });

  it('returns null for blocks larger than the lattice', () => {
    expect(countPatterns(symbolBatch(2, 100, () => 0), 3, 1, oneBlock)).toBeNull();
  });
});
