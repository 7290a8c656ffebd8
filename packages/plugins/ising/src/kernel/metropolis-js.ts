import { UINT32_RANGE } from './acceptance-table.js';

/**
 * Performs one checkerboard Metropolis sweep in place. Every site of parity (x + y) mod 2 = 0, then every site of
 * parity 1, is offered a flip accepted with probability min(1, exp(−β ΔE)). Sites of one parity share no bond,
 * so updating them in any order gives the same chain as the parallel update. A sweep is N = L² attempted flips,
 * and L must be even.
 *
 * `thresholds` come from `toUint32Thresholds(metropolisAcceptance(…))`; the xoshiro128** generator
 * (Blackman & Vigna 2018) is stepped inline on `state` and a draw is skipped when ΔE ≤ 0.
 * Returns the number of accepted flips.
 */
export function metropolisSweepJs(spins: Int8Array, linearSize: number, thresholds: Float64Array, state: Int32Array): number {
  const size = linearSize;
  let s0 = state[0];
  let s1 = state[1];
  let s2 = state[2];
  let s3 = state[3];
  let accepted = 0;

  for (let parity = 0; parity < 2; parity++) {
    for (let y = 0; y < size; y++) {
      const row = y * size;
      const up = (y === 0 ? size - 1 : y - 1) * size;
      const down = (y === size - 1 ? 0 : y + 1) * size;
      for (let x = (parity + y) & 1; x < size; x += 2) {
        const i = row + x;
        const spin = spins[i];
        const left = x === 0 ? row + size - 1 : i - 1;
        const right = x === size - 1 ? row : i + 1;
        const neighbourSum = spins[left] + spins[right] + spins[up + x] + spins[down + x];
        const threshold = thresholds[spin * 5 + neighbourSum + 9];
        if (threshold < UINT32_RANGE) {
          const scrambled = Math.imul(s1, 5);
          const random = Math.imul((scrambled << 7) | (scrambled >>> 25), 9) >>> 0;
          const t = s1 << 9;
          s2 ^= s0;
          s3 ^= s1;
          s1 ^= s2;
          s0 ^= s3;
          s2 ^= t;
          s3 = (s3 << 11) | (s3 >>> 21);
          if (random >= threshold) continue;
        }
        spins[i] = -spin;
        accepted++;
      }
    }
  }

  state[0] = s0;
  state[1] = s1;
  state[2] = s2;
  state[3] = s3;
  return accepted;
}
