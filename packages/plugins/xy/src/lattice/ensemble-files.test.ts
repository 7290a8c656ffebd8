import { generateEnsemble, readEnsemble, writeEnsemble } from '@rgae/core';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { xyMetropolisSampler } from '../sampler/xy-metropolis.js';
import { xyModel } from './xy-model.js';

describe('XY ensemble files', () => {
  let folder: string;

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'rgae-xy-'));
  });

  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('round-trip angles exactly as float32 .npy with their metadata', async () => {
    const ensemble = generateEnsemble(xyModel, xyMetropolisSampler, {
      params: { linearSize: 4, beta: 1.2, coupling: 1, field: 0 },
      nSamples: 20,
      seed: 9,
      thermalisationSweeps: 50,
      pilotSweeps: 200,
    });
    const path = await writeEnsemble(folder, ensemble.batch, ensemble.metadata);
    const stored = await readEnsemble(path);

    expect(path).toMatch(/xy-L4-beta1\.200000\.npy$/);
    expect(stored.batch.data).toBeInstanceOf(Float32Array);
    expect(stored.batch.data).toEqual(ensemble.batch.data);
    expect(stored.batch.nSamples).toBe(20);
    expect(stored.metadata.dtype).toBe('float32');
    expect(stored.metadata.lattice).toBe('xy');
    expect(stored.metadata.sampler).toBe('metropolis');
    expect(stored.metadata.observables.helicityModulus.mean).toBe(ensemble.metadata.observables.helicityModulus.mean);

    const header = new TextDecoder().decode((await readFile(path)).subarray(10, 80));
    expect(header).toMatch(/'descr': '<f4'.*'shape': \(20, 4, 4\)/);
  });
});
