import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ioError, makeFolder, writeFileAtomic } from '@rgae/core';

/**
 * Creates the output folder and proves it writable before any work starts, so an unwritable --out fails
 * at once with nothing written.
 */
export async function prepareOutputFolder(folder: string): Promise<void> {
  try {
    await makeFolder(folder);
  } catch (error) {
    throw ioError(folder, error);
  }
  const probe = join(folder, `.rgae-write-check-${process.pid}`);
  try {
    await writeFileAtomic(probe, '');
  } catch (error) {
    throw ioError(folder, (error as { cause?: unknown }).cause ?? error);
  }
  await rm(probe, { force: true });
}
