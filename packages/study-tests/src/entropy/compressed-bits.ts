import { constants, deflateRawSync } from 'node:zlib';
import type { SymbolBatch } from './spin-symbols.js';

/** Bits per symbol when packing: ⌈log₂ A⌉, so 1 bit per Ising spin. */
export function bitsPerSymbol(alphabetSize: number): number {
  return Math.max(1, Math.ceil(Math.log2(alphabetSize)));
}

/**
 * Packs the symbols of the configurations for which `keep(n)` is true into ⌈log₂ A⌉ bits each, most significant
 * bit first. Configurations and sites keep their storage order, and zeros pad the last byte.
 */
export function packSymbols(batch: SymbolBatch, keep: (n: number) => boolean = () => true): Uint8Array {
  const width = bitsPerSymbol(batch.alphabetSize);
  const nSites = batch.linearSize * batch.linearSize;
  const out = new Uint8Array(Math.ceil((countKept(batch, keep) * nSites * width) / 8));
  let bit = 0;
  for (let n = 0; n < batch.nSamples; n++) {
    if (!keep(n)) continue;
    for (let i = n * nSites; i < (n + 1) * nSites; i++) {
      const symbol = batch.symbols[i];
      for (let b = width - 1; b >= 0; b--) {
        if ((symbol >> b) & 1) out[bit >> 3] |= 0x80 >> (bit & 7);
        bit++;
      }
    }
  }
  return out;
}

/**
 * Bits per spin after compression: 8·|deflate(packed)| / (configurations · L²), with raw deflate (RFC 1951,
 * node:zlib) at level 9, memLevel 9, so no header or checksum is counted. An upper bound on the entropy
 * rate of the packed stream; incompressible ±1 spins give slightly more than 1 bit.
 */
export function compressedBitsPerSpin(batch: SymbolBatch, keep: (n: number) => boolean = () => true): number {
  const packed = packSymbols(batch, keep);
  const compressed = deflateRawSync(packed, { level: constants.Z_BEST_COMPRESSION, memLevel: 9 });
  return (8 * compressed.length) / (countKept(batch, keep) * batch.linearSize * batch.linearSize);
}

function countKept(batch: SymbolBatch, keep: (n: number) => boolean): number {
  let count = 0;
  for (let n = 0; n < batch.nSamples; n++) if (keep(n)) count++;
  return count;
}
