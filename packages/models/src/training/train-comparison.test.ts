import { generateEnsemble, isRgaeError, type ArchitectureDefinition, type Ensemble, type RGScheme, type RgaeError } from '@rgae/core';
import { isingModel, wolffSampler } from '@rgae/plugin-ising';
import { majorityScheme } from '@rgae/rg-schemes';
import { describe, expect, it } from 'vitest';
import { disposeParts, type AutoencoderParts } from '../architecture/autoencoder-parts.js';
import { convAutoencoder } from '../architecture/conv-ae.js';
import { denseAutoencoder } from '../architecture/dense-ae.js';
import { variationalAutoencoder } from '../architecture/vae.js';
import { trainComparison, type ComparisonOptions } from './train-comparison.js';

function ensembles(linearSize: number): Ensemble[] {
  return [1.8, 3].map((temperature) =>
    generateEnsemble(isingModel, wolffSampler, { params: { linearSize, beta: 1 / temperature, coupling: 1, field: 0 }, nSamples: 40, seed: 4 }),
  );
}

function options(architecture: ArchitectureDefinition<AutoencoderParts>, extra: Partial<ComparisonOptions> = {}): ComparisonOptions {
  return {
    architecture,
    lattice: isingModel,
    scheme: majorityScheme,
    data: ensembles(8),
    blockSize: 2,
    epochs: 2,
    seed: 1,
    backend: 'wasm',
    ...extra,
  };
}

async function caught(promise: Promise<unknown>): Promise<RgaeError> {
  try {
    await promise;
  } catch (error) {
    return error as RgaeError;
  }
  throw new Error('expected a rejection');
}

describe('trainComparison', () => {
  it.each([denseAutoencoder, convAutoencoder, variationalAutoencoder])('$id trains every stage', async (architecture) => {
    const stages: string[] = [];
    const result = await trainComparison(options(architecture, { fineTuneEpochs: 1, onEpoch: (r) => void stages.push(`${r.stage}:${r.epoch}`) }));

    expect(stages).toEqual(['rg-encoder:1', 'rg-encoder:2', 'rg-decoder:1', 'rg-decoder:2', 'rg-fine-tune:1', 'ae:1', 'ae:2', 'ae:3']);
    expect(result.rg.fineTune?.epochs).toHaveLength(1);
    for (const record of [...result.rg.encoder.epochs, ...result.rg.decoder.epochs, ...result.ae.epochs]) {
      expect(Number.isFinite(record.loss)).toBe(true);
      expect(Number.isFinite(record.valLoss)).toBe(true);
    }
    expect(result.config).toMatchObject({ architecture: architecture.id, scheme: 'majority', backend: 'wasm', nSamples: 80 });
    disposeParts(result.rgModel);
    disposeParts(result.aeModel);
  });

  it('rejects L not divisible by b', async () => {
    const error = await caught(trainComparison(options(convAutoencoder, { data: ensembles(10), blockSize: 4 })));

    expect(isRgaeError(error)).toBe(true);
    expect(error.code).toBe('INCOMPATIBLE');
    expect(error.message).toMatch(/L = 10 with block size b = 4/);
  });

  it('rejects a scheme that cannot take the lattice', async () => {
    const scheme: RGScheme = { ...majorityScheme, id: 'xy-only', supports: (lattice) => lattice === 'xy' };
    const error = await caught(trainComparison(options(convAutoencoder, { scheme })));

    expect(error.code).toBe('INCOMPATIBLE');
    expect(error.message).toMatch(/RG scheme "xy-only" cannot coarse-grain lattice "ising"/);
  });

  it('rejects data of mixed sizes', async () => {
    const error = await caught(trainComparison(options(convAutoencoder, { data: [...ensembles(8), ...ensembles(12)] })));

    expect(error.code).toBe('INCOMPATIBLE');
    expect(error.message).toMatch(/mixes lattices or sizes/);
  });
});
