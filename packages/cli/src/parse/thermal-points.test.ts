import { describe, expect, it } from 'vitest';
import { resolveThermalPoints } from './thermal-points.js';
import { parseValueList } from '@rgae/core';

describe('parseValueList', () => {
  it('expands an inclusive range', () => {
    expect(parseValueList('1.5:3.5:0.25', '--temperatures')).toEqual([1.5, 1.75, 2, 2.25, 2.5, 2.75, 3, 3.25, 3.5]);
  });

  it('keeps decimal steps free of rounding noise', () => {
    expect(parseValueList('0.5:1.5:0.1', '--temperatures')).toEqual([0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.1, 1.2, 1.3, 1.4, 1.5]);
  });

  it('parses a comma-separated list', () => {
    expect(parseValueList('2, 2.269,2.5', '--temperatures')).toEqual([2, 2.269, 2.5]);
  });

  it.each([
    ['1.5:3.5', /three numbers/],
    ['1.5:abc:0.1', /"abc" is not a finite number/],
    ['3:1:0.5', /stop 1 is below start 3/],
    ['1:2:0', /step must be > 0/],
    ['1:2:-1', /step must be > 0/],
    ['1:1000:0.001', /at most 1000/],
    ['2,,3', /"" is not a finite number/],
    ['2,2', /lists 2 twice/],
    ['', /is empty/],
  ])('rejects %j', (text, message) => {
    expect(() => parseValueList(text, '--temperatures')).toThrow(message);
  });
});

describe('resolveThermalPoints', () => {
  it('stores both β and temperature', () => {
    expect(resolveThermalPoints(undefined, '0.5', '1')).toEqual([{ beta: 0.5, temperature: 2 }]);
    expect(resolveThermalPoints('4', undefined, '1')).toEqual([{ beta: 0.25, temperature: 4 }]);
  });

  it('rejects non-positive temperatures and negative betas', () => {
    expect(() => resolveThermalPoints('0:1:0.5', undefined, '1')).toThrow(/Invalid temperature 0/);
    expect(() => resolveThermalPoints('-1', undefined, '1')).toThrow(/must be > 0/);
    expect(() => resolveThermalPoints(undefined, '-0.1', '1')).toThrow(/β must be ≥ 0/);
  });

  it('rejects both flags at once', () => {
    expect(() => resolveThermalPoints('1', '1', '1')).toThrow(/either --temperatures or --betas/);
  });
});
