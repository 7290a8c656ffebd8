import type { Estimate } from '@rgae/core';

/** Formats a number for reading: integers in full, others with 6 significant digits. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value === 0 ? 0 : value);

  const magnitude = Math.abs(value);
  if (magnitude >= 1e-3 && magnitude < 1e6) return String(Number(value.toPrecision(6)));
  return value.toExponential(4);
}

/**
 * Formats `mean ± error` with the error rounded to two significant digits and the mean to the same
 * decimal place, e.g. `0.1235 ± 0.0034`. The integrated autocorrelation time follows when measured.
 */
export function formatEstimate(estimate: Estimate): string {
  const tau = estimate.tauInt === undefined ? '' : ` (τ_int ${formatNumber(estimate.tauInt)})`;
  return `${meanPlusMinusError(estimate.mean, estimate.error)}${tau}`;
}

export function isEstimate(value: unknown): value is Estimate {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.mean === 'number' && typeof candidate.error === 'number';
}

/** Formats a scalar result: an estimate, a number or a text. */
export function formatScalar(value: Estimate | number | string): string {
  if (typeof value === 'number') return formatNumber(value);
  if (isEstimate(value)) return formatEstimate(value);
  return String(value);
}

function meanPlusMinusError(mean: number, error: number): string {
  if (!Number.isFinite(mean) || !Number.isFinite(error) || error <= 0) {
    return `${formatNumber(mean)} ± ${formatNumber(error)}`;
  }

  const decimals = 1 - Math.floor(Math.log10(error));
  if (decimals > 8 || Math.abs(mean) >= 1e6) return `${mean.toExponential(3)} ± ${error.toExponential(1)}`;

  const places = Math.max(0, decimals);
  return `${mean.toFixed(places)} ± ${error.toFixed(places)}`;
}
