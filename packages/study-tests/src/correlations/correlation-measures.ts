/** Frobenius norm ‖A‖_F = sqrt(Σ_ij A_ij²). */
export function frobeniusNorm(matrix: ArrayLike<number>): number {
  let sum = 0;
  for (let k = 0; k < matrix.length; k++) sum += matrix[k] * matrix[k];
  return Math.sqrt(sum);
}

/** Frobenius norm of the difference, ‖A − B‖_F. */
export function frobeniusDistance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let k = 0; k < a.length; k++) sum += (a[k] - b[k]) ** 2;
  return Math.sqrt(sum);
}

/**
 * Share of the correlations a reconstruction retains, 1 − ‖C_rec − C_orig‖_F / ‖C_orig‖_F: 1 for identical
 * matrices, 0 for a reconstruction without correlations (C_rec = 0), negative when it is further from the
 * original than that. NaN when ‖C_orig‖_F = 0.
 */
export function shareRetained(original: ArrayLike<number>, reconstruction: ArrayLike<number>): number {
  const norm = frobeniusNorm(original);
  return norm === 0 ? NaN : 1 - frobeniusDistance(reconstruction, original) / norm;
}

/**
 * Connected correlation along the lattice axes from the N×N matrix, G(r) = mean over sites i and both axes
 * of C(i, i + r·ê), periodic, for r = 0 … ⌊L/2⌋.
 */
export function axisCorrelation(matrix: Float64Array, linearSize: number): Float64Array {
  const nSites = linearSize * linearSize;
  const maxDistance = Math.floor(linearSize / 2);
  const out = new Float64Array(maxDistance + 1);

  for (let r = 0; r <= maxDistance; r++) {
    let sum = 0;
    for (let y = 0; y < linearSize; y++) {
      for (let x = 0; x < linearSize; x++) {
        const i = y * linearSize + x;
        sum += matrix[i * nSites + y * linearSize + ((x + r) % linearSize)];
        sum += matrix[i * nSites + ((y + r) % linearSize) * linearSize + x];
      }
    }
    out[r] = sum / (2 * nSites);
  }
  return out;
}

/**
 * Second-moment correlation length ξ₂ = √(χ(0)/χ(k_min) − 1) / (2 sin(π/L)) (Cooper, Freedman & Preston 1982),
 * with χ(k) = (1/N) Σ_ij G_ij cos(k·(r_j − r_i)) averaged over k_min = (2π/L, 0) and (0, 2π/L). G is the full
 * correlation ⟨v_i·v_j⟩: the connected matrix plus `zeroMode` = |Σ_i ⟨v_i⟩|², which enters χ(0) only, as for a
 * uniform mean the k_min sum of a constant vanishes. This is the usual finite-size definition; below T_c it grows
 * with L. A ratio below 1, possible from noise, gives 0, and χ(k_min) ≤ 0 gives NaN.
 */
export function secondMomentLength(matrix: Float64Array, linearSize: number, zeroMode = 0): number {
  const nSites = linearSize * linearSize;
  const cosines = Float64Array.from({ length: linearSize }, (_, d) => Math.cos((2 * Math.PI * d) / linearSize));
  let chiZero = zeroMode;
  let chiLowest = 0;

  for (let i = 0; i < nSites; i++) {
    const xi = i % linearSize;
    const yi = Math.floor(i / linearSize);
    for (let j = 0; j < nSites; j++) {
      const value = matrix[i * nSites + j];
      const dx = (j % linearSize) - xi + linearSize;
      const dy = Math.floor(j / linearSize) - yi + linearSize;
      chiZero += value;
      chiLowest += (value * (cosines[dx % linearSize] + cosines[dy % linearSize])) / 2;
    }
  }
  if (!(chiLowest > 0)) return NaN;
  return Math.sqrt(Math.max(0, chiZero / chiLowest - 1)) / (2 * Math.sin(Math.PI / linearSize));
}

/** Extracts the w²×w² block of the N×N matrix between the sites of the top-left w×w window of the lattice. */
export function windowBlock(matrix: Float64Array, linearSize: number, window: number): { data: Float64Array; shape: [number, number] } {
  const nSites = linearSize * linearSize;
  const sites = Array.from({ length: window * window }, (_, k) => Math.floor(k / window) * linearSize + (k % window));
  const data = new Float64Array(sites.length * sites.length);
  sites.forEach((i, a) => sites.forEach((j, b) => (data[a * sites.length + b] = matrix[i * nSites + j])));
  return { data, shape: [sites.length, sites.length] };
}
