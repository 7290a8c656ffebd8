import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RgaeError, invalidArgument, nearest } from '@rgae/core';

/** Names of the project file, looked up in the working directory only. */
export const PROJECT_CONFIG_FILES = ['rgae.config.json', 'rgae.config.js'] as const;

const PROJECT_CONFIG_KEYS = ['plugins'];

/** The project file of a working directory. */
export interface ProjectConfig {
  /** Absolute path of the file; relative plugin paths start from its folder. */
  file: string;
  /** Plugin package names and paths, in load order. */
  plugins: string[];
}

/**
 * Reads `rgae.config.json` or `rgae.config.js` (ESM default export) from `cwd`, or returns undefined when
 * neither exists. Throws an RgaeError naming the file when both exist or the content is malformed.
 */
export async function readProjectConfig(cwd: string): Promise<ProjectConfig | undefined> {
  const present = PROJECT_CONFIG_FILES.map((name) => join(cwd, name)).filter((file) => existsSync(file));
  if (present.length > 1) {
    throw invalidArgument(`Found both ${present.join(' and ')}. Keep one project file and delete the other.`);
  }
  if (present.length === 0) return undefined;

  const file = present[0];
  const content = file.endsWith('.json') ? parseJsonFile(file) : await importConfigModule(file);
  return { file, plugins: checkContent(file, content) };
}

function parseJsonFile(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new RgaeError('INVALID_ARGUMENT', `Invalid JSON in ${file}: ${reason}. Expected e.g. { "plugins": ["@rgae/plugin-potts"] }.`, { cause: error });
  }
}

async function importConfigModule(file: string): Promise<unknown> {
  let module: { default?: unknown };
  try {
    module = (await import(pathToFileURL(file).href)) as { default?: unknown };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new RgaeError('INVALID_ARGUMENT', `Failed to load ${file}: ${reason}`, { cause: error });
  }
  if (module.default === undefined) {
    throw invalidArgument(`${file} has no default export. Write "export default { plugins: [...] };".`);
  }
  return module.default;
}

/** Checks the parsed content: an object whose only key is an optional `plugins` list of non-empty strings. */
function checkContent(file: string, content: unknown): string[] {
  if (typeof content !== 'object' || content === null || Array.isArray(content)) {
    throw invalidArgument(`Invalid project file ${file}: expected an object such as { "plugins": [] }, received ${describeValue(content)}.`);
  }

  for (const key of Object.keys(content)) {
    if (PROJECT_CONFIG_KEYS.includes(key)) continue;
    const guess = nearest(key, PROJECT_CONFIG_KEYS);
    const hint = guess ? ` Did you mean "${guess}"?` : '';
    throw invalidArgument(`Unknown key "${key}" in ${file}. Accepted keys: ${PROJECT_CONFIG_KEYS.join(', ')}.${hint}`);
  }

  const plugins = (content as { plugins?: unknown }).plugins ?? [];
  if (!Array.isArray(plugins)) {
    throw invalidArgument(`Invalid "plugins" in ${file}: expected a list of package names or paths, received ${describeValue(plugins)}.`);
  }
  plugins.forEach((entry, index) => {
    if (typeof entry !== 'string' || entry.trim() === '') {
      throw invalidArgument(
        `Invalid "plugins" entry ${index} in ${file}: expected a package name or a path such as "./my-plugin", received ${describeValue(entry)}.`,
      );
    }
  });
  return plugins as string[];
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return typeof value === 'string' ? JSON.stringify(value) : `${typeof value} ${JSON.stringify(value)}`;
}
