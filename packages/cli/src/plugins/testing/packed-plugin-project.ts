import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

export interface PackedPluginProjectOptions {
  /** Package folders to pack and install, e.g. packages/core and packages/plugins/potts (each must be built). */
  packageDirs: readonly string[];
  /** Entries of the project's rgae.config.json `plugins` list. */
  plugins: readonly string[];
  /** Folder the temporary folder is created in; default the system temp folder, outside the workspace. */
  parentDir?: string;
}

export interface PackedPluginProject {
  /** Project folder: package.json, rgae.config.json and node_modules installed from the tarballs. */
  projectDir: string;
  tarballs: string[];
  /** Deletes the temporary folder with the tarballs and the project. */
  cleanup(): void;
}

interface Manifest {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

const readManifest = (dir: string): Manifest => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));

function run(command: string, args: string[], cwd: string): string {
  try {
    return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${stdout ?? ''}${stderr ?? ''}`, { cause: error });
  }
}

/**
 * Lists the third-party packages the given workspace packages load at run time, as installed in the
 * workspace (dependencies and required peer dependencies, followed transitively with Node's lookup).
 * `@rgae/*` packages are left out because they come from their own tarballs.
 */
function thirdPartyClosure(packageDirs: readonly string[]): Map<string, string> {
  const versions = new Map<string, string>();
  const pending = [...packageDirs];
  const visited = new Set<string>();

  while (pending.length > 0) {
    const dir = pending.pop()!;
    if (visited.has(dir)) continue;
    visited.add(dir);

    const manifest = readManifest(dir);
    const optionalPeers = Object.entries(manifest.peerDependenciesMeta ?? {}).filter(([, meta]) => meta.optional).map(([name]) => name);
    const names = [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {}).filter((name) => !optionalPeers.includes(name))];
    for (const name of names.filter((candidate) => !candidate.startsWith('@rgae/'))) {
      const installed = (createRequire(join(dir, 'noop.js')).resolve.paths(name) ?? []).map((folder) => join(folder, name)).find((candidate) => existsSync(join(candidate, 'package.json')));
      if (!installed) throw new Error(`${name}, needed by ${manifest.name}, is not installed in the workspace.`);

      const { version } = readManifest(installed);
      const known = versions.get(name);
      if (known !== undefined && known !== version) throw new Error(`${name} is installed at ${known} and ${version}; the project can hold only one.`);
      versions.set(name, version);
      pending.push(installed);
    }
  }
  return versions;
}

/** npm registry tarball address of name@version, the key under which `npm ci` caches the tarball. */
function tarballUrl(registry: string, name: string, version: string): string {
  return `${registry.replace(/\/?$/, '/')}${name}/-/${basename(name)}-${version}.tgz`;
}

/**
 * Packs each package with `npm pack` into a temporary folder outside the workspace, creates a project next to
 * the tarballs, and installs them with `npm install --offline`. The project depends on the tarballs as `file:`
 * specs, and on their third-party dependencies by registry tarball address at the versions installed in the
 * workspace. npm then needs only tarballs that any workspace install (`npm ci` included) leaves in its cache,
 * and no registry index, which `npm ci` does not cache. Writes rgae.config.json with `plugins`. The packages
 * must be built (dist/).
 */
export function createPackedPluginProject(options: PackedPluginProjectOptions): PackedPluginProject {
  const root = mkdtempSync(join(options.parentDir ?? tmpdir(), 'rgae-packed-plugin-'));
  const tarballFolder = join(root, 'tarballs');
  const projectDir = join(root, 'project');
  mkdirSync(tarballFolder);
  mkdirSync(projectDir);

  const tarballs = options.packageDirs.map((dir) => join(tarballFolder, run('npm', ['pack', dir, '--pack-destination', tarballFolder, '--silent'], dir).trim().split('\n').pop()!));
  const registry = run('npm', ['config', 'get', 'registry'], projectDir).trim();
  const dependencies: Record<string, string> = {};
  for (const [name, version] of thirdPartyClosure(options.packageDirs)) dependencies[name] = tarballUrl(registry, name, version);
  options.packageDirs.forEach((dir, i) => (dependencies[readManifest(dir).name] = `file:${tarballs[i]}`));

  writeFileSync(join(projectDir, 'package.json'), JSON.stringify({ name: 'rgae-plugin-project', private: true, type: 'module', dependencies }, null, 2));
  writeFileSync(join(projectDir, 'rgae.config.json'), JSON.stringify({ plugins: options.plugins }, null, 2));
  run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], projectDir);

  return { projectDir, tarballs, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}
