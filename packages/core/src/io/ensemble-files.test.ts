import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENSEMBLE_FORMAT, ENSEMBLE_FORMAT_VERSION, readEnsemble, readEnsembleFolder, writeEnsemble, type EnsembleMetadata } from './ensemble-files.js';
import { decodeNpy, encodeNpy } from './npy.js';

function hasNumpy(): boolean {
  try {
    execFileSync('python3', ['-c', 'import numpy'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function metadataFor(linearSize: number, nSamples: number, beta: number): EnsembleMetadata {
  return {
    format: ENSEMBLE_FORMAT,
    formatVersion: ENSEMBLE_FORMAT_VERSION,
    lattice: 'ising',
    linearSize,
    nSamples,
    dtype: 'int8',
    beta,
    temperature: 1 / beta,
    coupling: 1,
    field: 0,
    sampler: 'wolff',
    seed: 3,
    thermalisationSweeps: 10,
    spacingSweeps: 2,
    tauIntSweeps: { e: 0.7 },
    tauIntSamples: { e: 0.5 },
    observables: { e: { mean: -1.5, error: 0.01 } },
  };
}

const spins = Int8Array.from({ length: 2 * 4 * 4 }, (_, i) => (i % 3 === 0 ? 1 : -1));

describe('npy encoding', () => {
  it('round-trips int8, float32 and float64 arrays', () => {
    for (const data of [spins, Float32Array.from([0.5, 1.25, 6.25, 3]), Float64Array.from([1e-300, -2])]) {
      const shape = data.length === 32 ? [2, 4, 4] : [data.length];
      const decoded = decodeNpy(encodeNpy(data, shape), 'memory');
      expect(decoded.shape).toEqual(shape);
      expect(Array.from(decoded.data)).toEqual(Array.from(data));
    }
  });

  it('reads equivalent type descriptors', () => {
    for (const [written, read] of [["'|i1'", "'<i1'"], ["'<f4'", "'=f4'"]]) {
      const data = written === "'|i1'" ? Int8Array.from([1, -1]) : Float32Array.from([0.5, 2]);
      const bytes = encodeNpy(data, [2]);
      const text = new TextDecoder('latin1').decode(bytes).replace(written, read);
      const decoded = decodeNpy(Uint8Array.from(text, (c) => c.charCodeAt(0)), 'descr.npy');
      expect(Array.from(decoded.data)).toEqual(Array.from(data));
    }
  });

  it('aligns the data to 64 bytes', () => {
    const bytes = encodeNpy(spins, [2, 4, 4]);
    expect((bytes.length - spins.length) % 64).toBe(0);
  });

  it.runIf(hasNumpy())('is read by numpy with shape [nSamples, L, L]', () => {
    const folder = mkdtempSync(join(tmpdir(), 'rgae-npy-'));
    const path = join(folder, 'spins.npy');
    writeFileSync(path, encodeNpy(spins, [2, 4, 4]));
    const output = execFileSync('python3', ['-c', `import numpy as np; a = np.load(${JSON.stringify(path)}); print(a.shape, a.dtype, int(a.sum()), int(a[1, 2, 3]))`], {
      encoding: 'utf8',
    });
    const sum = spins.reduce((a, b) => a + b, 0);
    expect(output.trim()).toBe(`(2, 4, 4) int8 ${sum} ${spins[16 + 2 * 4 + 3]}`);
  });

  it('rejects a truncated file naming it', () => {
    const bytes = encodeNpy(spins, [2, 4, 4]);
    expect(() => decodeNpy(bytes.subarray(0, bytes.length - 5), 'cut.npy')).toThrow(/"cut.npy".*needs 32 data bytes, the file has 27/);
  });

  it('rejects a file without the magic bytes', () => {
    expect(() => decodeNpy(new TextEncoder().encode('hello world, not numpy'), 'x.npy')).toThrow(/magic/);
  });
});

describe('ensemble files', () => {
  it('write and read back data and metadata', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'rgae-ensemble-'));
    const path = await writeEnsemble(folder, { lattice: 'ising', linearSize: 4, nSamples: 2, data: spins }, metadataFor(4, 2, 0.44));
    expect(path).toMatch(/ising-L4-beta0\.440000\.npy$/);

    const stored = await readEnsemble(path);
    expect(Array.from(stored.batch.data)).toEqual(Array.from(spins));
    expect(stored.metadata.tauIntSweeps).toEqual({ e: 0.7 });
  });

  it('reject a sidecar that mislabels the data', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'rgae-ensemble-'));
    const path = await writeEnsemble(folder, { lattice: 'ising', linearSize: 4, nSamples: 2, data: spins }, metadataFor(4, 2, 0.44));
    const sidecar = path.replace(/\.npy$/, '.json');
    writeFileSync(sidecar, JSON.stringify({ ...JSON.parse(readFileSync(sidecar, 'utf8')), linearSize: 8 }));
    await expect(readEnsemble(path)).rejects.toThrow(/L is 4 in the data and 8 in the sidecar/);

    writeFileSync(sidecar, JSON.stringify({ ...metadataFor(4, 2, 0.44), nSamples: 3 }));
    await expect(readEnsemble(path)).rejects.toThrow(/2 samples in the data, 3 in the sidecar/);

    writeFileSync(sidecar, '{ not json');
    await expect(readEnsemble(path)).rejects.toThrow(/not valid JSON/);
  });

  it('read a folder sorted by β and reject an empty one', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'rgae-ensemble-'));
    for (const beta of [0.5, 0.3, 0.4]) {
      await writeEnsemble(folder, { lattice: 'ising', linearSize: 4, nSamples: 2, data: spins }, metadataFor(4, 2, beta));
    }
    const ensembles = await readEnsembleFolder(folder);
    expect(ensembles.map((e) => e.metadata.beta)).toEqual([0.3, 0.4, 0.5]);
    await expect(readEnsembleFolder(mkdtempSync(join(tmpdir(), 'rgae-empty-')))).rejects.toThrow(/contains no .npy ensembles/);
  });
});
