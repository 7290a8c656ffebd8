import { describe, expect, it } from 'vitest';
import { Rng } from './rng.js';

describe('Rng', () => {
  it('reproduces a stream from seed and key', () => {
    const a = Rng.create(42, ['chain', 1]);
    const b = Rng.create(42, ['chain', 1]);
    expect(Array.from({ length: 5 }, () => a.nextUint32())).toEqual(Array.from({ length: 5 }, () => b.nextUint32()));
  });

  it('gives different streams for different keys and seeds', () => {
    const first = Rng.create(42, ['chain', 1]).nextUint32();
    expect(Rng.create(42, ['chain', 2]).nextUint32()).not.toBe(first);
    expect(Rng.create(43, ['chain', 1]).nextUint32()).not.toBe(first);
    expect(Rng.create(42, ['chain', '1']).nextUint32()).not.toBe(first);
  });

  it('draws uniform floats: mean, variance and bins within sampling error', () => {
    const rng = Rng.create(1);
    const n = 200_000;
    const bins = new Array(10).fill(0);
    let sum = 0;
    let sumSq = 0;
    for (let i = 0; i < n; i++) {
      const x = rng.nextFloat();
      sum += x;
      sumSq += x * x;
      bins[Math.floor(x * 10)]++;
    }
    // Standard errors: mean 0.289/√n ≈ 6.5e-4, second moment 0.298/√n ≈ 6.7e-4; bins √(n·0.09) ≈ 134.
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(5 * 6.5e-4);
    expect(Math.abs(sumSq / n - 1 / 3)).toBeLessThan(5 * 6.7e-4);
    for (const count of bins) expect(Math.abs(count - n / 10)).toBeLessThan(5 * 134);
  });

  it('draws integers in [0, n) without bias', () => {
    const rng = Rng.create(2);
    const counts = [0, 0, 0];
    for (let i = 0; i < 90_000; i++) counts[rng.nextInt(3)]++;
    for (const count of counts) expect(Math.abs(count - 30_000)).toBeLessThan(5 * Math.sqrt(90_000 * (1 / 3) * (2 / 3)));
  });

  it('draws standard normals', () => {
    const rng = Rng.create(3);
    const n = 100_000;
    let sum = 0;
    let sumSq = 0;
    for (let i = 0; i < n; i++) {
      const x = rng.nextNormal();
      sum += x;
      sumSq += x * x;
    }
    expect(Math.abs(sum / n)).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(sumSq / n - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
  });

  it('rejects a negative or fractional seed', () => {
    expect(() => Rng.create(-1)).toThrow(/Invalid seed -1/);
    expect(() => Rng.create(1.5)).toThrow(/non-negative integer/);
  });
});
