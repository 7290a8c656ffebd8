/** Renders rows as an aligned plain-text table with a header rule; numbers are right-aligned. */
export function renderTable(columns: readonly string[], rows: ReadonlyArray<ReadonlyArray<string>>): string {
  const widths = columns.map((column, i) => Math.max(column.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: ReadonlyArray<string>) =>
    cells
      .map((cell, i) => (/^[-−\d.±eE +n/a]+$/.test(cell) ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(columns), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
