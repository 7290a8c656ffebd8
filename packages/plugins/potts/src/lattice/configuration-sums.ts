/**
 * Number of nearest-neighbour pairs in the same state, Σ⟨ij⟩ δ(s_i, s_j), on an L×L periodic lattice
 * stored row-major. Each site is paired with its right and lower neighbour, so every bond is counted once;
 * for L = 2 the two bonds between a site and its single horizontal (or vertical) neighbour both count.
 */
export function satisfiedBonds(states: Uint8Array, linearSize: number): number {
  let count = 0;
  for (let y = 0; y < linearSize; y++) {
    const row = y * linearSize;
    const below = ((y + 1) % linearSize) * linearSize;
    for (let x = 0; x < linearSize; x++) {
      const state = states[row + x];
      if (state === states[row + ((x + 1) % linearSize)]) count++;
      if (state === states[below + x]) count++;
    }
  }
  return count;
}

/** Counts n_a of each state a = 0…q−1; writes them into `out` (length q) and returns it. */
export function stateCounts(states: Uint8Array, nStates: number, out = new Int32Array(nStates)): Int32Array {
  out.fill(0);
  for (let i = 0; i < states.length; i++) out[states[i]]++;
  return out;
}

/** Index of the first state ≥ q, or −1 when every state lies in 0…q−1. */
export function firstInvalidState(states: Uint8Array, nStates: number): number {
  for (let i = 0; i < states.length; i++) {
    if (states[i] >= nStates) return i;
  }
  return -1;
}
