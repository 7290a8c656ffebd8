/**
 * Hoyer sparsity (√n − ‖w‖₁/‖w‖₂) / (√n − 1) of n weights: 1 for a single non-zero weight, 0 when all weights
 * have the same magnitude. NaN for fewer than 2 weights or all-zero weights. Reference: P. O. Hoyer,
 * "Non-negative Matrix Factorization with Sparseness Constraints", J. Mach. Learn. Res. 5, 1457–1469 (2004).
 */
export function hoyerSparsity(values: ArrayLike<number>): number {
  const n = values.length;
  let l1 = 0;
  let l2 = 0;
  for (let i = 0; i < n; i++) {
    l1 += Math.abs(values[i]);
    l2 += values[i] * values[i];
  }
  if (n < 2 || l2 === 0) return NaN;

  const root = Math.sqrt(n);
  const sparsity = (root - l1 / Math.sqrt(l2)) / (root - 1);

  // Rounding leaves about 1e-16 where the exact value is 0 (equal magnitudes) or 1 (one weight), so snap those.
  if (Math.abs(sparsity) < 1e-12) return 0;
  if (Math.abs(sparsity - 1) < 1e-12) return 1;
  return sparsity;
}

/** Share of weights with |w| below `relative`·max|w| (1e-2 by default); NaN when all weights are zero or there are none. */
export function smallWeightFraction(values: ArrayLike<number>, relative = 1e-2): number {
  let largest = 0;
  for (let i = 0; i < values.length; i++) largest = Math.max(largest, Math.abs(values[i]));
  if (largest === 0) return NaN;

  const threshold = relative * largest;
  let small = 0;
  for (let i = 0; i < values.length; i++) if (Math.abs(values[i]) < threshold) small++;
  return small / values.length;
}
