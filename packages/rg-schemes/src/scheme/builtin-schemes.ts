import type { RGScheme } from '@rgae/core';
import { blockAverageScheme } from './block-average.js';
import { decimationScheme } from './decimation.js';
import { majorityScheme } from './majority.js';

/** The schemes this package registers, in listing order. */
export const BUILTIN_SCHEMES: readonly RGScheme[] = [majorityScheme, decimationScheme, blockAverageScheme];
