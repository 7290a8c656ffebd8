/**
 * Sums over a set of configurations from which connected correlations follow. `pairSums` contains Σ v_i·v_j for
 * every pair of sites (upper triangle i ≤ j filled, row-major N×N) and `siteSums` contains Σ v_i per site and
 * component. The spin vectors v_i are the lattice's network encoding: the spin for Ising, (cos θ, sin θ) for XY.
 */
export interface CorrelationSums {
  linearSize: number;
  channels: number;
  count: number;
  pairSums: Float64Array;
  siteSums: Float64Array;
}

export function emptyCorrelationSums(linearSize: number, channels: number): CorrelationSums {
  const nSites = linearSize * linearSize;
  return { linearSize, channels, count: 0, pairSums: new Float64Array(nSites * nSites), siteSums: new Float64Array(nSites * channels) };
}

/** Adds configurations [start, end) of an NHWC encoding [n, L, L, channels] to `sums` (in place). */
export function addConfigurations(sums: CorrelationSums, encoded: Float32Array, start: number, end: number): CorrelationSums {
  const { linearSize, channels, siteSums } = sums;
  const width = linearSize * linearSize * channels;
  const vectors = new Float64Array(width);

  for (let n = start; n < end; n++) {
    for (let k = 0; k < width; k++) vectors[k] = encoded[n * width + k];
    for (let k = 0; k < width; k++) siteSums[k] += vectors[k];
    if (channels === 1) addScalarPairs(sums.pairSums, vectors);
    else addVectorPairs(sums.pairSums, vectors, channels);
  }
  sums.count += end - start;
  return sums;
}

/** Σ s_i s_j over the upper triangle for one configuration of one-component spins (the hot loop of this test). */
function addScalarPairs(pairSums: Float64Array, spins: Float64Array): void {
  const nSites = spins.length;
  for (let i = 0; i < nSites; i++) {
    const spin = spins[i];
    if (spin === 0) continue;
    const row = i * nSites;
    for (let j = i; j < nSites; j++) pairSums[row + j] += spin * spins[j];
  }
}

function addVectorPairs(pairSums: Float64Array, vectors: Float64Array, channels: number): void {
  const nSites = vectors.length / channels;
  for (let i = 0; i < nSites; i++) {
    const row = i * nSites;
    for (let j = i; j < nSites; j++) {
      let dot = 0;
      for (let c = 0; c < channels; c++) dot += vectors[i * channels + c] * vectors[j * channels + c];
      pairSums[row + j] += dot;
    }
  }
}

/** Writes total − part into `out` (the sums of the configurations not in `part`) and returns it. */
export function subtractSums(total: CorrelationSums, part: CorrelationSums, out: CorrelationSums): CorrelationSums {
  for (let k = 0; k < total.pairSums.length; k++) out.pairSums[k] = total.pairSums[k] - part.pairSums[k];
  for (let k = 0; k < total.siteSums.length; k++) out.siteSums[k] = total.siteSums[k] - part.siteSums[k];
  out.count = total.count - part.count;
  return out;
}

/**
 * Connected correlation matrix C_ij = ⟨v_i·v_j⟩ − ⟨v_i⟩·⟨v_j⟩ (averages over the configurations in `sums`),
 * symmetric N×N, written into `out` when given.
 */
export function connectedMatrix(sums: CorrelationSums, out?: Float64Array): Float64Array {
  const { linearSize, channels, count, pairSums, siteSums } = sums;
  const nSites = linearSize * linearSize;
  const matrix = out ?? new Float64Array(nSites * nSites);

  for (let i = 0; i < nSites; i++) {
    for (let j = i; j < nSites; j++) {
      let meanProduct = 0;
      for (let c = 0; c < channels; c++) meanProduct += siteSums[i * channels + c] * siteSums[j * channels + c];
      const value = pairSums[i * nSites + j] / count - meanProduct / (count * count);
      matrix[i * nSites + j] = value;
      matrix[j * nSites + i] = value;
    }
  }
  return matrix;
}
