import * as tf from '@tensorflow/tfjs';
import { join } from 'node:path';
import { RgaeError } from '@rgae/core';
import type { ResolvedSpec } from '../architecture/architecture-spec.js';
import type { AutoencoderParts } from '../architecture/autoencoder-parts.js';
import { joinAutoencoder } from '../architecture/conv-ae.js';
import { readJsonRecord, writeJsonRecord, type JsonRecord } from './json-record.js';
import { loadModel, saveModel } from './model-files.js';

const AUTOENCODER_FORMAT = 'rgae-autoencoder';
const FORMAT_VERSION = 1;

interface AutoencoderRecord extends JsonRecord {
  architecture: string;
  spec: ResolvedSpec;
  variational: boolean;
}

/** Saves an autoencoder as `folder/encoder/`, `folder/decoder/` (tfjs artefacts each) and `folder/autoencoder.json`. */
export async function saveAutoencoder(parts: AutoencoderParts, folder: string): Promise<void> {
  await saveModel(parts.encoder, join(folder, 'encoder'));
  await saveModel(parts.decoder, join(folder, 'decoder'));
  const record: AutoencoderRecord = {
    format: AUTOENCODER_FORMAT,
    formatVersion: FORMAT_VERSION,
    architecture: parts.architecture,
    spec: parts.spec,
    variational: parts.variational,
  };
  await writeJsonRecord(join(folder, 'autoencoder.json'), record);
}

/** Loads an autoencoder saved by `saveAutoencoder` and joins encoder and decoder again. */
export async function loadAutoencoder(folder: string): Promise<AutoencoderParts> {
  const record = await readJsonRecord<AutoencoderRecord>(join(folder, 'autoencoder.json'), AUTOENCODER_FORMAT, FORMAT_VERSION);
  const encoder = await loadModel(join(folder, 'encoder'));
  const decoder = await loadModel(join(folder, 'decoder'));
  checkInputShape(join(folder, 'encoder'), encoder, [record.spec.linearSize, record.spec.linearSize, record.spec.channels]);

  const autoencoder = joinAutoencoder(record.architecture, record.spec, encoder, decoder);
  return { architecture: record.architecture, spec: record.spec, encoder, decoder, autoencoder, variational: record.variational };
}

function checkInputShape(folder: string, model: tf.LayersModel, expected: number[]): void {
  const actual = (model.inputs[0].shape as Array<number | null>).slice(1);
  if (actual.join(',') !== expected.join(',')) {
    throw new RgaeError(
      'CORRUPT_FILE',
      `Model in "${folder}" takes inputs of shape [${actual.join(', ')}], but autoencoder.json describes [${expected.join(', ')}]. Save the autoencoder again.`,
    );
  }
}
