import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, join, resolve } from 'node:path';

/** Export conditions tried, in order, when a package's `exports` maps "." to several targets. */
const CONDITIONS = ['import', 'node', 'default'];

/** Result of a plugin lookup: the module file, or the reason none was found. */
export type EntryLookup = { found: true; file: string } | { found: false; reason: string };

/** True for specifiers that name a path ("./x", "../x", "/x") rather than a package. */
export function isPathSpecifier(specifier: string): boolean {
  return specifier.startsWith('.') || isAbsolute(specifier);
}

/**
 * Finds the module file of a plugin specifier: a path relative to `baseDir` (a file, or a package folder)
 * or a package name looked up in the `node_modules` folders above `baseDir`, as Node does for a file there.
 */
export function findPluginEntry(specifier: string, baseDir: string): EntryLookup {
  if (isPathSpecifier(specifier)) {
    const path = resolve(baseDir, specifier);
    if (!existsSync(path)) return { found: false, reason: `${path} does not exist` };
    return statSync(path).isDirectory() ? packageEntry(path) : { found: true, file: path };
  }

  const searched = createRequire(join(baseDir, 'noop.js')).resolve.paths(specifier) ?? [];
  const root = searched.map((folder) => join(folder, specifier)).find((candidate) => existsSync(join(candidate, 'package.json')));
  if (!root) return { found: false, reason: `no package "${specifier}" in node_modules above ${baseDir}` };
  return packageEntry(root);
}

/**
 * Finds the ESM entry of the package in `root`: the "." target of `exports` under the import, node or default
 * condition, else `main`, else index.js.
 */
export function packageEntry(root: string): EntryLookup {
  const manifestPath = join(root, 'package.json');
  if (!existsSync(manifestPath)) return { found: false, reason: `${root} has no package.json` };

  let manifest: { exports?: unknown; main?: unknown };
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  } catch (error) {
    return { found: false, reason: `${manifestPath} is not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }

  const target = exportTarget(manifest.exports) ?? (typeof manifest.main === 'string' ? manifest.main : 'index.js');
  const file = resolve(root, target);
  return existsSync(file) ? { found: true, file } : { found: false, reason: `its entry ${file} does not exist (is the package built?)` };
}

/** Resolves the "." entry of an `exports` field to a relative path, or undefined when it has none. */
function exportTarget(exports: unknown): string | undefined {
  if (typeof exports === 'string') return exports;
  if (typeof exports !== 'object' || exports === null || Array.isArray(exports)) return undefined;

  const entries = exports as Record<string, unknown>;
  const isSubpathMap = Object.keys(entries).some((key) => key.startsWith('.'));
  return conditionalTarget(isSubpathMap ? entries['.'] : entries);
}

function conditionalTarget(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value !== 'object' || value === null) return undefined;

  for (const condition of CONDITIONS) {
    const target = conditionalTarget((value as Record<string, unknown>)[condition]);
    if (target !== undefined) return target;
  }
  return undefined;
}

