import { generateEnsemble } from '@rgae/core';
import { describe, expect, it } from 'vitest';
import { xyModel } from '../lattice/xy-model.js';
import { xyWolffSampler } from './xy-wolff.js';

const temperatures = [0.9, 0.94, 0.98];

/** Υ(T) − 2T/π at each temperature of the grid, from Wolff ensembles of an L×L lattice. */
function distanceFromUniversalLine(linearSize: number, nSamples: number): number[] {
  return temperatures.map((temperature) => {
    const ensemble = generateEnsemble(xyModel, xyWolffSampler, {
      params: { linearSize, beta: 1 / temperature, coupling: 1, field: 0 },
      nSamples,
      seed: 7,
      thermalisationSweeps: 500,
      spacingSweeps: 1,
    });
    return ensemble.metadata.observables.helicityModulus.mean - (2 * temperature) / Math.PI;
  });
}

/** Temperature where Υ crosses 2T/π, by linear interpolation between the grid points that bracket it. */
function crossingTemperature(distances: number[]): number {
  for (let k = 0; k + 1 < distances.length; k++) {
    if (distances[k] > 0 && distances[k + 1] <= 0) {
      const fraction = distances[k] / (distances[k] - distances[k + 1]);
      return temperatures[k] + fraction * (temperatures[k + 1] - temperatures[k]);
    }
  }
  throw new Error(`Υ − 2T/π = [${distances.join(', ')}] changes sign nowhere on T = [${temperatures.join(', ')}].`);
}

describe('helicity modulus', () => {
  it('crosses 2T/π, lower for larger L', () => {
    // Wolff cluster flips per temperature, sized so that each crossing has a statistical error near 0.002
    // while successive sizes differ by about 0.015–0.025.
    const crossings = [
      crossingTemperature(distanceFromUniversalLine(8, 16_000)),
      crossingTemperature(distanceFromUniversalLine(16, 16_000)),
      crossingTemperature(distanceFromUniversalLine(32, 12_000)),
    ];

    for (const crossing of crossings) {
      expect(crossing).toBeGreaterThan(0.85);
      expect(crossing).toBeLessThan(1.05);
    }
    expect(crossings[1], `crossings for L = 8, 16, 32: ${crossings.join(', ')}`).toBeLessThan(crossings[0]);
    expect(crossings[2], `crossings for L = 8, 16, 32: ${crossings.join(', ')}`).toBeLessThan(crossings[1]);
  });
});
