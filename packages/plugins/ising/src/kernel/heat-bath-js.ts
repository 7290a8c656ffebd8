/**
 * Performs one typewriter heat-bath sweep in place. Sites are visited in index order y·L + x, and each spin is
 * drawn from its conditional distribution P(s_i = +1) = 1 / (1 + exp(−2β(J·nb + h))) given its neighbour sum nb.
 * Every single-site step leaves the Boltzmann distribution invariant, so the fixed order is valid for any
 * L ≥ 2, odd included.
 * `thresholds` come from `heatBathThresholds`. Returns the number of spins that changed.
 */
export function heatBathSweepJs(spins: Int8Array, linearSize: number, thresholds: Float64Array, state: Int32Array): number {
  const size = linearSize;
  let s0 = state[0];
  let s1 = state[1];
  let s2 = state[2];
  let s3 = state[3];
  let changed = 0;

  for (let y = 0; y < size; y++) {
    const row = y * size;
    const up = (y === 0 ? size - 1 : y - 1) * size;
    const down = (y === size - 1 ? 0 : y + 1) * size;
    for (let x = 0; x < size; x++) {
      const i = row + x;
      const left = x === 0 ? row + size - 1 : i - 1;
      const right = x === size - 1 ? row : i + 1;
      const neighbourSum = spins[left] + spins[right] + spins[up + x] + spins[down + x];

      const scrambled = Math.imul(s1, 5);
      const random = Math.imul((scrambled << 7) | (scrambled >>> 25), 9) >>> 0;
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);

      const spin = random < thresholds[(neighbourSum + 4) >> 1] ? 1 : -1;
      if (spin !== spins[i]) {
        spins[i] = spin;
        changed++;
      }
    }
  }

  state[0] = s0;
  state[1] = s1;
  state[2] = s2;
  state[3] = s3;
  return changed;
}
