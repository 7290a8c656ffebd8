import type { Estimate } from '@rgae/core';

/** Significant digits kept in table cells and figure data; enough for every measured error bar. */
const DIGITS = 6;

/** Rounds a finite number to 6 significant digits for a table cell, and returns null for a missing, infinite or NaN value. */
export function cell(value: number | null | undefined): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  return Number(value.toPrecision(DIGITS));
}

/** Returns the two cells (value, error) of an estimate. */
export function estimateCells(estimate: Estimate | undefined): [number | null, number | null] {
  return [cell(estimate?.mean), cell(estimate?.error)];
}

/**
 * Converts an estimate to a result scalar: the Estimate when mean and error are finite, the bare mean when only
 * the mean is, and undefined otherwise, so that the caller leaves the scalar out.
 */
export function scalarOf(estimate: Estimate | undefined): Estimate | number | undefined {
  if (estimate === undefined || !Number.isFinite(estimate.mean)) return undefined;
  if (!Number.isFinite(estimate.error)) return cell(estimate.mean) ?? undefined;
  return { mean: estimate.mean, error: estimate.error };
}

/** Copies the defined entries of `values` into `scalars`. */
export function putScalars(
  scalars: Record<string, Estimate | number | string>,
  values: Record<string, Estimate | number | string | undefined>,
): void {
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    if (typeof value === 'number' && !Number.isFinite(value)) continue;
    scalars[key] = value;
  }
}

/** Formats a number for a one-line verdict with 3 significant digits, or as "n/a" when it is not finite. */
export function formatNumber(value: number | null | undefined, digits = 3): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'n/a';
  return Number(value.toPrecision(digits)).toString();
}

/**
 * Formats an estimate for a verdict, e.g. "2.301 ± 0.011": the error to two significant digits and the mean to
 * the same decimal place, leaving the error out when it is unknown or zero.
 */
export function formatEstimate(estimate: Estimate | undefined): string {
  if (estimate === undefined || !Number.isFinite(estimate.mean)) return 'n/a';
  if (!Number.isFinite(estimate.error) || estimate.error <= 0) return formatNumber(estimate.mean);
  const decimals = Math.max(0, Math.min(10, 1 - Math.floor(Math.log10(estimate.error))));
  return `${estimate.mean.toFixed(decimals)} ± ${estimate.error.toFixed(decimals)}`;
}

/** Returns column names for quantities given with their errors: each name followed by "<name> error". */
export function withErrorColumns(...names: string[]): string[] {
  return names.flatMap((name) => [name, `${name} error`]);
}
