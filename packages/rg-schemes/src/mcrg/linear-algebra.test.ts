import { describe, expect, it } from 'vitest';
import { leadingEigenvalue, solve, type SquareMatrix } from './linear-algebra.js';

const matrix = (rows: number[][]): SquareMatrix => ({ size: rows.length, values: Float64Array.from(rows.flat()) });

function product(a: SquareMatrix, b: SquareMatrix): number[] {
  const n = a.size;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let k = 0; k < n; k++) sum += a.values[i * n + k] * b.values[k * n + j];
      out.push(sum);
    }
  }
  return out;
}

describe('solve', () => {
  it('solves A X = B with pivoting', () => {
    // The zero in the top-left corner needs a row swap.
    const a = matrix([
      [0, 2, 1],
      [1, 1, 0],
      [3, 0, 1],
    ]);
    const b = matrix([
      [1, 0, 2],
      [0, 1, 1],
      [4, 2, 0],
    ]);
    const x = solve(a, b)!;

    product(a, x).forEach((value, index) => expect(value).toBeCloseTo(b.values[index], 12));
  });

  it('returns undefined for a singular matrix', () => {
    const singular = matrix([
      [1, 2],
      [2, 4],
    ]);
    expect(solve(singular, matrix([[1, 0], [0, 1]]))).toBeUndefined();
  });
});

describe('leadingEigenvalue', () => {
  it('finds the largest of a non-symmetric matrix', () => {
    // S · diag(3, 1, −0.5) · S⁻¹ with S = [[1, 1, 0], [0, 1, 1], [1, 0, 1]].
    const s = matrix([
      [1, 1, 0],
      [0, 1, 1],
      [1, 0, 1],
    ]);
    const sInverse = matrix([
      [0.5, -0.5, 0.5],
      [0.5, 0.5, -0.5],
      [-0.5, 0.5, 0.5],
    ]);
    const scaled = matrix([
      [3, 3, 0],
      [0, 1, -0.5],
      [3, 0, -0.5],
    ]);
    expect(product(s, sInverse)).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 1]);
    expect(leadingEigenvalue(matrix(chunk(product(scaled, sInverse), 3)))).toBeCloseTo(3, 9);
  });

  it('returns NaN for a complex pair', () => {
    const rotation = matrix([
      [0, -1],
      [1, 0],
    ]);
    expect(leadingEigenvalue(rotation)).toBeNaN();
  });
});

function chunk(values: number[], size: number): number[][] {
  return Array.from({ length: values.length / size }, (_, row) => values.slice(row * size, (row + 1) * size));
}
