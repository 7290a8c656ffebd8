import { describe, expect, it } from 'vitest';
import { isValidAngleArray, wrapAngle, wrapDifference } from './angles.js';

describe('wrapAngle', () => {
  it.each([
    [0, 0],
    [Math.PI, Math.fround(Math.PI)],
    [-Math.PI / 2, Math.fround(1.5 * Math.PI)],
    [5 * Math.PI, Math.fround(Math.PI)],
  ])('maps %s into [0, 2π) as float32', (input, expected) => {
    expect(wrapAngle(input)).toBeCloseTo(expected, 6);
    expect(Math.fround(wrapAngle(input))).toBe(wrapAngle(input));
  });

  it('maps angles that round up to 2π to 0', () => {
    const justBelow = 2 * Math.PI - 1e-9;
    expect(Math.fround(justBelow)).toBeGreaterThanOrEqual(2 * Math.PI);
    expect(wrapAngle(justBelow)).toBe(0);
    expect(wrapAngle(-1e-12)).toBe(0);
  });
});

describe('wrapDifference', () => {
  it('maps differences into (−π, π]', () => {
    expect(wrapDifference(Math.PI)).toBeCloseTo(Math.PI, 12);
    expect(wrapDifference(-Math.PI)).toBeCloseTo(Math.PI, 12);
    expect(wrapDifference(1.5 * Math.PI)).toBeCloseTo(-0.5 * Math.PI, 12);
    expect(wrapDifference(-1.5 * Math.PI)).toBeCloseTo(0.5 * Math.PI, 12);
    expect(wrapDifference(0.3)).toBeCloseTo(0.3, 12);
  });
});

describe('isValidAngleArray', () => {
  it('accepts [0, 2π) and rejects NaN, negatives and 2π', () => {
    expect(isValidAngleArray(Float32Array.of(0, 1, 6.28))).toBe(true);
    expect(isValidAngleArray(Float32Array.of(0, Number.NaN))).toBe(false);
    expect(isValidAngleArray(Float32Array.of(-0.1))).toBe(false);
    expect(isValidAngleArray(Float32Array.of(2 * Math.PI))).toBe(false);
  });
});
