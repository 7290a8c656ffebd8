import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runStages, type StageDefinition } from './stage-runner.js';

interface Config {
  size: number;
  label: string;
}

function countingStages(calls: string[], failIn?: string): StageDefinition<Config>[] {
  return [
    {
      name: 'data',
      version: 1,
      dependsOn: [],
      inputs: (c) => ({ size: c.size }),
      async run(context) {
        calls.push('data');
        writeFileSync(join(context.outputDir, 'values.json'), JSON.stringify([context.config.size]));
        return { count: context.config.size };
      },
    },
    {
      name: 'report',
      version: 1,
      dependsOn: ['data'],
      inputs: (c) => ({ label: c.label }),
      async run(context) {
        calls.push('report');
        if (failIn === 'report') throw new Error('killed');
        const values = JSON.parse(await readFile(join(context.upstream.data.dir, 'values.json'), 'utf8')) as number[];
        return { text: `${context.config.label}:${values[0]}` };
      },
    },
  ];
}

describe('runStages', () => {
  it('skips stages whose inputs are unchanged', async () => {
    const runDir = mkdtempSync(join(tmpdir(), 'rgae-stages-'));
    const calls: string[] = [];
    await runStages(countingStages(calls), { runDir, config: { size: 3, label: 'a' } });
    const again = await runStages(countingStages(calls), { runDir, config: { size: 3, label: 'a' } });
    expect(calls).toEqual(['data', 'report']);
    expect(again.report.cached).toBe(true);
    expect(again.report.summary).toEqual({ text: 'a:3' });
  });

  it('reruns a stage and its dependants when its inputs change, and only those', async () => {
    const runDir = mkdtempSync(join(tmpdir(), 'rgae-stages-'));
    const calls: string[] = [];
    await runStages(countingStages(calls), { runDir, config: { size: 3, label: 'a' } });
    await runStages(countingStages(calls), { runDir, config: { size: 3, label: 'b' } });
    await runStages(countingStages(calls), { runDir, config: { size: 4, label: 'b' } });
    expect(calls).toEqual(['data', 'report', 'report', 'data', 'report']);
  });

  it('leaves no half-written stage after a failure and resumes at the failed stage', async () => {
    const runDir = mkdtempSync(join(tmpdir(), 'rgae-stages-'));
    const calls: string[] = [];
    await expect(runStages(countingStages(calls, 'report'), { runDir, config: { size: 3, label: 'a' } })).rejects.toThrow('killed');
    expect(readdirSync(join(runDir, 'stages')).filter((n) => !n.startsWith('.'))).toEqual(['data']);

    const result = await runStages(countingStages(calls), { runDir, config: { size: 3, label: 'a' } });
    expect(calls).toEqual(['data', 'report', 'report']);
    expect(result.report.summary).toEqual({ text: 'a:3' });
    expect(readdirSync(join(runDir, 'stages')).sort()).toEqual(['data', 'report']);
  });
});
