/** Error codes. The CLI maps every code to exit status 2 (bad input or environment). */
export type RgaeErrorCode =
  | 'INVALID_ARGUMENT'
  | 'UNKNOWN_ID'
  | 'INCOMPATIBLE'
  | 'NOT_IMPLEMENTED'
  | 'IO'
  | 'CORRUPT_FILE'
  | 'PLUGIN'
  | 'TRAINING_DIVERGED'
  | 'UNAVAILABLE';

const BRAND = Symbol.for('rgae.error');

/**
 * The one error type of rgae. The brand is a registered symbol, so `isRgaeError` also
 * recognises errors thrown by a second loaded copy of `@rgae/core` (as plugins can cause).
 */
export class RgaeError extends Error {
  readonly code: RgaeErrorCode;
  readonly [BRAND] = true;

  constructor(code: RgaeErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RgaeError';
    this.code = code;
  }
}

/** Thrown for a combination of parts that rgae does not implement; the message names it. */
export class NotImplementedError extends RgaeError {
  constructor(message: string) {
    super('NOT_IMPLEMENTED', message);
    this.name = 'NotImplementedError';
  }
}

export function isRgaeError(value: unknown): value is RgaeError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}

export function invalidArgument(message: string): RgaeError {
  return new RgaeError('INVALID_ARGUMENT', message);
}
