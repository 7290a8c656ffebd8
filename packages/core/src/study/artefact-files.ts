import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RgaeError } from '../errors/rgae-error.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { decodeNpy, encodeNpy } from '../io/npy.js';
import type { LatticeModel } from '../lattice/lattice-model.js';
import type { ModelArtefacts, ThermometerReadings } from './study-context.js';

interface ArtefactIndex {
  key: ModelArtefacts['key'];
  label: string;
  history: ModelArtefacts['history'];
  latentShapes: number[][];
  reconstructionShapes: number[][];
  weights: Array<{ name: string; shape: number[]; file: string }>;
}

/** Writes a model's artefacts as .npy arrays plus an index.json, each file atomically. */
export async function writeModelArtefacts(dir: string, artefacts: ModelArtefacts): Promise<void> {
  const shapes = (raw: Float32Array[], linearSize: (i: number) => number, n: (i: number) => number) =>
    raw.map((values, i) => {
      const l = linearSize(i);
      return [n(i), l, l, values.length / (n(i) * l * l)];
    });
  const index: ArtefactIndex = {
    key: artefacts.key,
    label: artefacts.label,
    history: artefacts.history,
    latentShapes: shapes(artefacts.latentRaw, (i) => artefacts.latent[i].linearSize, (i) => artefacts.latent[i].nSamples),
    reconstructionShapes: shapes(artefacts.reconstructionRaw, (i) => artefacts.reconstruction[i].linearSize, (i) => artefacts.reconstruction[i].nSamples),
    weights: artefacts.encoderWeights.map((w, i) => ({ name: w.name, shape: w.shape, file: `weight-${i}.npy` })),
  };

  for (const [i, values] of artefacts.latentRaw.entries()) await writeFileAtomic(join(dir, `latent-${i}.npy`), encodeNpy(values, index.latentShapes[i]));
  for (const [i, values] of artefacts.reconstructionRaw.entries()) {
    await writeFileAtomic(join(dir, `reconstruction-${i}.npy`), encodeNpy(values, index.reconstructionShapes[i]));
  }
  for (const [i, weight] of artefacts.encoderWeights.entries()) await writeFileAtomic(join(dir, index.weights[i].file), encodeNpy(weight.values, weight.shape));
  await writeFileAtomic(join(dir, 'index.json'), JSON.stringify(index, null, 2) + '\n');
}

/** Reads artefacts written by `writeModelArtefacts`, decoding latents and reconstructions to spins with the lattice. */
export async function readModelArtefacts(dir: string, lattice: LatticeModel): Promise<ModelArtefacts> {
  const index = JSON.parse(await readText(join(dir, 'index.json'))) as ArtefactIndex;
  const readArray = async (file: string) => decodeNpy(new Uint8Array(await readFile(join(dir, file))), join(dir, file)).data as Float32Array;

  const latentRaw = await Promise.all(index.latentShapes.map((_, i) => readArray(`latent-${i}.npy`)));
  const reconstructionRaw = await Promise.all(index.reconstructionShapes.map((_, i) => readArray(`reconstruction-${i}.npy`)));
  const decodeAll = (raw: Float32Array[], shapes: number[][]) => raw.map((values, i) => lattice.decode(values, shapes[i][0], shapes[i][1]));

  return {
    key: index.key,
    label: index.label,
    history: index.history,
    latentRaw,
    latent: decodeAll(latentRaw, index.latentShapes),
    reconstructionRaw,
    reconstruction: decodeAll(reconstructionRaw, index.reconstructionShapes),
    encoderWeights: await Promise.all(index.weights.map(async (w) => ({ name: w.name, shape: w.shape, values: await readArray(w.file) }))),
  };
}

/** Writes thermometer readings (one float64 .npy per input kind and point) plus readings.json. */
export async function writeThermometerReadings(dir: string, name: string, readings: ThermometerReadings): Promise<void> {
  const kinds = Object.keys(readings.readings);
  for (const kind of kinds) {
    for (const [i, values] of readings.readings[kind].entries()) {
      await writeFileAtomic(join(dir, `${name}-${kind}-${i}.npy`), encodeNpy(values, [values.length]));
    }
  }
  const index = { linearSize: readings.linearSize, heldOutMeanAbsoluteError: readings.heldOutMeanAbsoluteError, kinds, points: readings.readings[kinds[0]]?.length ?? 0 };
  await writeFileAtomic(join(dir, `${name}.json`), JSON.stringify(index, null, 2) + '\n');
}

export async function readThermometerReadings(dir: string, name: string): Promise<ThermometerReadings> {
  const index = JSON.parse(await readText(join(dir, `${name}.json`))) as { linearSize: number; heldOutMeanAbsoluteError: number; kinds: string[]; points: number };
  const readings: Record<string, Float64Array[]> = {};
  for (const kind of index.kinds) {
    readings[kind] = [];
    for (let i = 0; i < index.points; i++) {
      const path = join(dir, `${name}-${kind}-${i}.npy`);
      readings[kind].push(decodeNpy(new Uint8Array(await readFile(path)), path).data as Float64Array);
    }
  }
  return { linearSize: index.linearSize, heldOutMeanAbsoluteError: index.heldOutMeanAbsoluteError, readings };
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    throw new RgaeError('CORRUPT_FILE', `Missing study artefact "${path}". Delete the run's stages folder and run the study again.`);
  }
}
