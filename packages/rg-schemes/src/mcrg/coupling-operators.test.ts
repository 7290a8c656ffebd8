import { describe, expect, it } from 'vitest';
import { isingBatchOf, randomIsingBatch } from '../testing/configurations.js';
import { EVEN_OPERATORS, measureOperators, ODD_OPERATORS, type CouplingOperator } from './coupling-operators.js';

/** Direct evaluation with modular arithmetic, independent of the neighbour tables. */
function bruteForce(spins: ArrayLike<number>, linearSize: number, operator: CouplingOperator): number {
  const at = (x: number, y: number) => spins[(((y % linearSize) + linearSize) % linearSize) * linearSize + (((x % linearSize) + linearSize) % linearSize)];
  let total = 0;
  for (let y = 0; y < linearSize; y++) {
    for (let x = 0; x < linearSize; x++) {
      for (const shape of operator.shapes) total += shape.reduce((product, [dx, dy]) => product * at(x + dx, y + dy), 1);
    }
  }
  return total;
}

const seriesOf = (values: Float64Array[]) => values.map((series) => series[0]);

describe('measureOperators', () => {
  it('counts every term once on a uniform state', () => {
    const uniform = isingBatchOf(1, 6, () => 1);
    // 36 sites: two pair directions per site, four for distance √5, four three-spin terms per plaquette.
    expect(seriesOf(measureOperators(uniform, EVEN_OPERATORS))).toEqual([72, 72, 72, 36, 144, 72]);
    expect(seriesOf(measureOperators(uniform, ODD_OPERATORS))).toEqual([36, 144, 72]);
  });

  it('gives the checkerboard signs', () => {
    const checkerboard = isingBatchOf(1, 6, (x, y) => ((x + y) % 2 === 0 ? 1 : -1));
    expect(seriesOf(measureOperators(checkerboard, EVEN_OPERATORS))).toEqual([-72, 72, 72, 36, -144, 72]);
    expect(seriesOf(measureOperators(checkerboard, ODD_OPERATORS))).toEqual([0, 0, 0]);
  });

  it('matches direct evaluation on random states', () => {
    const batch = randomIsingBatch(3, 7, 9);
    const operators = [...EVEN_OPERATORS, ...ODD_OPERATORS];
    const measured = measureOperators(batch, operators);

    for (let n = 0; n < 3; n++) {
      const spins = batch.data.subarray(n * 49, (n + 1) * 49);
      operators.forEach((operator, alpha) => expect(measured[alpha][n]).toBe(bruteForce(spins, 7, operator)));
    }
  });
});
