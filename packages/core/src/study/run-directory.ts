import { readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { RgaeError } from '../errors/rgae-error.js';
import { ioError, writeFileAtomic } from '../io/atomic-write.js';
import { stableHash } from './stable-hash.js';
import type { StudyConfig } from './study-config.js';
import { makeFolder } from '../io/make-folder.js';

export const STUDY_FORMAT = 'rgae.study';
export const STUDY_FORMAT_VERSION = 1;

/** Content of study.json: the resolved config plus provenance. */
export interface StudyRecord {
  format: typeof STUDY_FORMAT;
  formatVersion: number;
  specHash: string;
  config: StudyConfig;
  versions: Record<string, string>;
  plugins: Array<{ name: string; version: string }>;
  createdAt: string;
}

export type RunDirectoryState = 'new' | 'resumed' | 'replaced';

/**
 * Prepares the run directory. A missing or empty folder starts a new run, and a folder containing a study with
 * the same config resumes it. A study with another config is rejected unless `force`, which replaces it. A
 * non-empty folder that is not an rgae run is always rejected, so --force never deletes foreign files.
 */
export async function prepareRunDirectory(
  runDir: string,
  record: Omit<StudyRecord, 'format' | 'formatVersion' | 'specHash' | 'createdAt'>,
  force: boolean,
): Promise<{ state: RunDirectoryState; record: StudyRecord }> {
  const specHash = stableHash(record.config);
  const entries = await listFolder(runDir);
  let state: RunDirectoryState = 'new';

  if (entries.length > 0) {
    const existing = await readStudyRecord(join(runDir, 'study.json'));
    if (!existing) {
      throw new RgaeError(
        'INVALID_ARGUMENT',
        `--out "${runDir}" is a non-empty folder that contains no rgae study (no study.json). Choose an empty or new folder.`,
      );
    }
    if (existing.specHash === specHash) {
      return { state: 'resumed', record: existing };
    }
    if (!force) {
      const changed = Object.keys(record.config).filter(
        (key) => stableHash((existing.config as unknown as Record<string, unknown>)[key]) !== stableHash((record.config as unknown as Record<string, unknown>)[key]),
      );
      throw new RgaeError(
        'INVALID_ARGUMENT',
        `--out "${runDir}" contains another study (differs in: ${changed.join(', ')}). Pass --force to replace it, or choose another --out.`,
      );
    }
    for (const entry of entries) await rm(join(runDir, entry), { recursive: true, force: true });
    state = 'replaced';
  }

  try {
    await makeFolder(runDir);
  } catch (error) {
    throw ioError(runDir, error);
  }
  const full: StudyRecord = { format: STUDY_FORMAT, formatVersion: STUDY_FORMAT_VERSION, specHash, createdAt: new Date().toISOString(), ...record };
  await writeFileAtomic(join(runDir, 'study.json'), JSON.stringify(full, null, 2) + '\n');
  return { state, record: full };
}

async function listFolder(path: string): Promise<string[]> {
  try {
    return await readdir(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return [];
    if (code === 'ENOTDIR') throw new RgaeError('INVALID_ARGUMENT', `--out "${path}" is a file, not a folder. Choose a folder.`);
    throw ioError(path, error);
  }
}

async function readStudyRecord(path: string): Promise<StudyRecord | undefined> {
  try {
    const record = JSON.parse(await readFile(path, 'utf8')) as StudyRecord;
    return record.format === STUDY_FORMAT ? record : undefined;
  } catch {
    return undefined;
  }
}
