import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root, from this file's place in packages/cli/src/testing. */
export const repositoryRoot = fileURLToPath(new URL('../../../../', import.meta.url));
export const cliEntry = join(repositoryRoot, 'packages', 'cli', 'bin', 'run.js');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Throws when the CLI has not been built: the end-to-end tests run `dist/`, which `npm test` builds first. */
export function assertBuilt(): void {
  const entry = join(repositoryRoot, 'packages', 'cli', 'dist', 'commands', 'study.js');
  if (!existsSync(entry)) throw new Error(`Build first (npm run build): missing ${entry}.`);
}

/** Environment isolating oclif's data, config and cache folders, so plugins installed on this machine stay out. */
export function isolatedEnvironment(scratch: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    RGAE_DATA_DIR: join(scratch, 'oclif-data'),
    RGAE_CONFIG_DIR: join(scratch, 'oclif-config'),
    RGAE_CACHE_DIR: join(scratch, 'oclif-cache'),
    CI: 'true',
  };
}

/** Runs the built `rgae` with arguments in `cwd` and waits for it. */
export function runCli(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env): CliResult {
  const result = spawnSync(process.execPath, [cliEntry, ...args], { cwd, env, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Starts the built `rgae` without waiting, for tests that kill it. */
export function startCli(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env) {
  return spawn(process.execPath, [cliEntry, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
}

export function scratchFolder(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `rgae-${prefix}-`));
}

/** Lines of stderr that the CLI printed as errors. */
export function errorLines(stderr: string): string[] {
  return stderr.split('\n').filter((line) => line.startsWith('Error: '));
}
