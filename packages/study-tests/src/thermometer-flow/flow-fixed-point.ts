import type { Estimate } from '@rgae/core';
import { blockJackknife, blockRange, jackknifeBlockCount } from '../shared/block-jackknife.js';

/**
 * Fixed point T* of a flow T → T′ known at temperatures t_i through mean readings T′_i. With f = T′ − T, it is
 * where f changes sign from negative to positive (the unstable fixed point of an RG flow: colder below,
 * hotter above), by linear interpolation between the bracketing points,
 * T* = t_i − f_i (t_{i+1} − t_i) / (f_{i+1} − f_i). Of several such crossings the one closest to `near`
 * (when given) or the first is taken. Returns NaN when f never crosses from negative to positive.
 */
export function flowFixedPoint(temperatures: readonly number[], readings: readonly number[], near: number | null = null): number {
  const order = temperatures.map((_, i) => i).sort((a, b) => temperatures[a] - temperatures[b]);
  const t = order.map((i) => temperatures[i]);
  const f = order.map((i) => readings[i] - temperatures[i]);

  const crossings: number[] = [];
  for (let i = 0; i + 1 < t.length; i++) {
    const crosses = (f[i] < 0 && f[i + 1] >= 0) || (f[i] <= 0 && f[i + 1] > 0);
    if (crosses) crossings.push(t[i] - (f[i] * (t[i + 1] - t[i])) / (f[i + 1] - f[i]));
  }
  if (crossings.length === 0) return NaN;
  if (near === null) return crossings[0];
  return crossings.reduce((best, x) => (Math.abs(x - near) < Math.abs(best - near) ? x : best));
}

/**
 * T* from per-configuration readings at each point, with the jackknife error over configurations: block b of
 * every point's readings is left out together, the means are recomputed and T* is found again. The error is
 * NaN when some left-out sample has no crossing or there are fewer than 2 readings per point.
 */
export function fixedPointEstimate(temperatures: readonly number[], readings: readonly Float64Array[], near: number | null): Estimate {
  const nBlocks = jackknifeBlockCount(Math.min(...readings.map((values) => values.length)));
  const totals = readings.map((values) => values.reduce((sum, value) => sum + value, 0));

  return blockJackknife(nBlocks, (leftOut) => {
    const means = readings.map((values, p) => {
      if (leftOut === null) return totals[p] / values.length;
      const [start, end] = blockRange(values.length, nBlocks, leftOut);
      let removed = 0;
      for (let i = start; i < end; i++) removed += values[i];
      return (totals[p] - removed) / (values.length - (end - start));
    });
    return flowFixedPoint(temperatures, means, near);
  });
}
