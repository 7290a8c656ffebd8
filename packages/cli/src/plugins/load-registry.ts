import { Registry } from '@rgae/core';
import { BUILTIN_PLUGINS } from './builtin-plugins.js';

export interface LoadRegistryOptions {
  cwd: string;
  warn(message: string): void;
}

/** Builds the registry from the built-in plugins. */
export async function loadRegistry(options: LoadRegistryOptions): Promise<Registry> {
  const registry = new Registry();
  for (const failure of registry.loadAll(BUILTIN_PLUGINS)) {
    options.warn(`Plugin "${failure.plugin}" was not loaded: ${failure.error.message}`);
  }
  return registry;
}
