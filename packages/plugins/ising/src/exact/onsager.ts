import { invalidArgument } from '@rgae/core';

/** Complete elliptic integral of the first kind K(k) = π / (2·AGM(1, √(1 − k²))), modulus 0 ≤ k < 1. */
export function ellipticK(modulus: number): number {
  let a = 1;
  let b = Math.sqrt(1 - modulus * modulus);
  for (let i = 0; i < 64 && Math.abs(a - b) > 1e-16 * a; i++) {
    const mean = (a + b) / 2;
    b = Math.sqrt(a * b);
    a = mean;
  }
  return Math.PI / (2 * a);
}

function checkCoupling(beta: number, coupling: number): void {
  if (!Number.isFinite(beta) || beta < 0) throw invalidArgument(`Invalid β = ${beta}: expected a finite number ≥ 0.`);
  if (!Number.isFinite(coupling) || coupling <= 0) throw invalidArgument(`Invalid coupling J = ${coupling}: expected a finite J > 0.`);
}

/**
 * Energy per site of the infinite square-lattice Ising model at h = 0 (L. Onsager, Phys. Rev. 65, 117 (1944)):
 * e = −J coth 2K [1 + (2/π)(2 tanh² 2K − 1) K(κ)], κ = 2 sinh 2K / cosh² 2K, K = βJ. At K_c the
 * elliptic integral diverges while its prefactor vanishes, and e = −√2·J.
 */
export function onsagerEnergy(beta: number, coupling = 1): number {
  checkCoupling(beta, coupling);
  const k = beta * coupling;
  if (k === 0) return 0;
  const modulus = (2 * Math.sinh(2 * k)) / Math.cosh(2 * k) ** 2;
  if (modulus >= 1) return -Math.SQRT2 * coupling;
  const prefactor = 2 * Math.tanh(2 * k) ** 2 - 1;
  return (-coupling / Math.tanh(2 * k)) * (1 + (2 / Math.PI) * prefactor * ellipticK(modulus));
}

/**
 * Spontaneous magnetisation per site of the infinite lattice (C. N. Yang, Phys. Rev. 85, 808 (1952)):
 * m = (1 − sinh^(−4) 2K)^(1/8) for K > K_c, and 0 otherwise.
 */
export function onsagerMagnetization(beta: number, coupling = 1): number {
  checkCoupling(beta, coupling);
  const s = Math.sinh(2 * beta * coupling);
  return s > 1 ? (1 - s ** -4) ** 0.125 : 0;
}
