import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareRunDirectory } from './run-directory.js';
import type { StudyConfig } from './study-config.js';
import { parseStudyFile } from './study-file.js';

describe('parseStudyFile', () => {
  it('reads YAML and JSON with ranges', () => {
    expect(parseStudyFile('linearSize: 16\ntemperatures: "2:3:0.5"\nscheme: majority\n', 'study.yaml')).toEqual({
      linearSize: 16,
      temperatures: [2, 2.5, 3],
      scheme: 'majority',
    });
    expect(parseStudyFile('{"betas": [0.4, 0.5], "preset": "quick"}', 'study.json')).toEqual({ betas: [0.4, 0.5], preset: 'quick' });
  });

  it.each([
    ['lineSize: 16', /Unknown field "lineSize" in study file "s.yaml". Did you mean "linearSize"\?/],
    ['linearSize: sixteen', /Field "linearSize" in study file "s.yaml" is "sixteen"; expected an integer/],
    ['preset: fast', /Field "preset" .* expected one of quick, default, paper/],
    ['temperatures: "3:1:0.5"', /stop 1 is below start 3/],
    ['- 1\n- 2', /must hold an object/],
    ['a: [1,', /not valid YAML/],
  ])('rejects %j naming the field', (text, message) => {
    expect(() => parseStudyFile(text, 's.yaml')).toThrow(message);
  });

  it('rejects other extensions', () => {
    expect(() => parseStudyFile('{}', 'study.toml')).toThrow(/must end in .json, .yaml or .yml/);
  });
});

describe('prepareRunDirectory', () => {
  const config = { linearSize: 16, seed: 1 } as unknown as StudyConfig;
  const record = (c: StudyConfig) => ({ config: c, versions: {}, plugins: [] });

  it('starts, resumes the same spec, and refuses another unless forced', async () => {
    const runDir = join(mkdtempSync(join(tmpdir(), 'rgae-run-')), 'run');
    expect((await prepareRunDirectory(runDir, record(config), false)).state).toBe('new');
    expect((await prepareRunDirectory(runDir, record(config), false)).state).toBe('resumed');

    const other = { ...config, linearSize: 32 } as StudyConfig;
    await expect(prepareRunDirectory(runDir, record(other), false)).rejects.toThrow(/contains another study \(differs in: linearSize\)\. Pass --force/);
    expect((await prepareRunDirectory(runDir, record(other), true)).state).toBe('replaced');
  });

  it('keeps foreign folders even with --force', async () => {
    const runDir = mkdtempSync(join(tmpdir(), 'rgae-foreign-'));
    await import('node:fs/promises').then((fs) => fs.writeFile(join(runDir, 'thesis.tex'), 'precious'));
    await expect(prepareRunDirectory(runDir, record(config), true)).rejects.toThrow(/contains no rgae study/);
  });
});
