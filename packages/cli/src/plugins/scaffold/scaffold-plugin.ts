import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CORE_VERSION, ioError, invalidArgument } from '@rgae/core';
import { parsePluginName } from './plugin-name.js';
import { indexTemplate } from './templates/index-template.js';
import { latticeTemplate } from './templates/lattice-template.js';
import { GITIGNORE_TEMPLATE, packageJsonTemplate, tsconfigTemplates } from './templates/package-files.js';
import { readmeTemplate } from './templates/readme-template.js';
import { samplerTemplate } from './templates/sampler-template.js';
import { schemeTemplate } from './templates/scheme-template.js';
import { testTemplate } from './templates/test-template.js';

export interface ScaffoldOptions {
  /** npm package name of the new plugin, e.g. `rgae-plugin-clock` or `@acme/rgae-plugin-clock`. */
  name: string;
  /** Folder to create; default `<cwd>/<namespace>`. It must not exist or be empty. */
  dir?: string;
  cwd: string;
  /** Version range base of the `@rgae/core` peer dependency; default the running core's version. */
  coreVersion?: string;
}

export interface ScaffoldResult {
  dir: string;
  packageName: string;
  namespace: string;
  /** Written files, relative to `dir`. */
  files: string[];
}

/** Returns the generated files of a plugin package, keyed by path relative to its folder. */
export function pluginFiles(packageName: string, namespace: string, coreVersion: string): Record<string, string> {
  return {
    'package.json': packageJsonTemplate(packageName, coreVersion),
    ...tsconfigTemplates(),
    '.gitignore': GITIGNORE_TEMPLATE,
    'README.md': readmeTemplate(packageName, namespace),
    'src/index.ts': indexTemplate(packageName),
    'src/lattice.ts': latticeTemplate(namespace, packageName),
    'src/sampler.ts': samplerTemplate(),
    'src/scheme.ts': schemeTemplate(namespace),
    'src/plugin.test.ts': testTemplate(namespace),
  };
}

function checkTargetFolder(dir: string): void {
  if (!existsSync(dir)) return;
  if (!statSync(dir).isDirectory()) {
    throw invalidArgument(`Cannot create the plugin in ${dir}: it is a file. Choose another folder with --dir.`);
  }
  if (readdirSync(dir).length > 0) {
    throw invalidArgument(`Cannot create the plugin in ${dir}: the folder is not empty. Choose a new or empty folder with --dir.`);
  }
}

/**
 * Writes a new plugin package: package.json (ESM, `@rgae/core` as a peer dependency), tsconfig files and a
 * README. Its src/ contains an example lattice, sampler and RG scheme, with tests that run the core conformance
 * suites. Throws an RgaeError for an invalid package name or an existing non-empty target folder.
 */
export function scaffoldPlugin(options: ScaffoldOptions): ScaffoldResult {
  const { packageName, namespace } = parsePluginName(options.name);
  const dir = resolve(options.cwd, options.dir ?? namespace);
  checkTargetFolder(dir);

  const files = pluginFiles(packageName, namespace, options.coreVersion ?? CORE_VERSION);
  for (const [path, content] of Object.entries(files)) {
    const target = join(dir, path);
    try {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, content);
    } catch (error) {
      throw ioError(target, error);
    }
  }
  return { dir, packageName, namespace, files: Object.keys(files) };
}
