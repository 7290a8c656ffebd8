import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORE_VERSION, Registry, isPlugin, isRgaeError } from '@rgae/core';
import { afterAll, describe, expect, it } from 'vitest';
import { parsePluginName } from './plugin-name.js';
import { scaffoldPlugin } from './scaffold-plugin.js';

const repositoryRoot = fileURLToPath(new URL('../../../../../', import.meta.url));

// Generated under the repository (test-results/ is git-ignored) so that the generated sources resolve
// vitest, typescript and @rgae/core from the workspace node_modules, as an installed plugin would.
mkdirSync(join(repositoryRoot, 'test-results'), { recursive: true });
const workFolder = mkdtempSync(join(repositoryRoot, 'test-results', 'plugin-new-'));
afterAll(() => rmSync(workFolder, { recursive: true, force: true }));

const generated = scaffoldPlugin({ name: '@acme/rgae-plugin-demo', cwd: workFolder });

function rgaeErrorOf(action: () => unknown): Error {
  try {
    action();
  } catch (error) {
    expect(isRgaeError(error)).toBe(true);
    return error as Error;
  }
  throw new Error('expected an RgaeError, but nothing was thrown');
}

describe('scaffoldPlugin', () => {
  it('writes the package files', () => {
    expect(generated.dir).toBe(join(workFolder, 'demo'));
    expect(generated.files.sort()).toEqual([
      '.gitignore',
      'README.md',
      'package.json',
      'src/index.ts',
      'src/lattice.ts',
      'src/plugin.test.ts',
      'src/sampler.ts',
      'src/scheme.ts',
      'tsconfig.build.json',
      'tsconfig.json',
    ]);
  });

  it('declares core as a peer dependency', () => {
    const manifest = JSON.parse(readFileSync(join(generated.dir, 'package.json'), 'utf8'));

    expect(manifest.name).toBe('@acme/rgae-plugin-demo');
    expect(manifest.type).toBe('module');
    expect(manifest.peerDependencies).toEqual({ '@rgae/core': `^${CORE_VERSION}` });
    expect(manifest.dependencies).toBeUndefined();
    expect(manifest.oclif).toEqual({});
  });

  it('registers its example through a Registry', async () => {
    const module = await import(join(generated.dir, 'src', 'index.ts'));
    expect(isPlugin(module.default)).toBe(true);

    const registry = new Registry();
    registry.load(module.default);
    expect(registry.list().map((entry) => `${entry.kind} ${entry.id} ${entry.plugin}`)).toEqual([
      'lattice demo/spins @acme/rgae-plugin-demo',
      'sampler heat-bath @acme/rgae-plugin-demo',
      'scheme demo/decimation @acme/rgae-plugin-demo',
    ]);
  });

  it('type-checks with its tests', () => {
    // The check config points @rgae/core at its sources, so the result does not depend on a stale dist/.
    const checkConfig = join(generated.dir, 'tsconfig.check.json');
    const coreSources = join(repositoryRoot, 'packages', 'core', 'src');
    writeFileSync(
      checkConfig,
      JSON.stringify({
        extends: './tsconfig.json',
        compilerOptions: {
          noEmit: true,
          rootDir: repositoryRoot,
          paths: { '@rgae/core': [join(coreSources, 'index.ts')], '@rgae/core/testing': [join(coreSources, 'testing', 'index.ts')] },
        },
      }),
    );
    const tsc = join(repositoryRoot, 'node_modules', 'typescript', 'bin', 'tsc');

    expect(() => execFileSync(process.execPath, [tsc, '-p', checkConfig], { encoding: 'utf8', stdio: 'pipe' })).not.toThrow();
  });

  it('rejects an existing non-empty folder', () => {
    const error = rgaeErrorOf(() => scaffoldPlugin({ name: 'rgae-plugin-demo', dir: generated.dir, cwd: workFolder }));
    expect(error.message).toMatch(/Cannot create the plugin in .*demo: the folder is not empty\. Choose a new or empty folder with --dir\./);
  });

  it('rejects a file as the folder', () => {
    const file = join(workFolder, 'a-file');
    writeFileSync(file, '');
    expect(rgaeErrorOf(() => scaffoldPlugin({ name: 'rgae-plugin-x', dir: file, cwd: workFolder })).message).toMatch(/it is a file/);
  });

  it('writes into an existing empty folder', () => {
    const empty = join(workFolder, 'empty');
    mkdirSync(empty);
    expect(scaffoldPlugin({ name: 'rgae-plugin-empty', dir: empty, cwd: workFolder }).files).toContain('src/index.ts');
  });
});

describe('parsePluginName', () => {
  it('derives the id namespace', () => {
    expect(parsePluginName('@acme/rgae-plugin-clock').namespace).toBe('clock');
    expect(parsePluginName('rgae-plugin-clock').namespace).toBe('clock');
    expect(parsePluginName('plugin-clock').namespace).toBe('clock');
    expect(parsePluginName('clock~model').namespace).toBe('clock-model');
    expect(parsePluginName('@acme/lattices').namespace).toBe('lattices');
  });

  it.each([
    ['Clock', /Invalid package name "Clock": npm names are lower case/],
    ['my plugin', /Invalid package name "my plugin"/],
    ['.hidden', /Invalid package name "\.hidden"/],
    ['_private', /Invalid package name "_private"/],
    ['@acme', /Invalid package name "@acme"/],
    ['', /Invalid package name ""/],
    ['x'.repeat(215), /215 characters, npm accepts at most 214/],
    ['~~', /needs a letter or digit to name the plugin's ids/],
  ])('rejects %j', (name, message) => {
    expect(rgaeErrorOf(() => parsePluginName(name)).message).toMatch(message);
  });
});

describe('generated plugin tests', async () => {
  // The generated conformance suites register their tests here, so this run executes them.
  await import(join(generated.dir, 'src', 'plugin.test.ts'));
});
