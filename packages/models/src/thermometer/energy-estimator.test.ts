import { Rng } from '@rgae/core';
import { densityOfStates } from '@rgae/plugin-ising';
import { describe, expect, it } from 'vitest';
import { energyTemperatureEstimator } from './energy-estimator.js';
import { temperatureErrorTable } from './temperature-errors.js';

const LINEAR_SIZE = 4;
const N_SITES = LINEAR_SIZE * LINEAR_SIZE;
const TEMPERATURES = [1.5, 2, 2.5, 3, 3.5];

/** Exact p(e | T) of the L = 4 Ising model (J = 1, h = 0) from the enumerated density of states. */
function exactEnergyDistribution(temperature: number): Map<number, number> {
  const weights = new Map<number, number>();
  for (const { bondSum, degeneracy } of densityOfStates(LINEAR_SIZE)) {
    const energy = -bondSum / N_SITES;
    weights.set(energy, (weights.get(energy) ?? 0) + degeneracy * Math.exp((-energy * N_SITES) / temperature));
  }
  const total = [...weights.values()].reduce((s, w) => s + w, 0);
  return new Map([...weights].map(([e, w]) => [e, w / total]));
}

function sampleEnergies(distribution: Map<number, number>, nSamples: number, rng: Rng): number[] {
  const levels = [...distribution.entries()];
  return Array.from({ length: nSamples }, () => {
    let u = rng.nextFloat();
    for (const [energy, p] of levels) {
      u -= p;
      if (u < 0) return energy;
    }
    return levels[levels.length - 1][0];
  });
}

describe('energyTemperatureEstimator', () => {
  const distributions = TEMPERATURES.map(exactEnergyDistribution);
  const exactPosteriorMean = (energy: number) => {
    const likelihoods = distributions.map((d) => d.get(energy) ?? 0);
    const evidence = likelihoods.reduce((s, p) => s + p, 0);
    return likelihoods.reduce((s, p, k) => s + p * TEMPERATURES[k], 0) / evidence;
  };

  it('reads as well as the exact posterior mean at L = 4', () => {
    const rng = Rng.create(7, ['energy-estimator-test']);
    const training = distributions.map((d) => sampleEnergies(d, 3000, rng));
    const estimate = energyTemperatureEstimator(
      training.flat(),
      training.flatMap((energies, k) => energies.map(() => TEMPERATURES[k])),
    );
    const heldOut = distributions.map((d) => sampleEnergies(d, 3000, rng));
    const truth = heldOut.flatMap((energies, k) => energies.map(() => TEMPERATURES[k]));

    const table = temperatureErrorTable(truth, heldOut.flat().map(estimate), heldOut.flat().map(exactPosteriorMean));
    console.log(`L = 4 energy estimator: MAE ${table.maeThermometer.toFixed(4)}, exact posterior mean ${table.maeEnergyEstimate.toFixed(4)}`);

    expect(table.ratio).toBeLessThan(1.02);
    expect(table.ratio).toBeGreaterThan(0.98);
  });

  it('follows the exact posterior mean at every common energy', () => {
    const rng = Rng.create(8, ['energy-estimator-test']);
    const training = distributions.map((d) => sampleEnergies(d, 3000, rng));
    const estimate = energyTemperatureEstimator(
      training.flat(),
      training.flatMap((energies, k) => energies.map(() => TEMPERATURES[k])),
    );
    const levels = [...new Set(training.flat())].filter((e) => distributions.reduce((s, d) => s + (d.get(e) ?? 0), 0) / TEMPERATURES.length > 0.01);

    expect(levels.length).toBeGreaterThan(5);
    for (const energy of levels) {
      expect(Math.abs(estimate(energy) - exactPosteriorMean(energy)), `e = ${energy}`).toBeLessThan(0.08);
    }
  });

  it('stays finite for a class at a single energy', () => {
    const estimate = energyTemperatureEstimator([-2, -2, -2, -1.5, -1.25, -1], [1, 1, 1, 3, 3, 3]);

    expect(Math.abs(estimate(-2) - 1)).toBeLessThan(0.01);
    expect(Math.abs(estimate(-1.25) - 3)).toBeLessThan(0.01);
    expect(Number.isFinite(estimate(5))).toBe(true);
  });

  it('rejects unequal inputs', () => {
    expect(() => energyTemperatureEstimator([1, 2], [1])).toThrow(/2 energies and 1 temperatures/);
  });
});

describe('temperatureErrorTable', () => {
  it('computes per-temperature and overall errors', () => {
    const table = temperatureErrorTable([1, 1, 2, 2], [1.5, 0.5, 2, 2.5], [1, 1.25, 2.5, 2]);

    expect(table.rows).toEqual([
      { temperature: 1, nSamples: 2, meanThermometer: 1, meanEnergyEstimate: 1.125, maeThermometer: 0.5, maeEnergyEstimate: 0.125 },
      { temperature: 2, nSamples: 2, meanThermometer: 2.25, meanEnergyEstimate: 2.25, maeThermometer: 0.25, maeEnergyEstimate: 0.25 },
    ]);
    expect(table.maeThermometer).toBeCloseTo(0.375, 12);
    expect(table.maeEnergyEstimate).toBeCloseTo(0.1875, 12);
    expect(table.ratio).toBeCloseTo(2, 12);
  });
});
