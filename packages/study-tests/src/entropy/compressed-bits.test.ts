import { Rng } from '@rgae/core';
import { describe, expect, it } from 'vitest';
import { compressedBitsPerSpin, packSymbols } from './compressed-bits.js';
import type { SymbolBatch } from './spin-symbols.js';

function symbolBatch(linearSize: number, nSamples: number, symbol: () => number, alphabetSize = 2): SymbolBatch {
  return { linearSize, nSamples, alphabetSize, symbols: Uint16Array.from({ length: nSamples * linearSize * linearSize }, symbol) };
}

describe('packSymbols', () => {
  it('packs one bit per Ising spin, most significant first', () => {
    const values = [1, 0, 1, 1, 0, 0, 0, 1];
    const batch: SymbolBatch = { linearSize: 2, nSamples: 2, alphabetSize: 2, symbols: Uint16Array.from(values) };
    expect(Array.from(packSymbols(batch))).toEqual([0b10110001]);
    expect(Array.from(packSymbols(batch, (n) => n === 1))).toEqual([0b00010000]);
  });

  it('packs ⌈log₂ A⌉ bits per symbol', () => {
    const batch: SymbolBatch = { linearSize: 1, nSamples: 3, alphabetSize: 5, symbols: Uint16Array.from([4, 1, 3]) };
    expect(Array.from(packSymbols(batch))).toEqual([0b10000101, 0b10000000]);
  });
});

describe('compressedBitsPerSpin', () => {
  it('gives about 1 bit for independent fair spins', () => {
    const rng = Rng.create(4, ['compression', 'random']);
    const bits = compressedBitsPerSpin(symbolBatch(16, 200, () => (rng.nextFloat() < 0.5 ? 1 : 0)));
    expect(bits).toBeGreaterThan(0.99);
    expect(bits).toBeLessThan(1.03);
  });

  it('gives almost nothing for an all-up lattice', () => {
    expect(compressedBitsPerSpin(symbolBatch(16, 200, () => 1))).toBeLessThan(0.01);
  });
});
