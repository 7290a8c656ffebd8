import { join } from 'node:path';
import { RgaeError } from '@rgae/core';
import type { ResolvedSpec } from '../architecture/architecture-spec.js';
import type { ThermometerParts } from '../architecture/thermometer.js';
import { readJsonRecord, writeJsonRecord, type JsonRecord } from './json-record.js';
import { loadModel, saveModel } from './model-files.js';

const THERMOMETER_FORMAT = 'rgae-thermometer';
const FORMAT_VERSION = 1;

interface ThermometerRecord extends JsonRecord {
  architecture: string;
  spec: ResolvedSpec;
  temperatures: number[];
}

/** Saves a thermometer as `folder/model/` (tfjs artefacts) and `folder/thermometer.json` (its temperatures). */
export async function saveThermometer(parts: ThermometerParts, folder: string): Promise<void> {
  await saveModel(parts.model, join(folder, 'model'));
  const record: ThermometerRecord = {
    format: THERMOMETER_FORMAT,
    formatVersion: FORMAT_VERSION,
    architecture: parts.architecture,
    spec: parts.spec,
    temperatures: [...parts.temperatures],
  };
  await writeJsonRecord(join(folder, 'thermometer.json'), record);
}

/** Loads a thermometer saved by `saveThermometer`. */
export async function loadThermometer(folder: string): Promise<ThermometerParts> {
  const record = await readJsonRecord<ThermometerRecord>(join(folder, 'thermometer.json'), THERMOMETER_FORMAT, FORMAT_VERSION);
  const model = await loadModel(join(folder, 'model'));
  const classes = (model.outputs[0].shape as number[])[1];
  if (classes !== record.temperatures.length) {
    throw new RgaeError(
      'CORRUPT_FILE',
      `Thermometer in "${folder}" has ${classes} output classes but thermometer.json lists ${record.temperatures.length} temperatures. Save the thermometer again.`,
    );
  }
  return { architecture: record.architecture, spec: record.spec, model, temperatures: record.temperatures };
}
