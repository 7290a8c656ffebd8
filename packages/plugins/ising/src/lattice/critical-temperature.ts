/**
 * Critical temperature of the square-lattice Ising ferromagnet, T_c = 2J / ln(1 + √2) ≈ 2.269185·J
 * (Onsager 1944, from the Kramers–Wannier self-duality condition sinh(2J/T_c) = 1). Undefined for J ≤ 0.
 */
export function isingCriticalTemperature(coupling = 1): number | undefined {
  if (!(coupling > 0)) return undefined;
  return (2 * coupling) / Math.log(1 + Math.SQRT2);
}

/** Critical inverse temperature β_c = ln(1 + √2) / (2J) ≈ 0.440687/J. */
export function isingCriticalBeta(coupling = 1): number | undefined {
  if (!(coupling > 0)) return undefined;
  return Math.log(1 + Math.SQRT2) / (2 * coupling);
}
