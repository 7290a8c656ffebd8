import type { SymbolBatch } from './spin-symbols.js';

/**
 * Counts of k×k block patterns, kept per block of configurations so that a jackknife can leave blocks out.
 * Windows slide over every site with periodic wrap-around, so each configuration gives L² windows.
 */
export interface PatternCounts {
  blockSide: number;
  /** counts[b][p]: windows of pattern p in configuration block b. */
  counts: Int32Array[];
  totals: Int32Array;
  nWindows: number;
  windowsPerBlock: number[];
}

/** Number of possible k×k patterns, A^{k²}; Infinity when it is too large to count exactly. */
export function patternCount(alphabetSize: number, blockSide: number): number {
  const count = alphabetSize ** (blockSide * blockSide);
  return count <= Number.MAX_SAFE_INTEGER ? count : Infinity;
}

/** Code Σ s(y + dy, x + dx)·A^{dy·k + dx} of every k×k window of configuration n. */
function windowCodes(batch: SymbolBatch, n: number, blockSide: number, visit: (code: number) => void): void {
  const { linearSize: size, alphabetSize, symbols } = batch;
  const offset = n * size * size;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let code = 0;
      let weight = 1;
      for (let dy = 0; dy < blockSide; dy++) {
        const row = offset + ((y + dy) % size) * size;
        for (let dx = 0; dx < blockSide; dx++) {
          code += symbols[row + ((x + dx) % size)] * weight;
          weight *= alphabetSize;
        }
      }
      visit(code);
    }
  }
}

/**
 * Counts the k×k patterns of a batch per block of configurations (`blockOf(n)` gives the block of
 * configuration n). Returns null when k exceeds L, or when the possible patterns outnumber the windows, where
 * even a corrected plug-in estimate is dominated by unseen patterns.
 */
export function countPatterns(batch: SymbolBatch, blockSide: number, nBlocks: number, blockOf: (n: number) => number): PatternCounts | null {
  const nWindows = batch.nSamples * batch.linearSize ** 2;
  if (blockSide > batch.linearSize || patternCount(batch.alphabetSize, blockSide) > nWindows) return null;

  const index = new Map<number, number>();
  const lists: number[][] = Array.from({ length: nBlocks }, () => []);
  for (let n = 0; n < batch.nSamples; n++) {
    const list = lists[blockOf(n)];
    windowCodes(batch, n, blockSide, (code) => {
      let id = index.get(code);
      if (id === undefined) {
        id = index.size;
        index.set(code, id);
      }
      list.push(id);
    });
  }

  const counts = lists.map((list) => {
    const blockCounts = new Int32Array(index.size);
    for (const id of list) blockCounts[id]++;
    return blockCounts;
  });
  const totals = new Int32Array(index.size);
  for (const blockCounts of counts) for (let p = 0; p < totals.length; p++) totals[p] += blockCounts[p];
  return { blockSide, counts, totals, nWindows, windowsPerBlock: lists.map((list) => list.length) };
}

/**
 * Entropy per spin of the k×k patterns, H_k/k² in bits, from the counts without block `leftOut` (all blocks
 * when null). H_k is the plug-in estimate −Σ p̂ log₂ p̂ with the Miller–Madow correction (m − 1)/(2N ln 2) for
 * m observed patterns among N windows. The correction assumes independent windows; overlapping windows are not, so the estimate stays approximate.
 */
export function blockEntropyPerSpin(patterns: PatternCounts, leftOut: number | null): number {
  const { totals, counts, blockSide } = patterns;
  const excluded = leftOut === null ? null : counts[leftOut];
  const nWindows = patterns.nWindows - (leftOut === null ? 0 : patterns.windowsPerBlock[leftOut]);

  let entropy = 0;
  let observed = 0;
  for (let p = 0; p < totals.length; p++) {
    const count = totals[p] - (excluded === null ? 0 : excluded[p]);
    if (count === 0) continue;
    observed++;
    const probability = count / nWindows;
    entropy -= probability * Math.log2(probability);
  }
  const correction = (observed - 1) / (2 * nWindows * Math.LN2);
  return (entropy + correction) / (blockSide * blockSide);
}
