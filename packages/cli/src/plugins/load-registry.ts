import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Registry, isPlugin, type Plugin } from '@rgae/core';
import type { OclifPluginReference } from './oclif-plugins.js';
import { findPluginEntry, packageEntry, type EntryLookup } from './plugin-entry.js';
import { readProjectConfig } from './project-config.js';

export interface LoadRegistryOptions {
  cwd: string;
  /** Plugins oclif loaded from the user's data folder (`rgae plugins install` or `link`); see `userInstalledPlugins`. */
  oclifPlugins?: readonly OclifPluginReference[];
  /** Receives one line for each plugin that could not be loaded, which the caller prints after "Error: ". */
  reportFailure(message: string): void;
  /** Plugins loaded before all others; default the built-in plugins. */
  builtins?: readonly Plugin[];
}

/** A plugin module found on disk, not yet imported. */
interface PluginSource {
  /** Name the user gave: the config entry or the oclif plugin name. */
  label: string;
  lookup: EntryLookup;
  /** File or command that named it, for messages. */
  origin: string;
  /** True for oclif plugins, which may be plain oclif plugins without an rgae default export. */
  optional: boolean;
}

/**
 * Builds the registry: the built-in plugins, then the plugins of the project file (`rgae.config.json` or
 * `rgae.config.js` in `cwd`), then the oclif user and linked plugins whose default export is an rgae plugin.
 * A plugin that is missing, fails to import, is not an rgae plugin or fails to register is reported through
 * `reportFailure` and skipped, and the others keep working. A malformed project file throws an RgaeError.
 */
export async function loadRegistry(options: LoadRegistryOptions): Promise<Registry> {
  const registry = new Registry();
  const builtins = options.builtins ?? (await import('./builtin-plugins.js')).BUILTIN_PLUGINS;
  reportRegistryFailures(registry, builtins, options);

  const sources = [...(await projectSources(options.cwd)), ...(options.oclifPlugins ?? []).map(oclifSource)];
  const plugins = await importPlugins(sources, options);
  reportRegistryFailures(registry, plugins, options);
  return registry;
}

function reportRegistryFailures(registry: Registry, plugins: readonly Plugin[], options: LoadRegistryOptions): void {
  for (const failure of registry.loadAll(plugins)) {
    options.reportFailure(`plugin "${failure.plugin}" was not loaded: ${failure.error.message}`);
  }
}

async function projectSources(cwd: string): Promise<PluginSource[]> {
  const config = await readProjectConfig(cwd);
  if (!config) return [];

  const baseDir = dirname(config.file);
  return config.plugins.map((specifier) => ({ label: specifier, lookup: findPluginEntry(specifier, baseDir), origin: config.file, optional: false }));
}

function oclifSource(plugin: OclifPluginReference): PluginSource {
  const command = plugin.type === 'link' ? 'rgae plugins link' : 'rgae plugins install';
  return { label: plugin.name, lookup: packageEntry(plugin.root), origin: `${command} (${plugin.root})`, optional: true };
}

/** Imports each source once (by module file) and keeps the default exports that are rgae plugins. */
async function importPlugins(sources: readonly PluginSource[], options: LoadRegistryOptions): Promise<Plugin[]> {
  const imported = new Set<string>();
  const plugins: Plugin[] = [];
  for (const source of sources) {
    const plugin = await importPlugin(source, imported, options);
    if (plugin) plugins.push(plugin);
  }
  return plugins;
}

async function importPlugin(source: PluginSource, imported: Set<string>, options: LoadRegistryOptions): Promise<Plugin | undefined> {
  const { label, lookup, origin, optional } = source;
  if (!lookup.found) {
    if (!optional) options.reportFailure(`plugin "${label}" was not found: ${lookup.reason}. Install it or fix the entry in ${origin}.`);
    return undefined;
  }
  if (imported.has(lookup.file)) return undefined;
  imported.add(lookup.file);

  let module: { default?: unknown };
  try {
    module = (await import(pathToFileURL(lookup.file).href)) as { default?: unknown };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    options.reportFailure(`plugin "${label}" failed to load from ${lookup.file}: ${reason}`);
    return undefined;
  }

  if (isPlugin(module.default)) return module.default;
  if (!optional) {
    options.reportFailure(
      `plugin "${label}" is not an rgae plugin: the default export of ${lookup.file} was not made by definePlugin from @rgae/core. ` +
        `Remove it from ${origin} or export definePlugin({ name, version, register }) as default.`,
    );
  }
  return undefined;
}
