import * as tf from '@tensorflow/tfjs';
import { generateEnsemble, type Ensemble } from '@rgae/core';
import { isingModel, wolffSampler } from '@rgae/plugin-ising';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backend/select-backend.js';
import { concatenateBatches, encodeBatch } from '../training/encode-data.js';
import { energyTemperatureEstimator } from './energy-estimator.js';
import { predictTemperatures } from './predict-temperature.js';
import { formatTemperatureErrorTable, temperatureErrorTable } from './temperature-errors.js';
import { trainThermometer, type TrainedThermometer } from './train-thermometer.js';

const LINEAR_SIZE = 16;
const TEMPERATURES = Array.from({ length: 11 }, (_, k) => 1 + 0.25 * k);

function ensembles(nSamples: number, seed: number): Ensemble[] {
  return TEMPERATURES.map((temperature) =>
    generateEnsemble(isingModel, wolffSampler, {
      params: { linearSize: LINEAR_SIZE, beta: 1 / temperature, coupling: 1, field: 0 },
      nSamples,
      seed,
    }),
  );
}

describe('thermometer on the 2D Ising model, L = 16', () => {
  let trained: TrainedThermometer;
  let training: Ensemble[];
  let heldOut: Ensemble[];
  const tensorCounts: number[] = [];

  beforeAll(async () => {
    await selectBackend('wasm');
    training = ensembles(400, 11);
    heldOut = ensembles(200, 12);
    trained = await trainThermometer({
      lattice: isingModel,
      data: training,
      epochs: 60,
      seed: 5,
      earlyStopping: { patience: 10 },
      onEpoch: () => void tensorCounts.push(tf.memory().numTensors),
    });
  });

  afterAll(() => trained?.parts.model.dispose());

  it('reads temperature nearly as well as the energy', () => {
    const trainingEnergies = training.flatMap((e) => Array.from(e.series.e));
    const estimateFromEnergy = energyTemperatureEstimator(trainingEnergies, trained.sampleTemperatures);
    const heldOutBatch = concatenateBatches(heldOut);
    const inputs = encodeBatch(isingModel, heldOutBatch);
    const readings = predictTemperatures(trained.parts, inputs);
    inputs.dispose();
    const truth = heldOut.flatMap((e) => Array<number>(e.batch.nSamples).fill(e.metadata.temperature));
    const energyReadings = heldOut.flatMap((e) => Array.from(e.series.e, estimateFromEnergy));

    const table = temperatureErrorTable(truth, readings, energyReadings);
    console.log(`Thermometer after ${trained.history.epochs.length} epochs (best ${trained.history.bestEpoch}):\n${formatTemperatureErrorTable(table)}`);

    expect(table.maeThermometer).toBeLessThanOrEqual(1.15 * table.maeEnergyEstimate);
    for (let k = 1; k < table.rows.length; k++) {
      expect(table.rows[k].meanThermometer, `mean reading at T = ${table.rows[k].temperature}`).toBeGreaterThan(table.rows[k - 1].meanThermometer);
    }
  });

  it('keeps its tensor count across epochs', () => {
    expect(tensorCounts.length).toBe(trained.history.epochs.length);
    expect(tensorCounts.length).toBeGreaterThan(5);
    expect(new Set(tensorCounts).size).toBe(1);
  });
});
