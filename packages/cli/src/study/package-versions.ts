import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const PACKAGES = ['@rgae/core', '@rgae/plugin-ising', '@rgae/plugin-xy', '@rgae/rg-schemes', '@rgae/models', '@rgae/study-tests', '@rgae/report', '@rgae/cli', '@tensorflow/tfjs'];

/** Versions of rgae's packages and TensorFlow.js as installed, stored in study.json beside the results. */
export async function packageVersions(): Promise<Record<string, string>> {
  const require = createRequire(import.meta.url);
  const versions: Record<string, string> = { node: process.version };
  for (const name of PACKAGES) {
    try {
      const path = require.resolve(`${name}/package.json`);
      versions[name] = (JSON.parse(await readFile(path, 'utf8')) as { version: string }).version;
    } catch {
      versions[name] = 'unresolved';
    }
  }
  return versions;
}
