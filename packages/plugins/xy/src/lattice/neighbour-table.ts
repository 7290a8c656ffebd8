import { invalidArgument } from '@rgae/core';

/** Neighbour slots of a site in a table row: +x, −x, +y, −y. */
export const NEIGHBOURS_PER_SITE = 4;

const cache = new Map<number, Int32Array>();

/**
 * Returns the periodic neighbour table of an L×L square lattice: entry 4i + k is the k-th neighbour of site
 * i = y·L + x, in the order +x, −x, +y, −y. For L = 2 the +x and −x neighbours are the same site, so that
 * bond appears twice in H = −J Σ_i Σ_μ cos(θ_i − θ_{i+μ̂}), and every sampler that reads this table counts it twice.
 * Tables are cached and shared; callers must not write to them.
 */
export function neighbourTable(linearSize: number): Int32Array {
  if (!Number.isInteger(linearSize) || linearSize < 2) {
    throw invalidArgument(`Invalid linear size L = ${linearSize}: expected an integer ≥ 2.`);
  }
  const cached = cache.get(linearSize);
  if (cached) return cached;

  const table = new Int32Array(linearSize * linearSize * NEIGHBOURS_PER_SITE);
  for (let y = 0; y < linearSize; y++) {
    for (let x = 0; x < linearSize; x++) {
      const row = (y * linearSize + x) * NEIGHBOURS_PER_SITE;
      table[row] = y * linearSize + ((x + 1) % linearSize);
      table[row + 1] = y * linearSize + ((x + linearSize - 1) % linearSize);
      table[row + 2] = ((y + 1) % linearSize) * linearSize + x;
      table[row + 3] = ((y + linearSize - 1) % linearSize) * linearSize + x;
    }
  }
  cache.set(linearSize, table);
  return table;
}
