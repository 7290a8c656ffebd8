import type { EnsembleOptions } from '@rgae/core';

/** Markov-chain settings passed through to every `generateEnsemble` call of an analysis. */
export type ChainSettings = Pick<EnsembleOptions, 'thermalisationSweeps' | 'pilotSweeps' | 'maxSpacingSweeps' | 'spacingSweeps'>;
