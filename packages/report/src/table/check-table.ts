import { RgaeError, type ResultTable } from '@rgae/core';

/** Checks that a table has string column names and one string, number or null cell per column in every row. */
export function checkTable(table: ResultTable): void {
  const name = `Table "${String(table?.id)}"`;
  if (!Array.isArray(table?.columns) || table.columns.some((column) => typeof column !== 'string')) {
    throw invalid(`${name} has columns ${JSON.stringify(table?.columns)}. Give the column names as an array of strings.`);
  }
  if (!Array.isArray(table.rows)) {
    throw invalid(`${name} has rows ${JSON.stringify(table.rows)}. Give the rows as an array of arrays.`);
  }

  table.rows.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== table.columns.length) {
      const cells = Array.isArray(row) ? `${row.length} cells` : typeof row;
      throw invalid(`${name} row ${i} has ${cells} but the table has ${table.columns.length} columns (${table.columns.join(', ')}). Give every row one cell per column.`);
    }
    row.forEach((cell, j) => {
      if (cell !== null && typeof cell !== 'string' && typeof cell !== 'number') {
        throw invalid(`${name} row ${i}, column "${table.columns[j]}" is ${String(cell)}. Cells must be strings, numbers or null.`);
      }
    });
  });
}

function invalid(message: string): RgaeError {
  return new RgaeError('INVALID_ARGUMENT', message);
}
