import { describe, expect, it } from 'vitest';
import { exactEnumeratedObservables, densityOfStates } from './enumeration.js';
import { exactIsingThermodynamics } from './kaufman.js';
import { onsagerEnergy } from './onsager.js';

const CRITICAL_BETA = Math.log(1 + Math.SQRT2) / 2;

/** ln Z by summing the enumerated density of states. */
function enumeratedLnZ(linearSize: number, beta: number): number {
  const terms = densityOfStates(linearSize).map((entry) => Math.log(entry.degeneracy) + beta * entry.bondSum);
  const largest = Math.max(...terms);
  return largest + Math.log(terms.reduce((sum, t) => sum + Math.exp(t - largest), 0));
}

describe('exactIsingThermodynamics', () => {
  const betas = [0.05, 0.2, 0.35, CRITICAL_BETA, 0.5, 0.8, 1.5];

  it.each([2, 3, 4])('matches enumeration of the %i×%i lattice', (linearSize) => {
    for (const beta of betas) {
      const exact = exactIsingThermodynamics(linearSize, beta);
      const enumerated = exactEnumeratedObservables(linearSize, beta);
      expect(exact.lnZ).toBeCloseTo(enumeratedLnZ(linearSize, beta), 10);
      expect(Math.abs(exact.energy - enumerated.e)).toBeLessThan(1e-10);
      expect(Math.abs(exact.specificHeat - enumerated.C)).toBeLessThan(1e-10);
    }
  });

  it('scales with the coupling as a function of βJ', () => {
    const reference = exactIsingThermodynamics(8, 0.3, 1);
    const scaled = exactIsingThermodynamics(8, 0.15, 2);
    expect(scaled.energy).toBeCloseTo(2 * reference.energy, 12);
    expect(scaled.specificHeat).toBeCloseTo(reference.specificHeat, 12);
  });

  it('approaches the Onsager energy for large L away from T_c', () => {
    for (const temperature of [1.5, 2.0, 2.6, 3.5]) {
      const exact = exactIsingThermodynamics(256, 1 / temperature);
      expect(Math.abs(exact.energy - onsagerEnergy(1 / temperature))).toBeLessThan(1e-10);
    }
  });

  it('gives e → −√2 and a C growing like ln L at T_c', () => {
    const e512 = exactIsingThermodynamics(512, CRITICAL_BETA).energy;
    expect(Math.abs(e512 + Math.SQRT2)).toBeLessThan(2e-3);

    // Ferdinand–Fisher: C(L) ≈ (8/π)K_c² ln L + const at T_c, so doubling L adds (8/π)K_c² ln 2 ≈ 0.3428.
    const slope = (8 / Math.PI) * CRITICAL_BETA ** 2 * Math.LN2;
    const step = exactIsingThermodynamics(512, CRITICAL_BETA).specificHeat - exactIsingThermodynamics(256, CRITICAL_BETA).specificHeat;
    expect(step).toBeCloseTo(slope, 3);
  });

  it('rejects J ≤ 0 and a non-integer L', () => {
    expect(() => exactIsingThermodynamics(8, 0.4, -1)).toThrow(/J > 0/);
    expect(() => exactIsingThermodynamics(7.5, 0.4)).toThrow(/integer ≥ 2/);
  });
});

describe('onsagerEnergy', () => {
  it('reaches its low-, critical- and high-temperature limits', () => {
    expect(onsagerEnergy(0)).toBe(0);
    expect(onsagerEnergy(5)).toBeCloseTo(-2, 8);
    expect(onsagerEnergy(CRITICAL_BETA)).toBeCloseTo(-Math.SQRT2, 6);
  });
});
