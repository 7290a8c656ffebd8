import {
  loadCoarseBatches,
  loadStageEnsembles,
  selectSamples,
  splitIndices,
  type CoarsenStageSummary,
  type EnsembleStageSummary,
  type SpinBatch,
  type StageResult,
  type StoredEnsemble,
  type StudyConfig,
} from '@rgae/core';

/** Fine ensembles and their coarse-graining, split per point into train / validation / test the same way for both models. */
export interface StudyData {
  ensembles: StoredEnsemble[];
  /** Training then validation samples of every point, joined: [train_0 … train_n, validation_0 … validation_n]. */
  fitInputs: SpinBatch;
  fitCoarse: SpinBatch;
  nTrain: number;
  /** Training plus validation samples per point (everything but the held-out part). */
  fitParts: SpinBatch[];
  /** Held-out samples per point, read by the study tests. */
  test: SpinBatch[];
  testCoarse: SpinBatch[];
}

/** Loads the ensembles and coarse stages and applies the study's split (`splitIndices` with the point index as key). */
export async function loadStudyData(config: StudyConfig, upstream: Record<string, StageResult>, lattice: string): Promise<StudyData> {
  const ensembles = await loadStageEnsembles(upstream.ensembles.dir, upstream.ensembles.summary as EnsembleStageSummary);
  const coarse = await loadCoarseBatches(upstream.coarsen.dir, upstream.coarsen.summary as CoarsenStageSummary, lattice);
  const splits = ensembles.map((e, i) => splitIndices(e.batch.nSamples, config.seed, i));

  const trainParts = ensembles.map((e, i) => selectSamples(e.batch, splits[i].train));
  const validationParts = ensembles.map((e, i) => selectSamples(e.batch, splits[i].validation));
  const coarseTrain = coarse.map((c, i) => selectSamples(c, splits[i].train));
  const coarseValidation = coarse.map((c, i) => selectSamples(c, splits[i].validation));

  return {
    ensembles,
    fitInputs: joinBatches([...trainParts, ...validationParts]),
    fitCoarse: joinBatches([...coarseTrain, ...coarseValidation]),
    nTrain: trainParts.reduce((sum, b) => sum + b.nSamples, 0),
    fitParts: trainParts.map((part, i) => joinBatches([part, validationParts[i]])),
    test: ensembles.map((e, i) => selectSamples(e.batch, splits[i].test)),
    testCoarse: coarse.map((c, i) => selectSamples(c, splits[i].test)),
  };
}

/** Joins batches of one lattice and size in order. */
export function joinBatches(batches: readonly SpinBatch[]): SpinBatch {
  const [first] = batches;
  const nSamples = batches.reduce((sum, b) => sum + b.nSamples, 0);
  const data = new (first.data.constructor as new (n: number) => SpinBatch['data'])(nSamples * first.linearSize ** 2);
  let offset = 0;
  for (const batch of batches) {
    data.set(batch.data as never, offset);
    offset += batch.data.length;
  }
  return { lattice: first.lattice, linearSize: first.linearSize, nSamples, data };
}
