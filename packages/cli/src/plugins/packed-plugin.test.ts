import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPackedPluginProject, type PackedPluginProject } from './testing/packed-plugin-project.js';

// End-to-end: these tests run the built CLI and pack built packages, so `npm run build` must come first.
const repositoryRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const cli = join(repositoryRoot, 'packages', 'cli', 'bin', 'run.js');
const builtEntries = ['packages/cli/dist/index.js', 'packages/core/dist/index.js', 'packages/plugins/potts/dist/index.js'];

const scratch = mkdtempSync(join(tmpdir(), 'rgae-cli-plugins-'));
/** oclif data folder of the runs, so that plugins the user installed on this machine stay out of the test. */
const dataDir = join(scratch, 'data');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function rgae(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const env = { ...process.env, RGAE_DATA_DIR: dataDir, RGAE_CONFIG_DIR: join(scratch, 'config'), RGAE_CACHE_DIR: join(scratch, 'cache') };
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, env, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Error lines the CLI printed, without warnings of other packages. */
const errorLines = (stderr: string) => stderr.split('\n').filter((line) => line.startsWith('Error: '));

/** Writes a plugin package with an `oclif` section and records it in the data folder as `rgae plugins link` would. */
function linkPlugin(): string {
  const root = join(scratch, 'linked-plugin');
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'linked-demo', version: '1.0.0', type: 'module', main: 'index.js', oclif: {} }));
  writeFileSync(
    join(root, 'index.js'),
    [
      "const lattice = { id: 'linked-demo/chain', description: 'Linked test lattice', dtype: 'int8', channels: 1, observables: [], spacingObservables: [] };",
      "export default { name: 'linked-demo', version: '1.0.0', apiVersion: 1, register: (bind) => bind.lattice(lattice), [Symbol.for('rgae.plugin')]: true };",
    ].join('\n'),
  );
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(join(dataDir, 'package.json'), JSON.stringify({ private: true, oclif: { schema: 1, plugins: [{ name: 'linked-demo', root, type: 'link' }] } }));
  return root;
}

describe('plugin installed from a packed tarball', () => {
  let project: PackedPluginProject;

  beforeAll(() => {
    const missing = builtEntries.filter((entry) => !existsSync(join(repositoryRoot, entry)));
    if (missing.length > 0) throw new Error(`Build first (npm run build): missing ${missing.join(', ')}.`);

    project = createPackedPluginProject({
      packageDirs: [join(repositoryRoot, 'packages', 'core'), join(repositoryRoot, 'packages', 'plugins', 'potts')],
      plugins: ['@rgae/plugin-potts', 'rgae-plugin-not-installed'],
      parentDir: scratch,
    });
    linkPlugin();
  }, 180_000);

  it('brings its own copy of core', () => {
    // The plugin imports the project's @rgae/core (from its tarball), the CLI its workspace copy; the
    // registry accepts the plugin because the brands are registered symbols.
    const projectCore = join(project.projectDir, 'node_modules', '@rgae', 'core');
    expect(existsSync(join(projectCore, 'dist', 'index.js'))).toBe(true);
    expect(lstatSync(projectCore).isSymbolicLink()).toBe(false);
  });

  it('is listed by rgae list', () => {
    const { status, stdout, stderr } = rgae(['list', '--json'], project.projectDir);
    expect(status, stderr).toBe(0);

    const { plugins, parts } = JSON.parse(stdout) as { plugins: Array<{ name: string }>; parts: Array<{ kind: string; id: string; plugin: string; lattice?: string }> };
    const fromPotts = parts.filter((part) => part.plugin === '@rgae/plugin-potts').map((part) => `${part.kind} ${part.lattice ? `${part.lattice}:` : ''}${part.id}`);
    expect(plugins.map((plugin) => plugin.name)).toContain('@rgae/plugin-potts');
    expect(fromPotts).toEqual([
      'lattice potts',
      'lattice potts4',
      'sampler potts:metropolis',
      'sampler potts:wolff',
      'sampler potts4:metropolis',
      'sampler potts4:wolff',
      'scheme plurality',
    ]);
  });

  it('loads a linked oclif plugin', () => {
    const { stdout } = rgae(['list', '--json'], project.projectDir);
    const parts = (JSON.parse(stdout) as { parts: Array<{ id: string; plugin: string }> }).parts;
    expect(parts.filter((part) => part.plugin === 'linked-demo').map((part) => part.id)).toEqual(['linked-demo/chain']);
  });

  it('reports a missing plugin and lists the rest', () => {
    const { status, stdout, stderr } = rgae(['list'], project.projectDir);

    expect(status).toBe(0);
    expect(errorLines(stderr)).toEqual([
      expect.stringMatching(/^Error: plugin "rgae-plugin-not-installed" was not found: no package "rgae-plugin-not-installed" in node_modules above /),
    ]);
    expect(stdout).toMatch(/^potts\s+@rgae\/plugin-potts\s+Square-lattice 3-state Potts model/m);
    expect(stdout).toMatch(/^ising\s+@rgae\/plugin-ising/m);
  });

  it('is used by a quick study', () => {
    const runDir = join(project.projectDir, 'runs', 'potts');
    const { status, stdout, stderr } = rgae(['study', '--lattice', 'potts', '--scheme', 'plurality', '--preset', 'quick', '--out', runDir, '--json'], project.projectDir);
    expect(status, stderr).toBe(0);

    const summary = JSON.parse(stdout) as { tests: Array<{ id: string }> };
    expect(summary.tests.map((t) => t.id)).toContain('thermometer-flow');
    const results = JSON.parse(readFileSync(join(runDir, 'results.json'), 'utf8')) as { config: { lattice: string; scheme: string }; plugins: Array<{ name: string }> };
    expect(results.config).toMatchObject({ lattice: 'potts', scheme: 'plurality' });
    expect(results.plugins.map((plugin) => plugin.name)).toContain('@rgae/plugin-potts');
    expect(existsSync(join(runDir, 'report.html'))).toBe(true);
  }, 300_000);

  it('exits 2 on a malformed project file', () => {
    const broken = join(scratch, 'broken-project');
    mkdirSync(broken, { recursive: true });
    writeFileSync(join(broken, 'rgae.config.json'), '{ "plugins": "@rgae/plugin-potts" }');
    const { status, stderr } = rgae(['list'], broken);

    expect(status).toBe(2);
    expect(errorLines(stderr)).toEqual([expect.stringMatching(/^Error: Invalid "plugins" in .*rgae\.config\.json: expected a list of package names or paths/)]);
  });
});

describe('rgae plugin new', () => {
  it('creates a plugin package', () => {
    const { status, stdout, stderr } = rgae(['plugin', 'new', 'rgae-plugin-clock', '--dir', 'clock'], scratch);

    expect(status, stderr).toBe(0);
    expect(stdout).toMatch(/Created rgae-plugin-clock in .*clock:/);
    expect(existsSync(join(scratch, 'clock', 'src', 'index.ts'))).toBe(true);
  });

  it('exits 2 on an invalid name', () => {
    const { status, stderr } = rgae(['plugin', 'new', 'Clock'], scratch);

    expect(status).toBe(2);
    expect(errorLines(stderr)).toEqual([expect.stringMatching(/^Error: Invalid package name "Clock": npm names are lower case/)]);
  });
});
