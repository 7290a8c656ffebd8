import type { Estimate } from '@rgae/core';

/** Formats `mean ± error` with the error rounded to two significant digits and the mean to match. */
export function formatEstimate(estimate: Estimate | undefined): string {
  if (!estimate || !Number.isFinite(estimate.mean)) return 'n/a';
  const { mean, error } = estimate;
  if (!Number.isFinite(error) || error <= 0) return formatNumber(mean);
  const decimals = Math.max(0, Math.min(10, 1 - Math.floor(Math.log10(error))));
  return `${mean.toFixed(decimals)} ± ${error.toFixed(decimals)}`;
}

export function formatNumber(value: number, digits = 4): string {
  if (!Number.isFinite(value)) return String(value);
  if (value !== 0 && (Math.abs(value) >= 1e5 || Math.abs(value) < 1e-3)) return value.toExponential(digits - 1);
  return Number(value.toPrecision(digits)).toString();
}
