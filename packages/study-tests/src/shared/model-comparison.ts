import type { ModelArtefacts } from '@rgae/core';

export type ModelKey = ModelArtefacts['key'];

/** Both models in the order every table lists them: RG-embedded first, plain autoencoder second. */
export const MODEL_KEYS: readonly ModelKey[] = ['rg', 'ae'];

/**
 * Outcome of comparing the models on one measure: the key of the model ahead, `tie` when the values agree to
 * a relative 1e-9, or `undecided` when either value is missing or NaN.
 */
export type Leader = ModelKey | 'tie' | 'undecided';

export function leaderOf(rg: number | null | undefined, ae: number | null | undefined, better: 'higher' | 'lower'): Leader {
  if (rg === null || ae === null || rg === undefined || ae === undefined) return 'undecided';
  if (Number.isNaN(rg) || Number.isNaN(ae)) return 'undecided';
  const close = Number.isFinite(rg) && Number.isFinite(ae) && Math.abs(rg - ae) <= 1e-9 * Math.max(Math.abs(rg), Math.abs(ae));
  if (rg === ae || close) return 'tie';
  const rgAhead = better === 'higher' ? rg > ae : rg < ae;
  return rgAhead ? 'rg' : 'ae';
}

/** Returns the model's label, e.g. "RG-embedded conv-ae", or its key when the label is empty. */
export function labelOf(model: ModelArtefacts): string {
  return model.label.trim() === '' ? model.key : model.label;
}
