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

/**
 * Adds configurations [start, end) of an NHWC encoding [n, L, L, channels] to `sums` (in place), each first
 * aligned with its own magnetisation by `alignWithMagnetisation`.
 */
export function addConfigurations(sums: CorrelationSums, encoded: Float32Array, start: number, end: number): CorrelationSums {
  const { linearSize, channels, siteSums } = sums;
  const width = linearSize * linearSize * channels;
  const vectors = new Float64Array(width);

  for (let n = start; n < end; n++) {
    for (let k = 0; k < width; k++) vectors[k] = encoded[n * width + k];
    alignWithMagnetisation(vectors, channels);
    for (let k = 0; k < width; k++) siteSums[k] += vectors[k];
    if (channels === 1) addScalarPairs(sums.pairSums, vectors);
    else addVectorPairs(sums.pairSums, vectors, channels);
  }
  sums.count += end - start;
  return sums;
}

/**
 * Maps a configuration to the representative of its global-symmetry orbit whose magnetisation points one fixed
 * way. Ising spins are multiplied by the sign of Σ s_i. Two-component (XY) vectors are rotated so that Σ v_i
 * points along +x. One-hot (Potts) channels are reordered by occupation, most occupied first. On a finite
 * lattice the sampler visits every symmetry sector, so without this ⟨v_i⟩ ≈ 0 even below T_c and
 * ⟨v_i·v_j⟩ − ⟨v_i⟩·⟨v_j⟩ would keep the ordered part ⟨m⟩² instead of being connected.
 */
export function alignWithMagnetisation(vectors: Float64Array, channels: number): void {
  const nSites = vectors.length / channels;
  if (channels === 1) {
    let sum = 0;
    for (let i = 0; i < nSites; i++) sum += vectors[i];
    if (sum < 0) for (let i = 0; i < nSites; i++) vectors[i] = -vectors[i];
    return;
  }

  if (channels === 2) {
    let mx = 0;
    let my = 0;
    for (let i = 0; i < nSites; i++) {
      mx += vectors[2 * i];
      my += vectors[2 * i + 1];
    }
    // A vanishing magnetisation has no direction, and float32 rounding of the angles (about 1e-7 per site)
    // must not pick one, so it is left as it is.
    if (Math.hypot(mx, my) < 1e-5 * nSites) return;
    const angle = Math.atan2(my, mx);
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    for (let i = 0; i < nSites; i++) {
      const x = vectors[2 * i];
      const y = vectors[2 * i + 1];
      vectors[2 * i] = cos * x + sin * y;
      vectors[2 * i + 1] = -sin * x + cos * y;
    }
    return;
  }

  const occupation = new Float64Array(channels);
  for (let i = 0; i < nSites; i++) for (let c = 0; c < channels; c++) occupation[c] += vectors[i * channels + c];
  const order = Array.from({ length: channels }, (_, c) => c).sort((a, b) => occupation[b] - occupation[a] || a - b);
  const site = new Float64Array(channels);
  for (let i = 0; i < nSites; i++) {
    for (let c = 0; c < channels; c++) site[c] = vectors[i * channels + order[c]];
    vectors.set(site, i * channels);
  }
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

/** |Σ_i ⟨v_i⟩|², the k = 0 weight that the connected matrix leaves out (averages over the configurations in `sums`). */
export function zeroModeWeight(sums: CorrelationSums): number {
  const { channels, count, siteSums } = sums;
  let weight = 0;
  for (let c = 0; c < channels; c++) {
    let total = 0;
    for (let k = c; k < siteSums.length; k += channels) total += siteSums[k];
    weight += (total / count) ** 2;
  }
  return weight;
}
