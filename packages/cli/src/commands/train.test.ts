import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, errorLines, isolatedEnvironment, runCli, scratchFolder } from '../testing/run-cli.js';

const scratch = scratchFolder('train');
const env = isolatedEnvironment(scratch);
const data = join(scratch, 'data');
beforeAll(() => {
  assertBuilt();
  const sample = runCli(['sample', '-L', '8', '--temperatures', '2,3', '--samples', '60', '--out', data], scratch, env);
  expect(sample.status, sample.stderr).toBe(0);
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('rgae train', () => {
  it('trains both models on existing ensembles and prints every epoch', () => {
    const out = join(scratch, 'run');
    const { status, stdout, stderr } = runCli(['train', '--model', 'conv-ae', '--scheme', 'majority', '--data', data, '--out', out, '--epochs', '2'], scratch, env);
    expect(status, stderr).toBe(0);

    const epochLines = stdout.split('\n').filter((line) => /^(rg-encoder|rg-decoder|ae)\s+\d\/2\s/.test(line));
    expect(epochLines).toHaveLength(6);
    for (const folder of ['rg/model/encoder/model.json', 'rg/model/decoder/model.json', 'ae/model/encoder/model.json', 'history.json']) expect(existsSync(join(out, folder)), folder).toBe(true);
    const history = JSON.parse(readFileSync(join(out, 'history.json'), 'utf8'));
    expect(history.ae.epochs.map((e: { loss: number }) => Number.isFinite(e.loss))).toEqual([true, true]);
  });

  it('rejects missing data and a misfit b', () => {
    const missing = runCli(['train', '--data', join(scratch, 'nothing'), '--out', join(scratch, 'x')], scratch, env);
    expect(missing.status).toBe(2);
    expect(errorLines(missing.stderr)[0]).toMatch(/Cannot read the ensemble folder ".*nothing"/);

    const misfit = runCli(['train', '--data', data, '--out', join(scratch, 'y'), '-b', '3'], scratch, env);
    expect(misfit.status).toBe(2);
    expect(errorLines(misfit.stderr)[0]).toMatch(/L = 8.*b = 3|b = 3.*L = 8/);
  });
});
