import type { SpinBatch } from '@rgae/core';

/**
 * An interaction S_α = Σ_i Σ_shape Π_{d ∈ shape} s_{i+d} summed over the lattice. Each shape lists
 * the site displacements (dx, dy) of one term.
 */
export interface CouplingOperator {
  readonly name: string;
  readonly shapes: ReadonlyArray<ReadonlyArray<readonly [number, number]>>;
}

const pair = (dx: number, dy: number): Array<readonly [number, number]> => [
  [0, 0],
  [dx, dy],
];

/** Spin-flip-even interactions: pairs at the five shortest distances and the plaquette. */
export const EVEN_OPERATORS: readonly CouplingOperator[] = [
  { name: 'nearest neighbour', shapes: [pair(1, 0), pair(0, 1)] },
  { name: 'next-nearest neighbour (diagonal)', shapes: [pair(1, 1), pair(1, -1)] },
  { name: 'third neighbour (distance 2)', shapes: [pair(2, 0), pair(0, 2)] },
  { name: 'plaquette (four spins)', shapes: [[[0, 0], [1, 0], [0, 1], [1, 1]]] },
  { name: 'distance √5', shapes: [pair(2, 1), pair(2, -1), pair(1, 2), pair(-1, 2)] },
  { name: 'distance 2√2', shapes: [pair(2, 2), pair(2, -2)] },
];

/** Spin-flip-odd interactions: the magnetisation and three-spin terms. */
export const ODD_OPERATORS: readonly CouplingOperator[] = [
  { name: 'magnetisation', shapes: [[[0, 0]]] },
  {
    name: 'three spins of a plaquette',
    shapes: [
      [[0, 0], [1, 0], [0, 1]],
      [[0, 0], [1, 0], [1, 1]],
      [[0, 0], [0, 1], [1, 1]],
      [[1, 0], [0, 1], [1, 1]],
    ],
  },
  {
    name: 'three spins in a row',
    shapes: [
      [[0, 0], [1, 0], [2, 0]],
      [[0, 0], [0, 1], [0, 2]],
    ],
  },
];

/** Site index of (x + dx, y + dy) for every site, with periodic boundaries. */
function neighbourTable(linearSize: number, dx: number, dy: number): Int32Array {
  const table = new Int32Array(linearSize * linearSize);
  for (let y = 0; y < linearSize; y++) {
    for (let x = 0; x < linearSize; x++) {
      const nx = (((x + dx) % linearSize) + linearSize) % linearSize;
      const ny = (((y + dy) % linearSize) + linearSize) % linearSize;
      table[y * linearSize + x] = ny * linearSize + nx;
    }
  }
  return table;
}

/** Compiles every term of an operator into neighbour tables, one table per spin of the term. */
function compileOperator(operator: CouplingOperator, linearSize: number): Int32Array[][] {
  return operator.shapes.map((shape) => shape.map(([dx, dy]) => neighbourTable(linearSize, dx, dy)));
}

/**
 * Measures each operator on every configuration of an Ising batch (±1 spins). Returns one series
 * per operator, indexed by sample.
 */
export function measureOperators(batch: SpinBatch<Int8Array>, operators: readonly CouplingOperator[]): Float64Array[] {
  const { linearSize, nSamples, data } = batch;
  const nSites = linearSize * linearSize;
  const compiled = operators.map((operator) => compileOperator(operator, linearSize));
  const series = operators.map(() => new Float64Array(nSamples));

  for (let n = 0; n < nSamples; n++) {
    const spins = data.subarray(n * nSites, (n + 1) * nSites);
    compiled.forEach((terms, alpha) => {
      let total = 0;
      for (const tables of terms) total += sumOfProducts(spins, tables);
      series[alpha][n] = total;
    });
  }
  return series;
}

/** Σ_i Π_t s[tables[t][i]] for terms of one to four spins. */
function sumOfProducts(spins: Int8Array, tables: Int32Array[]): number {
  const nSites = spins.length;
  let total = 0;
  if (tables.length === 1) {
    const [a] = tables;
    for (let i = 0; i < nSites; i++) total += spins[a[i]];
  } else if (tables.length === 2) {
    const [a, b] = tables;
    for (let i = 0; i < nSites; i++) total += spins[a[i]] * spins[b[i]];
  } else if (tables.length === 3) {
    const [a, b, c] = tables;
    for (let i = 0; i < nSites; i++) total += spins[a[i]] * spins[b[i]] * spins[c[i]];
  } else {
    for (let i = 0; i < nSites; i++) {
      let product = 1;
      for (const table of tables) product *= spins[table[i]];
      total += product;
    }
  }
  return total;
}
