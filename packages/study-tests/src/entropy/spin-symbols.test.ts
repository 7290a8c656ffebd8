import { isRgaeError, type SpinBatch } from '@rgae/core';
import { describe, expect, it } from 'vitest';
import { spinSymbols } from './spin-symbols.js';

const batch = (data: Int8Array | Float32Array, lattice = 'ising'): SpinBatch => ({ lattice, linearSize: 1, nSamples: data.length, data });

describe('spinSymbols', () => {
  it('maps Ising spins to 0 and 1', () => {
    const symbols = spinSymbols(batch(Int8Array.from([1, -1, -1, 1])), 'ising');
    expect(symbols.alphabetSize).toBe(2);
    expect(Array.from(symbols.symbols)).toEqual([1, 0, 0, 1]);
  });

  it('rejects Ising values other than ±1', () => {
    expect(() => spinSymbols(batch(Int8Array.from([1, 0])), 'ising')).toThrow(/Ising spin 0 at index 1 is not ±1/);
  });

  it('quantises XY angles into equal bins', () => {
    const angles = Float32Array.from([0, Math.PI / 4 - 1e-3, Math.PI / 4 + 1e-3, 2 * Math.PI - 1e-3, -0.1]);
    const symbols = spinSymbols(batch(angles, 'xy'), 'xy', { angleBins: 8 });
    expect(symbols.alphabetSize).toBe(8);
    expect(Array.from(symbols.symbols)).toEqual([0, 0, 1, 7, 7]);
  });

  it('turns block means into their levels', () => {
    const symbols = spinSymbols(batch(Float32Array.from([-1, -0.5, 0, 0.5, 1])), 'ising', { blockSites: 4 });
    expect(symbols.alphabetSize).toBe(5);
    expect(Array.from(symbols.symbols)).toEqual([0, 1, 2, 3, 4]);
  });

  it('rejects a value off the block-mean grid', () => {
    const error = (() => {
      try {
        spinSymbols(batch(Float32Array.from([0.3])), 'ising', { blockSites: 4 });
      } catch (e) {
        return e;
      }
    })();
    expect(isRgaeError(error)).toBe(true);
    expect((error as Error).message).toMatch(/Block mean 0\.3.* is not the mean of 4 spins/);
  });

  it('rejects unsupported data', () => {
    expect(() => spinSymbols({ lattice: 'potts', linearSize: 1, nSamples: 1, data: Uint8Array.from([2]) }, 'potts')).toThrow(/not implemented/);
  });
});
