/**
 * Flattens the study record into `[name, value]` rows for the parameter table: nested objects become
 * dotted names (`spec.lattice`), arrays of plain values one comma-separated value, and arrays of
 * objects indexed names (`plugins[0].name`). Numbers keep full precision, because a reader may need
 * them to rerun the study.
 */
export function studyParameterRows(study: Record<string, unknown>): Array<[string, string]> {
  const rows: Array<[string, string]> = [];
  flatten(study, '', rows, new Set());
  return rows;
}

function flatten(value: unknown, name: string, rows: Array<[string, string]>, ancestors: Set<object>): void {
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return;
  if (value === null || typeof value !== 'object') {
    rows.push([name, String(value)]);
    return;
  }
  if (value instanceof Date) {
    rows.push([name, value.toISOString()]);
    return;
  }
  if (ancestors.has(value)) {
    rows.push([name, '(circular reference)']);
    return;
  }

  ancestors.add(value);
  if (Array.isArray(value)) flattenArray(value, name, rows, ancestors);
  else flattenObject(value as Record<string, unknown>, name, rows, ancestors);
  ancestors.delete(value);
}

function flattenArray(values: unknown[], name: string, rows: Array<[string, string]>, ancestors: Set<object>): void {
  if (values.every((item) => item === null || typeof item !== 'object')) {
    rows.push([name, values.length === 0 ? '(none)' : values.map(String).join(', ')]);
    return;
  }
  values.forEach((item, i) => flatten(item, `${name}[${i}]`, rows, ancestors));
}

function flattenObject(record: Record<string, unknown>, name: string, rows: Array<[string, string]>, ancestors: Set<object>): void {
  const keys = Object.keys(record);
  if (keys.length === 0 && name !== '') {
    rows.push([name, '(empty)']);
    return;
  }
  for (const key of keys) flatten(record[key], name === '' ? key : `${name}.${key}`, rows, ancestors);
}
