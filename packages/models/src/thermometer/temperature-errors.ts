import { invalidArgument, type ResultTable } from '@rgae/core';

export interface TemperatureErrorRow {
  temperature: number;
  nSamples: number;
  /** Mean thermometer reading at this temperature. */
  meanThermometer: number;
  meanEnergyEstimate: number;
  /** Mean absolute error |T̂ − T| of the thermometer. */
  maeThermometer: number;
  maeEnergyEstimate: number;
}

export interface TemperatureErrorTable {
  rows: TemperatureErrorRow[];
  maeThermometer: number;
  maeEnergyEstimate: number;
  /** maeThermometer / maeEnergyEstimate: 1 means as good as the best reading from the energy. */
  ratio: number;
}

/**
 * Compares thermometer readings with the energy-only estimator per true temperature: mean readings and
 * mean absolute errors, plus the errors over all samples.
 */
export function temperatureErrorTable(
  trueTemperatures: ArrayLike<number>,
  thermometer: ArrayLike<number>,
  energyEstimate: ArrayLike<number>,
): TemperatureErrorTable {
  const n = trueTemperatures.length;
  if (thermometer.length !== n || energyEstimate.length !== n || n === 0) {
    throw invalidArgument(`Temperature error table needs equally long, non-empty inputs; got ${n}, ${thermometer.length} and ${energyEstimate.length} values.`);
  }
  const byTemperature = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const indices = byTemperature.get(trueTemperatures[i]) ?? [];
    indices.push(i);
    byTemperature.set(trueTemperatures[i], indices);
  }

  const mean = (indices: number[], f: (i: number) => number) => indices.reduce((s, i) => s + f(i), 0) / indices.length;
  const rows = [...byTemperature.entries()]
    .sort(([a], [b]) => a - b)
    .map(([temperature, indices]) => ({
      temperature,
      nSamples: indices.length,
      meanThermometer: mean(indices, (i) => thermometer[i]),
      meanEnergyEstimate: mean(indices, (i) => energyEstimate[i]),
      maeThermometer: mean(indices, (i) => Math.abs(thermometer[i] - temperature)),
      maeEnergyEstimate: mean(indices, (i) => Math.abs(energyEstimate[i] - temperature)),
    }));

  const all = Array.from({ length: n }, (_, i) => i);
  const maeThermometer = mean(all, (i) => Math.abs(thermometer[i] - trueTemperatures[i]));
  const maeEnergyEstimate = mean(all, (i) => Math.abs(energyEstimate[i] - trueTemperatures[i]));
  return { rows, maeThermometer, maeEnergyEstimate, ratio: maeThermometer / maeEnergyEstimate };
}

/** Converts the table to a study ResultTable: one row per temperature, then the overall errors. */
export function temperatureErrorResultTable(table: TemperatureErrorTable, id = 'thermometer-errors'): ResultTable {
  const round = (x: number) => Number(x.toFixed(4));
  return {
    id,
    caption: `Thermometer against the energy-only posterior-mean estimator: overall MAE ratio ${table.ratio.toFixed(3)}.`,
    columns: ['T', 'n', 'mean T̂ (thermometer)', 'mean T̂ (energy)', 'MAE thermometer', 'MAE energy'],
    rows: [
      ...table.rows.map((r) => [r.temperature, r.nSamples, round(r.meanThermometer), round(r.meanEnergyEstimate), round(r.maeThermometer), round(r.maeEnergyEstimate)]),
      ['all', table.rows.reduce((s, r) => s + r.nSamples, 0), null, null, round(table.maeThermometer), round(table.maeEnergyEstimate)],
    ],
  };
}

/** Plain-text rendering of the table, for logs and test output. */
export function formatTemperatureErrorTable(table: TemperatureErrorTable): string {
  const lines = ['    T      n   mean T̂ (net)  mean T̂ (e)   MAE net   MAE e'];
  for (const r of table.rows) {
    lines.push(
      `${r.temperature.toFixed(3).padStart(6)} ${String(r.nSamples).padStart(6)} ${r.meanThermometer.toFixed(3).padStart(13)} ` +
        `${r.meanEnergyEstimate.toFixed(3).padStart(11)} ${r.maeThermometer.toFixed(4).padStart(9)} ${r.maeEnergyEstimate.toFixed(4).padStart(7)}`,
    );
  }
  lines.push(`   all ${' '.repeat(34)} ${table.maeThermometer.toFixed(4).padStart(9)} ${table.maeEnergyEstimate.toFixed(4).padStart(7)}   ratio ${table.ratio.toFixed(3)}`);
  return lines.join('\n');
}
