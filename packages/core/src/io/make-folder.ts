import { mkdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

/**
 * Creates a folder and its missing parents, like `mkdir -p`. Node's `mkdir(path, { recursive: true })` is not
 * used because on Node 20 it loops forever where a parent exists but refuses children (e.g. `/proc/x`);
 * this walks up one level at a time and fails with the first error instead.
 */
export async function makeFolder(path: string): Promise<void> {
  const absolute = resolve(path);
  try {
    await mkdir(absolute);
    return;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return assertFolder(absolute, error);
    if (code !== 'ENOENT' || dirname(absolute) === absolute) throw error;
  }

  await makeFolder(dirname(absolute));
  try {
    await mkdir(absolute);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    await assertFolder(absolute, error);
  }
}

async function assertFolder(path: string, error: unknown): Promise<void> {
  if (!(await stat(path)).isDirectory()) throw Object.assign(new Error(`${path} is not a folder`), { code: 'ENOTDIR', cause: error });
}
