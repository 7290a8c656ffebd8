import { readFile } from 'node:fs/promises';
import { RgaeError, writeFileAtomic } from '@rgae/core';

/** A small JSON file that rgae writes beside saved models, tagged with its format and version. */
export interface JsonRecord {
  format: string;
  formatVersion: number;
}

export async function writeJsonRecord(path: string, record: JsonRecord): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(record, null, 2)}\n`);
}

/** Reads a record written by `writeJsonRecord`; a missing, unparsable or foreign file throws an RgaeError naming it. */
export async function readJsonRecord<R extends JsonRecord>(path: string, format: string, formatVersion: number): Promise<R> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    const reason = missing ? 'the file does not exist' : (error as Error).message;
    throw new RgaeError('IO', `Cannot read "${path}": ${reason}. Point to a folder that rgae saved the model into.`, { cause: error });
  }

  let record: Partial<JsonRecord> | null;
  try {
    record = JSON.parse(text) as Partial<JsonRecord> | null;
  } catch (error) {
    throw new RgaeError('CORRUPT_FILE', `File "${path}" is corrupt: it is not valid JSON (${(error as Error).message}). Save the model again.`);
  }
  if (record?.format !== format) {
    throw new RgaeError('CORRUPT_FILE', `File "${path}" is not an ${format} record (format ${JSON.stringify(record?.format)}). Point to a folder that contains one.`);
  }
  if (record.formatVersion !== formatVersion) {
    throw new RgaeError(
      'CORRUPT_FILE',
      `File "${path}" has ${format} version ${String(record.formatVersion)}; this rgae reads version ${formatVersion}. Save the model again with this version.`,
    );
  }
  return record as R;
}
