import * as tf from '@tensorflow/tfjs';
import { RgaeError, invalidArgument, type Ensemble, type LatticeModel, type SpinBatch, type SpinData } from '@rgae/core';

/** Training data as given by a caller: ensembles from `generateEnsemble`, or bare batches. */
export type TrainingInput = Ensemble | SpinBatch;

export function batchOf(input: TrainingInput): SpinBatch {
  return 'batch' in input ? input.batch : input;
}

/** Joins batches of one lattice model and size into one batch, in the given order. */
export function concatenateBatches(inputs: readonly TrainingInput[]): SpinBatch {
  if (inputs.length === 0) throw invalidArgument('No training data: pass at least one ensemble.');
  const batches = inputs.map(batchOf);
  const [first] = batches;
  for (const batch of batches) {
    if (batch.lattice !== first.lattice || batch.linearSize !== first.linearSize || batch.data.constructor !== first.data.constructor) {
      throw new RgaeError(
        'INCOMPATIBLE',
        `Training data mixes lattices or sizes: "${first.lattice}" with L = ${first.linearSize} and "${batch.lattice}" with L = ${batch.linearSize}. ` +
          'Train on ensembles of one lattice model and one size.',
      );
    }
  }

  const nSamples = batches.reduce((sum, b) => sum + b.nSamples, 0);
  const data = new (first.data.constructor as new (n: number) => SpinData)(nSamples * first.linearSize * first.linearSize);
  let offset = 0;
  for (const batch of batches) {
    data.set(batch.data as never, offset);
    offset += batch.data.length;
  }
  return { lattice: first.lattice, linearSize: first.linearSize, nSamples, data };
}

/** Encodes a batch with the lattice model's network encoding into a tensor [nSamples, L, L, channels]. */
export function encodeBatch(lattice: LatticeModel, batch: SpinBatch): tf.Tensor4D {
  if (batch.lattice !== lattice.id) {
    throw new RgaeError('INCOMPATIBLE', `Batch of lattice "${batch.lattice}" cannot be encoded by lattice model "${lattice.id}".`);
  }
  const values = lattice.encode(batch as never);
  const shape: [number, number, number, number] = [batch.nSamples, batch.linearSize, batch.linearSize, lattice.channels];
  if (values.length !== tf.util.sizeFromShape(shape)) {
    throw new RgaeError(
      'INCOMPATIBLE',
      `Lattice model "${lattice.id}" encoded ${batch.nSamples} configurations into ${values.length} values; expected [${shape.join(', ')}].`,
    );
  }
  return tf.tensor4d(values, shape);
}
