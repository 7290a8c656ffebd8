import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';
import { RgaeError } from '../errors/rgae-error.js';
import { makeFolder } from './make-folder.js';

/**
 * Writes a file atomically: the content goes to a temporary file in the same folder, which is then
 * renamed over the target, so a reader never sees a half-written file.
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  const folder = dirname(path);
  const temporary = join(folder, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await makeFolder(folder);
    await writeFile(temporary, content);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw ioError(path, error);
  }
}

/** Wraps a node:fs error in an RgaeError that names the path and the reason. */
export function ioError(path: string, error: unknown): RgaeError {
  const code = (error as NodeJS.ErrnoException)?.code;
  const reason =
    code === 'EACCES' || code === 'EPERM'
      ? 'permission denied'
      : code === 'ENOTDIR' || code === 'EEXIST'
        ? 'it, or a folder above it, is a file, not a folder'
        : code === 'ENOSPC'
          ? 'no space left on the device'
          : code === 'EROFS'
            ? 'read-only file system'
            : code === 'ENOENT'
              ? 'no such file or folder'
              : error instanceof Error
                ? error.message
                : String(error);
  return new RgaeError('IO', `Cannot write "${path}": ${reason}. Choose a writable location.`, { cause: error });
}
