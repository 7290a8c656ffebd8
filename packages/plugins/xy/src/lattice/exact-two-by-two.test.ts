import { describe, expect, it } from 'vitest';
import { exactTwoByTwoAverages, exactTwoByTwoDistribution } from './exact-two-by-two.js';

/** Modified Bessel function I_k(x) by its power series Σ_m (x/2)^(2m+k) / (m! (m+k)!). */
function besselI(order: number, x: number): number {
  const k = Math.abs(order);
  let term = (x / 2) ** k;
  for (let j = 1; j <= k; j++) term /= j;
  let sum = 0;
  for (let m = 0; m < 200 && term > 1e-18 * sum; m++) {
    sum += term;
    term *= (x / 2) ** 2 / ((m + 1) * (m + 1 + k));
  }
  return sum;
}

/**
 * ⟨cos(θ_a − θ_b)⟩ on a ring of four rotators with coupling K at zero field, from the character expansion
 * Z ∝ Σ_k I_k(K)⁴ (k ∈ ℤ): ⟨cos⟩ = (1/4) d ln Z / dK = Σ_k I_k³ I_k' / Σ_k I_k⁴ with I_k' = (I_{k−1} + I_{k+1}) / 2.
 */
function ringOfFourCos(couplingK: number): number {
  let numerator = 0;
  let denominator = 0;
  for (let k = -30; k <= 30; k++) {
    const ik = besselI(k, couplingK);
    numerator += ik ** 3 * (besselI(k - 1, couplingK) + besselI(k + 1, couplingK)) / 2;
    denominator += ik ** 4;
  }
  return numerator / denominator;
}

describe('exactTwoByTwoAverages', () => {
  it.each([0.2, 0.7, 1.5])('matches the Bessel-function result at β = %s', (beta) => {
    const exact = exactTwoByTwoAverages({ beta, coupling: 1, field: 0 });
    // The 2×2 lattice is a ring of four sites whose bonds carry 2J.
    const expected = ringOfFourCos(2 * beta);
    expect(exact.nearestNeighbourCos).toBeCloseTo(expected, 10);
    expect(exact.e).toBeCloseTo(-2 * expected, 10);
    expect(exact.mx).toBeCloseTo(0, 12);
  });

  it('gives independent spins at β = 0', () => {
    const exact = exactTwoByTwoAverages({ beta: 0, coupling: 1, field: 0.5 });
    expect(exact.e).toBeCloseTo(0, 12);
    expect(exact.absMSquared).toBeCloseTo(0.25, 12);
  });

  it('gives I₁(βh)/I₀(βh) for a field without coupling', () => {
    const exact = exactTwoByTwoAverages({ beta: 0.8, coupling: 0, field: 1.25 });
    expect(exact.mx).toBeCloseTo(besselI(1, 1) / besselI(0, 1), 10);
  });

  it('is converged in the number of quadrature points', () => {
    const params = { beta: 1.2, coupling: 1, field: 0.4 };
    const coarse = exactTwoByTwoAverages(params, 64);
    const fine = exactTwoByTwoAverages(params);
    expect(coarse.e).toBeCloseTo(fine.e, 10);
    expect(coarse.absMSquared).toBeCloseTo(fine.absMSquared, 10);
  });
});

describe('exactTwoByTwoDistribution', () => {
  const bins = { energyEdges: [-1.8, -1.5, -1.2, -0.8, -0.3], magnetisationEdges: [0.5, 0.8, 0.9] };

  it('sums to one and agrees with a grid twice as fine', () => {
    const params = { beta: 0.7, coupling: 1 };
    const probabilities = exactTwoByTwoDistribution(params, bins);
    const refined = exactTwoByTwoDistribution(params, bins, 320);
    expect([...probabilities.values()].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    for (const [label, p] of refined) {
      expect(Math.abs((probabilities.get(label) ?? 0) - p)).toBeLessThan(Math.max(2e-3 * p, 1e-5));
    }
  });

  it('has the exact mean energy of the transfer matrix', () => {
    // With 400 narrow energy bins the bin-centre mean approaches ⟨e⟩ to within about a bin width squared.
    const energyEdges = Array.from({ length: 399 }, (_, k) => -2 + (k + 1) / 100);
    const probabilities = exactTwoByTwoDistribution({ beta: 0.7, coupling: 1 }, { energyEdges, magnetisationEdges: [] });
    let mean = 0;
    for (const [label, p] of probabilities) mean += p * (-2 + (Number(label.split(',')[0]) + 0.5) / 100);
    expect(mean).toBeCloseTo(exactTwoByTwoAverages({ beta: 0.7, coupling: 1, field: 0 }).e, 3);
  });
});
