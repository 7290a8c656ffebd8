import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Lints `code` as if it were the file at `path` (relative to the repository root). */
async function lintAs(path: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(code, { filePath: `${root}/${path}` });
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('module boundaries', () => {
  beforeAll(() => {
    // The nx rule reads the cached project graph; computing it takes about a second.
    execFileSync('npx', ['--no-install', 'nx', 'show', 'projects'], {
      cwd: root,
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
      stdio: 'ignore',
    });
  });

  it('hold across the whole workspace', async () => {
    const eslint = new ESLint({ cwd: root });
    const results = await eslint.lintFiles(['packages', 'tools']);
    const problems = results.flatMap((r) => r.messages.map((m) => `${r.filePath}:${m.line} ${m.message}`));
    expect(problems).toEqual([]);
  });

  it.each([
    ['packages/core/src/probe.ts', "import * as tf from '@tensorflow/tfjs';\nexport const x = tf;\n"],
    ['packages/core/src/probe.ts', "import { Command } from '@oclif/core';\nexport const x = Command;\n"],
    ['packages/core/src/probe.ts', "import { GPU } from 'gpu.js';\nexport const x = GPU;\n"],
    ['packages/models/src/probe.ts', "import { x } from '@rgae/cli';\nexport const y = x;\n"],
    ['packages/plugins/ising/src/probe.ts', "import * as tf from '@tensorflow/tfjs';\nexport const x = tf;\n"],
  ])('reject the import in %s: %s', async (path, code) => {
    const messages = await lintAs(path, code);
    expect(messages.some((m) => m.startsWith('@nx/enforce-module-boundaries'))).toBe(true);
  });
});
