import type { RGScheme } from '@rgae/core';
import { majorityScheme, parseTieBreak } from './majority.js';

/** Scheme options with their defaults filled in, for the config stored beside results. */
export function resolvedSchemeOptions(scheme: RGScheme, options: Record<string, unknown> = {}): Record<string, unknown> {
  if (scheme.id === majorityScheme.id) return { ...options, tieBreak: parseTieBreak(options.tieBreak) };
  return { ...options };
}
