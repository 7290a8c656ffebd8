/** Typed storage of spins: ±1 as Int8Array (Ising), angles as Float32Array (XY), states 0…q−1 as Uint8Array (Potts). */
export type SpinData = Int8Array | Float32Array | Uint8Array;

export type SpinDtype = 'int8' | 'float32' | 'uint8';

/**
 * A batch of square-lattice configurations stored row-major as [nSamples, L, L], site (x, y) of sample n
 * at index n·L² + y·L + x.
 */
export interface SpinBatch<D extends SpinData = SpinData> {
  lattice: string;
  linearSize: number;
  nSamples: number;
  data: D;
}

export function dtypeOf(data: SpinData): SpinDtype {
  if (data instanceof Int8Array) return 'int8';
  if (data instanceof Uint8Array) return 'uint8';
  return 'float32';
}

/** Returns a view of sample `index` of a batch (no copy). */
export function sampleView<D extends SpinData>(batch: SpinBatch<D>, index: number): D {
  const n = batch.linearSize * batch.linearSize;
  return batch.data.subarray(index * n, (index + 1) * n) as D;
}
