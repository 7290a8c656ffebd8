import type { ResultTable } from '@rgae/core';
import { checkTable } from './check-table.js';

/**
 * Writes a table as CSV following RFC 4180: a header row of column names, CRLF line ends, and a field
 * quoted (with its quotes doubled) when it contains a comma, a quote, CR or LF. Fields with leading or
 * trailing spaces are quoted too, because some readers trim unquoted fields. `null` becomes an empty
 * field, and numbers keep full precision (`NaN`, `Infinity` and `-Infinity` as JavaScript spells them).
 */
export function tableToCsv(table: ResultTable): string {
  checkTable(table);

  const records = [table.columns, ...table.rows];
  return records.map((record) => `${record.map(csvField).join(',')}\r\n`).join('');
}

function csvField(value: string | number | null): string {
  if (value === null) return '';

  const text = String(value);
  const needsQuotes = /[",\r\n]/.test(text) || /^\s|\s$/.test(text);
  return needsQuotes ? `"${text.replaceAll('"', '""')}"` : text;
}
