import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { RgaeError } from '../errors/rgae-error.js';
import { nearest } from '../errors/suggest.js';
import { STUDY_PRESETS, TRAINING_BACKENDS, type StudyOptions } from './study-config.js';
import { parseValueList } from './value-list.js';

type FieldKind = 'string' | 'integer' | 'number' | 'numbers' | 'strings' | 'enum';

const FIELDS: Record<keyof StudyOptions, { kind: FieldKind; values?: readonly string[] }> = {
  preset: { kind: 'enum', values: STUDY_PRESETS },
  lattice: { kind: 'string' },
  sampler: { kind: 'string' },
  scheme: { kind: 'string' },
  model: { kind: 'string' },
  tests: { kind: 'strings' },
  linearSize: { kind: 'integer' },
  blockSize: { kind: 'integer' },
  levels: { kind: 'integer' },
  temperatures: { kind: 'numbers' },
  betas: { kind: 'numbers' },
  nSamples: { kind: 'integer' },
  epochs: { kind: 'integer' },
  fineTuneEpochs: { kind: 'integer' },
  thermometerEpochs: { kind: 'integer' },
  thermometerSamples: { kind: 'integer' },
  seed: { kind: 'integer' },
  backend: { kind: 'enum', values: TRAINING_BACKENDS },
  coupling: { kind: 'number' },
  field: { kind: 'number' },
  dataset: { kind: 'string' },
};

const EXPECTED: Record<FieldKind, string> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  numbers: 'a list of numbers or a range "start:stop:step"',
  strings: 'a list of strings',
  enum: 'one of',
};

/**
 * Reads a study file (`.json`, `.yaml` or `.yml`) holding the same fields as the `rgae study` flags
 * (camelCase: linearSize, blockSize, temperatures, …). Errors name the file, the field and the problem.
 */
export async function readStudyFile(path: string): Promise<StudyOptions> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'EISDIR' ? 'it is a folder, not a file' : 'it does not exist or is unreadable';
    throw new RgaeError('IO', `Cannot read the study file "${path}": ${reason}.`);
  }
  return parseStudyFile(text, path);
}

export function parseStudyFile(text: string, path: string): StudyOptions {
  const extension = extname(path).toLowerCase();
  if (!['.json', '.yaml', '.yml'].includes(extension)) {
    throw new RgaeError('INVALID_ARGUMENT', `Study file "${path}" must end in .json, .yaml or .yml.`);
  }

  let value: unknown;
  try {
    value = extension === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new RgaeError('INVALID_ARGUMENT', `Study file "${path}" is not valid ${extension === '.json' ? 'JSON' : 'YAML'}: ${reason}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new RgaeError('INVALID_ARGUMENT', `Study file "${path}" must hold an object of study fields, e.g. { "linearSize": 16 }.`);
  }

  const options: Record<string, unknown> = {};
  for (const [field, raw] of Object.entries(value)) {
    options[field] = checkField(path, field, raw);
  }
  return options as StudyOptions;
}

function checkField(path: string, field: string, raw: unknown): unknown {
  const spec = FIELDS[field as keyof StudyOptions];
  if (!spec) {
    const guess = nearest(field, Object.keys(FIELDS));
    throw new RgaeError(
      'INVALID_ARGUMENT',
      `Unknown field "${field}" in study file "${path}".${guess ? ` Did you mean "${guess}"?` : ''} Accepted fields: ${Object.keys(FIELDS).join(', ')}.`,
    );
  }
  const fail = () => {
    const expected = spec.kind === 'enum' ? `${EXPECTED.enum} ${spec.values!.join(', ')}` : EXPECTED[spec.kind];
    return new RgaeError('INVALID_ARGUMENT', `Field "${field}" in study file "${path}" is ${JSON.stringify(raw)}; expected ${expected}.`);
  };

  switch (spec.kind) {
    case 'string':
      if (typeof raw !== 'string' || raw.length === 0) throw fail();
      return raw;
    case 'enum':
      if (typeof raw !== 'string' || !spec.values!.includes(raw)) throw fail();
      return raw;
    case 'integer':
      if (typeof raw !== 'number' || !Number.isInteger(raw)) throw fail();
      return raw;
    case 'number':
      if (typeof raw !== 'number' || !Number.isFinite(raw)) throw fail();
      return raw;
    case 'strings':
      if (!Array.isArray(raw) || raw.some((item) => typeof item !== 'string')) throw fail();
      return raw;
    case 'numbers':
      if (typeof raw === 'string') return parseValueList(raw, `"${field}" in ${path}`);
      if (!Array.isArray(raw) || raw.length === 0 || raw.some((item) => typeof item !== 'number' || !Number.isFinite(item))) throw fail();
      return raw;
  }
}
