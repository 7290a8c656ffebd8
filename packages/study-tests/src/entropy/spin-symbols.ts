import { invalidArgument, NotImplementedError, type SpinBatch } from '@rgae/core';

/** A batch of configurations as symbols 0 … alphabetSize − 1, row-major [nSamples, L, L] like a SpinBatch. */
export interface SymbolBatch {
  linearSize: number;
  nSamples: number;
  alphabetSize: number;
  symbols: Uint16Array;
}

export interface SymbolOptions {
  /** Equal bins that XY angles are quantised into; 8 by default (3 bits per spin). */
  angleBins?: number;
  /** Spins averaged into one real-valued Ising site (b^{2k} for block-average output); needed for Float32Array Ising data only. */
  blockSites?: number;
}

const TWO_PI = 2 * Math.PI;

/**
 * Maps a batch to symbols for the entropy estimates. Ising ±1 spins become 0 and 1. Real-valued Ising sites
 * (block means m of n = `blockSites` spins, which take the n + 1 values 2j/n − 1) become j, so the symbols
 * are exact. XY angles are quantised into `angleBins` equal bins of [0, 2π), bin ⌊θ·Q/2π⌋, which keeps
 * log₂ Q bits per spin at most.
 */
export function spinSymbols(batch: SpinBatch, latticeId: string, options: SymbolOptions = {}): SymbolBatch {
  const { linearSize, nSamples } = batch;
  if (batch.data instanceof Int8Array) return { linearSize, nSamples, alphabetSize: 2, symbols: isingSymbols(batch.data) };
  if (batch.data instanceof Float32Array && latticeId === 'xy') {
    const bins = options.angleBins ?? 8;
    return { linearSize, nSamples, alphabetSize: bins, symbols: angleSymbols(batch.data, bins) };
  }
  if (batch.data instanceof Float32Array && latticeId === 'ising') {
    const blockSites = options.blockSites;
    if (blockSites === undefined) {
      throw invalidArgument('Real-valued Ising data needs blockSites (the number of spins averaged into each site) to be turned into symbols.');
    }
    return { linearSize, nSamples, alphabetSize: blockSites + 1, symbols: blockMeanSymbols(batch.data, blockSites) };
  }
  throw new NotImplementedError(
    `Entropy estimates of ${batch.data.constructor.name} data of lattice "${latticeId}" are not implemented. Supported: Ising ±1 spins or block means, XY angles.`,
  );
}

function isingSymbols(data: Int8Array): Uint16Array {
  const symbols = new Uint16Array(data.length);
  for (let i = 0; i < data.length; i++) {
    if (data[i] !== 1 && data[i] !== -1) throw invalidArgument(`Ising spin ${data[i]} at index ${i} is not ±1.`);
    symbols[i] = data[i] === 1 ? 1 : 0;
  }
  return symbols;
}

function angleSymbols(data: Float32Array, bins: number): Uint16Array {
  if (!Number.isInteger(bins) || bins < 2 || bins > 256) throw invalidArgument(`angleBins = ${bins}: expected an integer from 2 to 256.`);
  const symbols = new Uint16Array(data.length);
  for (let i = 0; i < data.length; i++) {
    const wrapped = ((data[i] % TWO_PI) + TWO_PI) % TWO_PI;
    symbols[i] = Math.min(bins - 1, Math.floor((wrapped * bins) / TWO_PI));
  }
  return symbols;
}

function blockMeanSymbols(data: Float32Array, blockSites: number): Uint16Array {
  if (!Number.isInteger(blockSites) || blockSites < 1 || blockSites > 4096) {
    throw invalidArgument(`blockSites = ${blockSites}: expected an integer from 1 to 4096.`);
  }
  const symbols = new Uint16Array(data.length);
  for (let i = 0; i < data.length; i++) {
    const level = Math.round(((data[i] + 1) * blockSites) / 2);
    if (level < 0 || level > blockSites || Math.abs(data[i] - ((2 * level) / blockSites - 1)) > 1e-4) {
      throw invalidArgument(`Block mean ${data[i]} at index ${i} is not the mean of ${blockSites} spins ±1 (2j/${blockSites} − 1 for an integer j).`);
    }
    symbols[i] = level;
  }
  return symbols;
}
