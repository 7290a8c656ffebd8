import { describe, expect, it } from 'vitest';
import {
  densityOfStates,
  energyMagnetizationBin,
  exactEnergyMagnetizationDistribution,
  exactStateDistribution,
  stateBin,
  stateSpins,
} from './enumeration.js';

const sum = (values: Iterable<number>) => [...values].reduce((a, b) => a + b, 0);

describe('densityOfStates', () => {
  it.each([2, 3, 4])('counts all 2^(L²) states for L = %i', (linearSize) => {
    const entries = densityOfStates(linearSize);
    expect(sum(entries.map((e) => e.degeneracy))).toBe(2 ** (linearSize * linearSize));
  });

  it('has the known ground states and M ↔ −M symmetry on 4×4', () => {
    const entries = densityOfStates(4);
    const ground = entries.filter((e) => e.bondSum === 32);
    expect(ground.map((e) => [e.magnetization, e.degeneracy]).sort()).toEqual([
      [-16, 1],
      [16, 1],
    ]);
    // The two Néel states have every bond broken.
    expect(entries.find((e) => e.bondSum === -32)).toEqual({ bondSum: -32, magnetization: 0, degeneracy: 2 });
    // One flipped spin breaks 4 bonds: B = 32 − 8, 16 ways for each sign of M.
    expect(entries.find((e) => e.bondSum === 24 && e.magnetization === 14)?.degeneracy).toBe(16);
    for (const entry of entries) {
      const mirror = entries.find((e) => e.bondSum === entry.bondSum && e.magnetization === -entry.magnetization);
      expect(mirror?.degeneracy).toBe(entry.degeneracy);
    }
  });

  it('rejects L = 5 and points to the Kaufman solution', () => {
    expect(() => densityOfStates(5)).toThrow(/L from 2 to 4.*Kaufman/);
  });
});

describe('exact distributions', () => {
  it('normalise and weight a single flip by exp(−8β)', () => {
    const beta = 0.3;
    const states = exactStateDistribution(3, beta);
    expect(states.size).toBe(512);
    expect(sum(states.values())).toBeCloseTo(1, 12);

    const allUp = states.get('+++++++++')!;
    const oneDown = states.get('-++++++++')!;
    // Flipping one spin of the ordered 3×3 state breaks 4 of its 18 bonds: weight ratio exp(−8β).
    expect(oneDown / allUp).toBeCloseTo(Math.exp(-8 * beta), 14);
  });

  it('agree between the state and (B, M) views', () => {
    const beta = 0.44;
    const field = 0.1;
    const joint = exactEnergyMagnetizationDistribution(3, beta, 1, field);
    const states = exactStateDistribution(3, beta, 1, field);
    const summed = new Map<string, number>();
    for (const [key, probability] of states) {
      const spins = Int8Array.from(key, (c) => (c === '+' ? 1 : -1));
      const bin = energyMagnetizationBin(spins, 3);
      summed.set(bin, (summed.get(bin) ?? 0) + probability);
    }
    expect(summed.size).toBe(joint.size);
    for (const [bin, probability] of joint) expect(summed.get(bin)).toBeCloseTo(probability, 14);
  });

  it('favour positive M in a positive field', () => {
    const joint = exactEnergyMagnetizationDistribution(4, 0.3, 1, 0.2);
    expect(joint.get('32,16')! / joint.get('32,-16')!).toBeCloseTo(Math.exp(2 * 0.3 * 0.2 * 16), 10);
  });

  it('map state numbers to spins and keys', () => {
    expect(Array.from(stateSpins(0b101, 4))).toEqual([-1, 1, -1, 1]);
    expect(stateBin(Int8Array.from([1, -1, -1, 1]))).toBe('+--+');
  });
});
