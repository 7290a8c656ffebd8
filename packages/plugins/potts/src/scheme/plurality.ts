import { RgaeError, assertCoarsenable, invalidArgument, type CoarsenOptions, type RGScheme, type Rng, type SpinBatch } from '@rgae/core';
import { firstInvalidState } from '../lattice/configuration-sums.js';
import type { PottsModel } from '../lattice/potts-model.js';

interface BlockShape {
  nSamples: number;
  linearSize: number;
  blockSize: number;
  nStates: number;
}

function checkBatch(models: ReadonlyMap<string, PottsModel>, batch: SpinBatch, options: CoarsenOptions): BlockShape {
  const model = models.get(batch.lattice);
  if (!model) {
    const accepted = [...models.keys()].map((id) => `"${id}"`).join(', ');
    throw new RgaeError('INCOMPATIBLE', `RG scheme "plurality" does not support the "${batch.lattice}" lattice; it accepts ${accepted}.`);
  }
  if (options.tieBreak !== undefined && options.tieBreak !== 'random') {
    throw invalidArgument(`Invalid tieBreak ${JSON.stringify(options.tieBreak)} for the plurality rule. Accepted values: random.`);
  }

  const { nSamples, linearSize, data } = batch;
  if (!(data instanceof Uint8Array)) {
    throw new RgaeError('INCOMPATIBLE', `RG scheme "plurality" expects "${batch.lattice}" states as Uint8Array, received ${data.constructor.name}.`);
  }
  if (!Number.isInteger(nSamples) || nSamples < 1 || data.length !== nSamples * linearSize * linearSize) {
    throw invalidArgument(
      `Invalid batch shape: ${data.length} values for nSamples = ${nSamples} and L = ${linearSize}; expected nSamples·L² values with nSamples ≥ 1.`,
    );
  }
  assertCoarsenable(linearSize, options.blockSize, 1);

  const invalid = firstInvalidState(data, model.nStates);
  if (invalid >= 0) {
    throw invalidArgument(`RG scheme "plurality" received state ${data[invalid]} at index ${invalid}; "${model.id}" states lie in 0…${model.nStates - 1}.`);
  }
  return { nSamples, linearSize, blockSize: options.blockSize, nStates: model.nStates };
}

/** Counts the states of block (column, row) of sample `sample` into `counts`. */
function countBlock(fine: Uint8Array, shape: BlockShape, sample: number, row: number, column: number, counts: Int32Array): void {
  const { linearSize, blockSize } = shape;
  counts.fill(0);
  const first = sample * linearSize * linearSize + row * blockSize * linearSize + column * blockSize;
  for (let j = 0; j < blockSize; j++) {
    for (let i = 0; i < blockSize; i++) counts[fine[first + j * linearSize + i]]++;
  }
}

/**
 * Plurality vote: the state held by most sites of the block. When several states tie for the maximum, one
 * of them is drawn uniformly from `rng` (one draw per tied block, blocks visited in storage order, so the
 * same rng state gives the same output).
 */
function pluralityState(counts: Int32Array, tied: Uint8Array, rng: Rng): number {
  let largest = -1;
  let nTied = 0;
  for (let a = 0; a < counts.length; a++) {
    if (counts[a] > largest) {
      largest = counts[a];
      nTied = 0;
    }
    if (counts[a] === largest) tied[nTied++] = a;
  }
  return nTied === 1 ? tied[0] : tied[rng.nextInt(nTied)];
}

function coarsenPlurality(models: ReadonlyMap<string, PottsModel>, batch: SpinBatch, options: CoarsenOptions): SpinBatch<Uint8Array> {
  const shape = checkBatch(models, batch, options);
  const fine = batch.data as Uint8Array;
  const coarseSize = shape.linearSize / shape.blockSize;
  const coarse = new Uint8Array(shape.nSamples * coarseSize * coarseSize);
  const counts = new Int32Array(shape.nStates);
  const tied = new Uint8Array(shape.nStates);

  let k = 0;
  for (let sample = 0; sample < shape.nSamples; sample++) {
    for (let row = 0; row < coarseSize; row++) {
      for (let column = 0; column < coarseSize; column++) {
        countBlock(fine, shape, sample, row, column, counts);
        coarse[k++] = pluralityState(counts, tied, options.rng);
      }
    }
  }
  return { lattice: batch.lattice, linearSize: coarseSize, nSamples: shape.nSamples, data: coarse };
}

/**
 * Creates the plurality rule for Potts lattices, the q-state form of the majority rule: each b×b block becomes
 * the state that most of its sites are in, with seeded random tie-breaks. It supports exactly the given models.
 */
export function createPluralityScheme(models: readonly PottsModel[]): RGScheme {
  const byId = new Map(models.map((model) => [model.id, model]));
  return {
    id: 'plurality',
    description: `Potts: each b×b block takes the state most of its sites hold; ties drawn uniformly from the seeded rng (${[...byId.keys()].join(', ')})`,
    defaultBlockSize: 2,
    supports: (lattice) => byId.has(lattice),
    coarsen: (batch, options) => coarsenPlurality(byId, batch, options),
  };
}
