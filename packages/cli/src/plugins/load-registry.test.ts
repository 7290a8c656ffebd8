import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { isRgaeError, type Registry } from '@rgae/core';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { loadRegistry } from './load-registry.js';
import type { OclifPluginReference } from './oclif-plugins.js';

const root = mkdtempSync(join(tmpdir(), 'rgae-load-registry-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let project: string;
let caseNumber = 0;
beforeEach(() => {
  project = join(root, `project-${++caseNumber}`);
  mkdirSync(project, { recursive: true });
});

/**
 * Module source of a plugin object as a package built against another copy of @rgae/core would export it:
 * the brand is the registered symbol `rgae.plugin`, so no import of core is needed.
 */
function pluginSource(name: string, registerBody: string, apiVersion = 1): string {
  return [
    `const lattice = (id) => ({ id, description: 'test lattice ' + id, dtype: 'int8', channels: 1, observables: [], spacingObservables: [] });`,
    `export default {`,
    `  name: ${JSON.stringify(name)}, version: '1.0.0', apiVersion: ${apiVersion},`,
    `  register(bind) { ${registerBody} },`,
    `  [Symbol.for('rgae.plugin')]: true,`,
    `};`,
  ].join('\n');
}

function writeFile(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

/** Writes node_modules/<name> with an ESM entry behind `exports`, as `npm install` would leave it. */
function writePackage(name: string, source: string, manifest: Record<string, unknown> = {}): string {
  const packageRoot = join(project, 'node_modules', name);
  writeFile(join(packageRoot, 'package.json'), JSON.stringify({ name, version: '1.0.0', type: 'module', exports: { '.': { import: './dist/index.js' } }, ...manifest }));
  writeFile(join(packageRoot, 'dist', 'index.js'), source);
  return packageRoot;
}

function writeConfig(plugins: unknown): void {
  writeFile(join(project, 'rgae.config.json'), JSON.stringify({ plugins }));
}

async function load(oclifPlugins: OclifPluginReference[] = []): Promise<{ registry: Registry; failures: string[] }> {
  const failures: string[] = [];
  const registry = await loadRegistry({ cwd: project, builtins: [], oclifPlugins, reportFailure: (message) => failures.push(message) });
  return { registry, failures };
}

async function loadError(): Promise<Error> {
  try {
    await load();
  } catch (error) {
    expect(isRgaeError(error)).toBe(true);
    return error as Error;
  }
  throw new Error('expected loadRegistry to raise an RgaeError');
}

const latticeIds = (registry: Registry) => registry.list().map((entry) => `${entry.id} (${entry.plugin})`);

describe('loadRegistry project file', () => {
  it('loads packages and relative paths', async () => {
    writePackage('@acme/rgae-plugin', pluginSource('@acme/rgae-plugin', "bind.lattice(lattice('acme/square'));"));
    writeFile(join(project, 'local', 'plugin.js'), pluginSource('local-plugin', "bind.lattice(lattice('local/square'));"));
    writeConfig(['@acme/rgae-plugin', './local/plugin.js']);
    const { registry, failures } = await load();

    expect(failures).toEqual([]);
    expect(latticeIds(registry)).toEqual(['acme/square (@acme/rgae-plugin)', 'local/square (local-plugin)']);
  });

  it('loads a plugin package folder by path', async () => {
    const packageRoot = join(project, 'plugins', 'folder-plugin');
    writeFile(join(packageRoot, 'package.json'), JSON.stringify({ name: 'folder-plugin', type: 'module', main: 'main.js' }));
    writeFile(join(packageRoot, 'main.js'), pluginSource('folder-plugin', "bind.lattice(lattice('folder/square'));"));
    writeConfig(['./plugins/folder-plugin']);

    expect(latticeIds((await load()).registry)).toEqual(['folder/square (folder-plugin)']);
  });

  it('reads rgae.config.js', async () => {
    writeFile(join(project, 'plugin.js'), pluginSource('js-config-plugin', "bind.lattice(lattice('js/square'));"));
    writeFile(join(project, 'rgae.config.js'), "export default { plugins: ['./plugin.js'] };");

    expect(latticeIds((await load()).registry)).toEqual(['js/square (js-config-plugin)']);
  });

  it('loads only built-ins without a project file', async () => {
    const { registry, failures } = await load();
    expect(registry.list()).toEqual([]);
    expect(failures).toEqual([]);
  });
});

describe('loadRegistry plugin failures', () => {
  const working = () => writePackage('working', pluginSource('working', "bind.lattice(lattice('working/square'));"));

  async function failuresWith(entry: string): Promise<string[]> {
    working();
    writeConfig([entry, 'working']);
    const { registry, failures } = await load();
    expect(latticeIds(registry), 'the working plugin still loads').toEqual(['working/square (working)']);
    return failures;
  }

  it('reports a plugin that throws in register', async () => {
    writePackage('thrower', pluginSource('thrower', "throw new Error('no GPU found');"));
    expect(await failuresWith('thrower')).toEqual(['plugin "thrower" was not loaded: Plugin "thrower" failed during registration: no GPU found']);
  });

  it('reports an id registered twice', async () => {
    writePackage('twice', pluginSource('twice', "bind.lattice(lattice('twice/a')); bind.lattice(lattice('twice/a'));"));
    expect(await failuresWith('twice')).toEqual(['plugin "twice" was not loaded: Plugin "twice" registers the lattice id "twice/a" twice.']);
  });

  it('reports a duplicate naming both plugins', async () => {
    working();
    writePackage('copycat', pluginSource('copycat', "bind.lattice(lattice('working/square'));"));
    writeConfig(['working', 'copycat']);
    const { registry, failures } = await load();

    expect(latticeIds(registry)).toEqual(['working/square (working)']);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(/^plugin "copycat" was not loaded: Duplicate lattice id "working\/square": registered by plugin "working" and again by plugin "copycat"/);
  });

  it('reports a missing package', async () => {
    const [failure] = await failuresWith('@acme/not-installed');
    expect(failure).toMatch(/^plugin "@acme\/not-installed" was not found: no package "@acme\/not-installed" in node_modules above .*project-\d+\. Install it or fix the entry in .*rgae\.config\.json\.$/);
  });

  it('reports a missing path', async () => {
    const [failure] = await failuresWith('./nowhere.js');
    expect(failure).toMatch(/^plugin "\.\/nowhere\.js" was not found: .*nowhere\.js does not exist\./);
  });

  it('reports a package without its built entry', async () => {
    const packageRoot = join(project, 'node_modules', 'unbuilt');
    writeFile(join(packageRoot, 'package.json'), JSON.stringify({ name: 'unbuilt', type: 'module', main: 'dist/index.js' }));
    const [failure] = await failuresWith('unbuilt');
    expect(failure).toMatch(/^plugin "unbuilt" was not found: its entry .*dist\/index\.js does not exist \(is the package built\?\)/);
  });

  it('reports a package that is not an rgae plugin', async () => {
    writePackage('left-pad', 'export default function leftPad(text) { return text; }');
    const [failure] = await failuresWith('left-pad');
    expect(failure).toMatch(/^plugin "left-pad" is not an rgae plugin: the default export of .*index\.js was not made by definePlugin from @rgae\/core/);
  });

  it('reports a module that fails to import', async () => {
    writePackage('broken', "import 'package-that-is-absent';\nexport default {};");
    const [failure] = await failuresWith('broken');
    expect(failure).toMatch(/^plugin "broken" failed to load from .*index\.js: .*package-that-is-absent/);
  });

  it('reports an incompatible API version', async () => {
    writePackage('future', pluginSource('future', "bind.lattice(lattice('future/square'));", 2));
    const [failure] = await failuresWith('future');
    expect(failure).toMatch(/^plugin "future" was not loaded: Plugin "future" targets rgae plugin API version 2, but this rgae provides version 1\./);
  });
});

describe('loadRegistry malformed project file', () => {
  it('rejects invalid JSON', async () => {
    writeFile(join(project, 'rgae.config.json'), '{ "plugins": [ }');
    expect((await loadError()).message).toMatch(/^Invalid JSON in .*rgae\.config\.json: .*Expected e\.g\. \{ "plugins"/);
  });

  it('rejects plugins that are not a list', async () => {
    writeConfig('@rgae/plugin-potts');
    expect((await loadError()).message).toMatch(/Invalid "plugins" in .*: expected a list of package names or paths, received "@rgae\/plugin-potts"/);
  });

  it('rejects an empty plugin entry', async () => {
    writeConfig(['ok', '']);
    expect((await loadError()).message).toMatch(/Invalid "plugins" entry 1 in .*received ""/);
  });

  it('rejects a non-string plugin entry', async () => {
    writeConfig([{ name: 'x' }]);
    expect((await loadError()).message).toMatch(/Invalid "plugins" entry 0 in .*received object \{"name":"x"\}/);
  });

  it('rejects an unknown key with a suggestion', async () => {
    writeFile(join(project, 'rgae.config.json'), JSON.stringify({ plugin: [] }));
    expect((await loadError()).message).toMatch(/Unknown key "plugin" in .*Accepted keys: plugins\. Did you mean "plugins"\?/);
  });

  it('rejects a list as the whole file', async () => {
    writeFile(join(project, 'rgae.config.json'), '[]');
    expect((await loadError()).message).toMatch(/expected an object such as \{ "plugins": \[\] \}, received a list/);
  });

  it('rejects two project files', async () => {
    writeConfig([]);
    writeFile(join(project, 'rgae.config.js'), 'export default { plugins: [] };');
    expect((await loadError()).message).toMatch(/Found both .*rgae\.config\.json and .*rgae\.config\.js\. Keep one project file/);
  });

  it('rejects a config module without a default export', async () => {
    writeFile(join(project, 'rgae.config.js'), 'export const plugins = [];');
    expect((await loadError()).message).toMatch(/rgae\.config\.js has no default export/);
  });

  it('rejects a config module that fails to load', async () => {
    writeFile(join(project, 'rgae.config.js'), 'export default { plugins: [ };');
    expect((await loadError()).message).toMatch(/^Failed to load .*rgae\.config\.js: /);
  });
});

describe('loadRegistry oclif plugins', () => {
  it('loads user and linked plugins', async () => {
    const installed = writePackage('installed', pluginSource('installed', "bind.lattice(lattice('installed/square'));"), { oclif: {} });
    const linked = join(root, `linked-${caseNumber}`);
    writeFile(join(linked, 'package.json'), JSON.stringify({ name: 'linked', type: 'module', main: 'index.js', oclif: {} }));
    writeFile(join(linked, 'index.js'), pluginSource('linked', "bind.lattice(lattice('linked/square'));"));
    const { registry, failures } = await load([
      { name: 'installed', root: installed, type: 'user' },
      { name: 'linked', root: linked, type: 'link' },
    ]);

    expect(failures).toEqual([]);
    expect(latticeIds(registry)).toEqual(['installed/square (installed)', 'linked/square (linked)']);
  });

  it('skips oclif plugins that are not rgae plugins', async () => {
    const commandsOnly = writePackage('@oclif/plugin-commands-only', 'export default undefined;', { oclif: { commands: './dist/commands' } });
    const withoutEntry = join(project, 'node_modules', 'no-entry');
    writeFile(join(withoutEntry, 'package.json'), JSON.stringify({ name: 'no-entry', oclif: {} }));
    const { registry, failures } = await load([
      { name: '@oclif/plugin-commands-only', root: commandsOnly, type: 'user' },
      { name: 'no-entry', root: withoutEntry, type: 'user' },
    ]);

    expect(failures).toEqual([]);
    expect(registry.list()).toEqual([]);
  });

  it('loads a plugin named twice once', async () => {
    const both = writePackage('both', pluginSource('both', "bind.lattice(lattice('both/square'));"), { oclif: {} });
    writeConfig(['both']);
    const { registry, failures } = await load([{ name: 'both', root: both, type: 'user' }]);

    expect(failures).toEqual([]);
    expect(latticeIds(registry)).toEqual(['both/square (both)']);
  });

  it('reports an oclif plugin that fails to register', async () => {
    const thrower = writePackage('oclif-thrower', pluginSource('oclif-thrower', "throw new Error('boom');"), { oclif: {} });
    const { failures } = await load([{ name: 'oclif-thrower', root: thrower, type: 'link' }]);

    expect(failures).toEqual(['plugin "oclif-thrower" was not loaded: Plugin "oclif-thrower" failed during registration: boom']);
  });
});
