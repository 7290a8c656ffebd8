import type { ResultTable } from '@rgae/core';
import { describe, expect, it } from 'vitest';
import { tableToCsv } from './table-to-csv.js';

function table(columns: string[], rows: ResultTable['rows']): ResultTable {
  return { id: 'example', caption: 'An example table.', columns, rows };
}

describe('tableToCsv', () => {
  it('writes a header and CRLF-terminated records', () => {
    expect(tableToCsv(table(['model', 'loss'], [['plain-ae', 0.25], ['rg-embedded', 0.5]]))).toBe(
      'model,loss\r\nplain-ae,0.25\r\nrg-embedded,0.5\r\n',
    );
  });

  it.each([
    ['a comma', 'a,b', '"a,b"'],
    ['a quote', 'say "hi"', '"say ""hi"""'],
    ['a line feed', 'one\ntwo', '"one\ntwo"'],
    ['a carriage return', 'one\rtwo', '"one\rtwo"'],
    ['a leading space', ' padded', '" padded"'],
    ['a trailing space', 'padded ', '"padded "'],
    ['plain text', 'majority', 'majority'],
    ['an empty string', '', ''],
  ])('quotes a field with %s as RFC 4180 requires', (_, value, expected) => {
    expect(tableToCsv(table(['text'], [[value]]))).toBe(`text\r\n${expected}\r\n`);
  });

  it('quotes column names too', () => {
    expect(tableToCsv(table(['T (J/k_B)', 'm, per site'], []))).toBe('T (J/k_B),"m, per site"\r\n');
  });

  it('writes null as an empty field', () => {
    expect(tableToCsv(table(['a', 'b', 'c'], [[null, 1, null]]))).toBe('a,b,c\r\n,1,\r\n');
  });

  it('keeps full number precision and spells non-finite values', () => {
    const csv = tableToCsv(table(['value'], [[0.1 + 0.2], [2.269185314213022], [1e-12], [Number.NaN], [-Infinity]]));
    expect(csv).toBe('value\r\n0.30000000000000004\r\n2.269185314213022\r\n1e-12\r\nNaN\r\n-Infinity\r\n');
  });

  it('rejects a row with the wrong number of cells', () => {
    expect(() => tableToCsv(table(['a', 'b'], [[1, 2], [3]]))).toThrow(
      /Table "example" row 1 has 1 cells but the table has 2 columns \(a, b\)\. Give every row one cell per column\./,
    );
  });

  it('rejects a cell that is neither string, number nor null', () => {
    expect(() => tableToCsv(table(['a'], [[undefined as never]]))).toThrow(/row 0, column "a" is undefined\. Cells must be strings, numbers or null/);
  });

  it('rejects column names that are not strings', () => {
    expect(() => tableToCsv(table([1 as never], []))).toThrow(/has columns \[1\]\. Give the column names as an array of strings/);
  });
});
