/** 2^32: a threshold at or above it accepts every 32-bit random integer. */
export const UINT32_RANGE = 4294967296;

/** Index of (spin s = ±1, neighbour sum nb ∈ {−4, −2, …, 4}) in a table of 19 entries: s·5 + nb + 9. */
export function tableIndex(spin: number, neighbourSum: number): number {
  return spin * 5 + neighbourSum + 9;
}

/**
 * Metropolis acceptance probabilities min(1, exp(−β ΔE)) for flipping spin s with neighbour sum nb, where
 * ΔE = 2s(J·nb + h), stored at `tableIndex(s, nb)`. Unused entries are 0.
 */
export function metropolisAcceptance(beta: number, coupling: number, field: number): Float64Array {
  const table = new Float64Array(19);
  for (const spin of [-1, 1]) {
    for (let neighbourSum = -4; neighbourSum <= 4; neighbourSum += 2) {
      const deltaEnergy = 2 * spin * (coupling * neighbourSum + field);
      table[tableIndex(spin, neighbourSum)] = Math.min(1, Math.exp(-beta * deltaEnergy));
    }
  }
  return table;
}

/**
 * Scales probabilities to 32-bit integer thresholds: an event with probability p happens when a uniform
 * 32-bit integer r satisfies r < ⌊p·2^32⌋ (probability off by less than 2^−32), and p = 1 maps to 2^32,
 * which lets the caller skip the random draw.
 */
export function toUint32Thresholds(probabilities: Float64Array): Float64Array {
  return probabilities.map((p) => (p >= 1 ? UINT32_RANGE : Math.floor(p * UINT32_RANGE)));
}

/**
 * Heat-bath probabilities P(s_i = +1 | nb) = 1 / (1 + exp(−2β(J·nb + h))) for neighbour sum nb, at index
 * (nb + 4) / 2, as 32-bit thresholds.
 */
export function heatBathThresholds(beta: number, coupling: number, field: number): Float64Array {
  const table = new Float64Array(5);
  for (let neighbourSum = -4; neighbourSum <= 4; neighbourSum += 2) {
    const probability = 1 / (1 + Math.exp(-2 * beta * (coupling * neighbourSum + field)));
    table[(neighbourSum + 4) / 2] = Math.floor(probability * UINT32_RANGE);
  }
  return table;
}

/**
 * Bond threshold of the Fortuin–Kasteleyn cluster samplers: a bond between aligned spins (anti-aligned for
 * J < 0) is added when a uniform 32-bit draw is below p·2³², p = 1 − exp(−2β|J|).
 */
export function bondThreshold(beta: number, coupling: number): number {
  return Math.floor(-Math.expm1(-2 * beta * Math.abs(coupling)) * UINT32_RANGE);
}
