/** A dense square matrix stored row-major: entry (i, j) at i·size + j. */
export interface SquareMatrix {
  size: number;
  values: Float64Array;
}

/**
 * Solves A X = B for X by Gaussian elimination with partial pivoting (A and B are size × size).
 * Returns undefined when A is singular to working precision.
 */
export function solve(a: SquareMatrix, b: SquareMatrix): SquareMatrix | undefined {
  const n = a.size;
  const lhs = Float64Array.from(a.values);
  const rhs = Float64Array.from(b.values);
  const scale = Math.max(...Array.from(lhs, Math.abs));

  for (let column = 0; column < n; column++) {
    let pivot = column;
    for (let row = column + 1; row < n; row++) {
      if (Math.abs(lhs[row * n + column]) > Math.abs(lhs[pivot * n + column])) pivot = row;
    }
    if (!(Math.abs(lhs[pivot * n + column]) > 1e-13 * scale)) return undefined;
    swapRows(lhs, n, column, pivot);
    swapRows(rhs, n, column, pivot);

    for (let row = column + 1; row < n; row++) {
      const factor = lhs[row * n + column] / lhs[column * n + column];
      for (let k = column; k < n; k++) lhs[row * n + k] -= factor * lhs[column * n + k];
      for (let k = 0; k < n; k++) rhs[row * n + k] -= factor * rhs[column * n + k];
    }
  }

  for (let row = n - 1; row >= 0; row--) {
    for (let k = 0; k < n; k++) {
      let value = rhs[row * n + k];
      for (let j = row + 1; j < n; j++) value -= lhs[row * n + j] * rhs[j * n + k];
      rhs[row * n + k] = value / lhs[row * n + row];
    }
  }
  return { size: n, values: rhs };
}

function swapRows(values: Float64Array, n: number, first: number, second: number): void {
  if (first === second) return;
  for (let k = 0; k < n; k++) {
    const held = values[first * n + k];
    values[first * n + k] = values[second * n + k];
    values[second * n + k] = held;
  }
}

/**
 * Leading eigenvalue (largest modulus) of a square matrix by power iteration, accepted once the
 * residual |T v − λ v| falls below `tolerance` · |T v|. Returns NaN when that does not happen within
 * `maxIterations`, as for a complex pair or a ± pair of equal modulus.
 */
export function leadingEigenvalue(matrix: SquareMatrix, maxIterations = 10_000, tolerance = 1e-12): number {
  const n = matrix.size;
  let vector = new Float64Array(n).fill(1 / Math.sqrt(n));

  for (let iteration = 0; iteration < maxIterations; iteration++) {
    const image = multiply(matrix, vector);
    const rayleigh = dot(vector, image);
    const norm = Math.sqrt(dot(image, image));
    if (!(norm > 0)) return 0;

    let residual = 0;
    for (let i = 0; i < n; i++) residual += (image[i] - rayleigh * vector[i]) ** 2;
    if (Math.sqrt(residual) <= tolerance * norm) return rayleigh;
    vector = image.map((value) => value / norm);
  }
  return NaN;
}

function multiply(matrix: SquareMatrix, vector: Float64Array): Float64Array {
  const n = matrix.size;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j < n; j++) sum += matrix.values[i * n + j] * vector[j];
    out[i] = sum;
  }
  return out;
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}
