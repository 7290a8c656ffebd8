import { existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeFolder } from './make-folder.js';

describe('makeFolder', () => {
  it('creates missing parents and accepts an existing folder', async () => {
    const root = mkdtempSync(join(tmpdir(), 'rgae-folder-'));
    const nested = join(root, 'a', 'b', 'c');
    await makeFolder(nested);
    await makeFolder(nested);
    expect(statSync(nested).isDirectory()).toBe(true);
  });

  it('fails on a file in the path', async () => {
    const root = mkdtempSync(join(tmpdir(), 'rgae-folder-'));
    writeFileSync(join(root, 'file'), 'x');
    await expect(makeFolder(join(root, 'file'))).rejects.toMatchObject({ code: 'ENOTDIR' });
    await expect(makeFolder(join(root, 'file', 'sub'))).rejects.toMatchObject({ code: 'ENOTDIR' });
  });

  it.runIf(existsSync('/proc/self'))('fails at once under /proc, where recursive mkdir loops', async () => {
    await expect(makeFolder('/proc/rgae-no-such-folder/data')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
