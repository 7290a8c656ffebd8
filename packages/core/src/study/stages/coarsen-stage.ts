import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Registry } from '../../di/registry.js';
import { writeFileAtomic } from '../../io/atomic-write.js';
import { decodeNpy, encodeNpy } from '../../io/npy.js';
import type { SpinBatch, SpinData } from '../../lattice/spin-batch.js';
import { Rng } from '../../random/rng.js';
import { assertCoarsenable } from '../../rg/rg-scheme.js';
import type { StageDefinition } from '../stage-runner.js';
import type { StudyConfig } from '../study-config.js';
import { loadStageEnsembles, type EnsembleStageSummary } from './ensemble-stage.js';

export interface CoarsenStageSummary {
  /** One file per thermal point, shape [nSamples, L/b^k, L/b^k]. */
  files: string[];
  linearSize: number;
  scheme: string;
  blockSize: number;
  levels: number;
}

/**
 * Stage 2: the study's RG scheme applied `levels` times to every fine ensemble, L → L/b → … → L/b^k. The
 * tie-break stream of level ℓ at point i is derived from the seed and (scheme, i, ℓ), so reruns agree.
 */
export function coarsenStage({ registry }: { registry: Registry }): StageDefinition<StudyConfig, CoarsenStageSummary> {
  return {
    name: 'coarsen',
    version: 1,
    dependsOn: ['ensembles'],
    inputs: (c) => ({ scheme: c.scheme, b: c.blockSize, k: c.levels, seed: c.seed }),
    async run({ config, outputDir, upstream }) {
      const scheme = registry.get('scheme', config.scheme);
      const ensembles = await loadStageEnsembles(upstream.ensembles.dir, upstream.ensembles.summary as EnsembleStageSummary);
      assertCoarsenable(config.linearSize, config.blockSize, config.levels);

      const files: string[] = [];
      for (const [index, ensemble] of ensembles.entries()) {
        let batch: SpinBatch = ensemble.batch;
        for (let level = 1; level <= config.levels; level++) {
          batch = scheme.coarsen(batch, { blockSize: config.blockSize, rng: Rng.create(config.seed, ['coarsen', scheme.id, index, level]) });
        }
        const file = `coarse-${String(index).padStart(3, '0')}.npy`;
        await writeFileAtomic(join(outputDir, file), encodeNpy(batch.data, [batch.nSamples, batch.linearSize, batch.linearSize]));
        files.push(file);
      }
      return { files, linearSize: config.linearSize / config.blockSize ** config.levels, scheme: scheme.id, blockSize: config.blockSize, levels: config.levels };
    },
  };
}

/** Reads the coarse-grained batches a coarsen stage stored, one per thermal point. */
export async function loadCoarseBatches(stageDir: string, summary: CoarsenStageSummary, lattice: string): Promise<SpinBatch[]> {
  return Promise.all(
    summary.files.map(async (file) => {
      const path = join(stageDir, file);
      const decoded = decodeNpy(new Uint8Array(await readFile(path)), path);
      return { lattice, linearSize: decoded.shape[1], nSamples: decoded.shape[0], data: decoded.data as SpinData };
    }),
  );
}
