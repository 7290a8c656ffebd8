import { describe, expect, it } from 'vitest';
import { invertCurve, unstableFixedPoint } from './invert-curve.js';

describe('invertCurve', () => {
  const temperatures = [1, 2, 3, 4];

  it('interpolates a decreasing curve', () => {
    expect(invertCurve(temperatures, [0.9, 0.7, 0.3, 0.1], 0.5, 2.5)).toBeCloseTo(2.5, 12);
  });

  it('takes the crossing nearest the given temperature', () => {
    // Noise on a flat stretch crosses the target at 1.5 and, again, between 2.5 and 3.5.
    const values = [1, 0, 1, 0];
    expect(invertCurve(temperatures, values, 0.5, 1.2)).toBeCloseTo(1.5, 12);
    expect(invertCurve(temperatures, values, 0.5, 3.8)).toBeCloseTo(3.5, 12);
  });

  it('returns NaN outside the range', () => {
    expect(invertCurve(temperatures, [0.9, 0.7, 0.3, 0.1], 0.95, 1)).toBeNaN();
  });
});

describe('unstableFixedPoint', () => {
  it('interpolates where T′ − T turns positive', () => {
    expect(unstableFixedPoint([2, 3], [1.5, 3.5])).toBeCloseTo(2.5, 12);
  });

  it('ignores a crossing from above', () => {
    expect(unstableFixedPoint([2, 3], [2.5, 2.5])).toBeNaN();
  });
});
