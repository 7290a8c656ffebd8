/**
 * Temperature at which a piecewise-linear curve (temperatures ascending, one value each) takes
 * `target`. When the curve crosses the target more than once (noise on a flat stretch), the crossing
 * nearest to `near` is returned. Returns NaN when the target lies outside the curve's range.
 */
export function invertCurve(temperatures: readonly number[], values: readonly number[], target: number, near: number): number {
  let best = NaN;
  for (let i = 0; i + 1 < temperatures.length; i++) {
    const below = values[i] - target;
    const above = values[i + 1] - target;
    if (below * above > 0 || values[i] === values[i + 1]) continue;

    const fraction = below / (below - above);
    const crossing = temperatures[i] + fraction * (temperatures[i + 1] - temperatures[i]);
    if (Number.isNaN(best) || Math.abs(crossing - near) < Math.abs(best - near)) best = crossing;
  }
  return best;
}

/**
 * First temperature, scanning upwards, where the flow T′(T) crosses T′ = T from below (T′ − T goes
 * from negative to positive): the unstable fixed point, interpolated linearly between flow points.
 * Returns NaN when there is no such crossing.
 */
export function unstableFixedPoint(temperatures: readonly number[], flowed: readonly number[]): number {
  for (let i = 0; i + 1 < temperatures.length; i++) {
    const below = flowed[i] - temperatures[i];
    const above = flowed[i + 1] - temperatures[i + 1];
    if (below <= 0 && above > 0) {
      const fraction = below / (below - above);
      return temperatures[i] + fraction * (temperatures[i + 1] - temperatures[i]);
    }
  }
  return NaN;
}
