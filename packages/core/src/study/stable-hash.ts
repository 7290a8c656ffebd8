import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every depth, so equal values always give the same text. */
export function stableStringify(value: unknown): string {
  if (value === undefined) return 'undefined';
  return JSON.stringify(value, (_key, item: unknown) => {
    if (!item || typeof item !== 'object' || Array.isArray(item) || ArrayBuffer.isView(item)) return item;
    const entries = Object.entries(item as Record<string, unknown>);
    entries.sort(([a], [b]) => compareKeys(a, b));
    return Object.fromEntries(entries);
  });
}

/** SHA-256 (hex) of the stable JSON of a value. */
export function stableHash(value: unknown): string {
  return createHash('sha256').update(stableStringify(value)).digest('hex');
}

/** Orders keys by UTF-16 code units, the same in every locale (unlike localeCompare). */
function compareKeys(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
