import { invalidArgument } from '@rgae/core';
import { parseValueList } from '@rgae/core';

/** One simulation point: users may give temperatures or betas, both are stored (k_B = 1). */
export interface ThermalPoint {
  beta: number;
  temperature: number;
}

/** Resolves `--temperatures` or `--betas` (exactly one, or the default temperatures) into thermal points. */
export function resolveThermalPoints(
  temperatures: string | undefined,
  betas: string | undefined,
  defaultTemperatures: string,
): ThermalPoint[] {
  if (temperatures !== undefined && betas !== undefined) {
    throw invalidArgument('Give either --temperatures or --betas, not both.');
  }
  if (betas !== undefined) {
    return parseValueList(betas, '--betas').map((beta) => {
      if (beta < 0) throw invalidArgument(`Invalid β = ${beta} in --betas: β must be ≥ 0 (β = 1/T, k_B = 1).`);
      return { beta, temperature: 1 / beta };
    });
  }
  return parseValueList(temperatures ?? defaultTemperatures, '--temperatures').map((temperature) => {
    if (temperature <= 0) {
      throw invalidArgument(`Invalid temperature ${temperature} in --temperatures: temperatures must be > 0. Use --betas 0 for infinite temperature.`);
    }
    return { beta: 1 / temperature, temperature };
  });
}
