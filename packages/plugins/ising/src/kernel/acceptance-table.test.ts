import { describe, expect, it } from 'vitest';
import { UINT32_RANGE, heatBathThresholds, metropolisAcceptance, tableIndex, toUint32Thresholds } from './acceptance-table.js';

describe('metropolisAcceptance', () => {
  it('satisfies detailed balance for every local environment', () => {
    const beta = 0.37;
    const coupling = 1.3;
    const field = -0.4;
    const table = metropolisAcceptance(beta, coupling, field);
    for (let neighbourSum = -4; neighbourSum <= 4; neighbourSum += 2) {
      const up = table[tableIndex(1, neighbourSum)];
      const down = table[tableIndex(-1, neighbourSum)];
      // P(+ → −) / P(− → +) = exp(−β(E₋ − E₊)), with E± = ∓(J·nb + h).
      expect(up / down).toBeCloseTo(Math.exp(-2 * beta * (coupling * neighbourSum + field)), 12);
      expect(Math.max(up, down)).toBe(1);
    }
  });

  it('gives distinct indices for the 10 environments', () => {
    const indices = new Set<number>();
    for (const spin of [-1, 1]) for (let nb = -4; nb <= 4; nb += 2) indices.add(tableIndex(spin, nb));
    expect(indices.size).toBe(10);
    expect(Math.min(...indices)).toBe(0);
    expect(Math.max(...indices)).toBe(18);
  });
});

describe('32-bit thresholds', () => {
  it('map certainty to 2^32 and scale the rest', () => {
    expect(Array.from(toUint32Thresholds(Float64Array.from([1, 0.5, 0])))).toEqual([UINT32_RANGE, 2 ** 31, 0]);
  });

  it('give heat-bath probabilities that sum to 1 over ±nb', () => {
    const thresholds = heatBathThresholds(0.5, 1, 0);
    for (let k = 0; k < 5; k++) expect((thresholds[k] + thresholds[4 - k]) / UINT32_RANGE).toBeCloseTo(1, 9);
    expect(thresholds[4] / UINT32_RANGE).toBeCloseTo(1 / (1 + Math.exp(-4)), 9);
  });
});
