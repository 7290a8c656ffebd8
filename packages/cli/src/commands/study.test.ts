import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkReportInBrowser } from '@rgae/report';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, errorLines, isolatedEnvironment, runCli, scratchFolder, startCli } from '../testing/run-cli.js';

const scratch = scratchFolder('study');
const env = isolatedEnvironment(scratch);
const ISING_CRITICAL_TEMPERATURE = 2 / Math.log(1 + Math.SQRT2);

beforeAll(assertBuilt);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface ResultsFile {
  config: { points: Array<{ temperature: number }> };
  results: Array<{ id: string; verdict: string; tables: Array<{ id: string; columns: string[]; rows: Array<Array<string | number | null>> }> }>;
}

const readResults = (runDir: string) => JSON.parse(readFileSync(join(runDir, 'results.json'), 'utf8')) as ResultsFile;

describe('rgae study on the default preset', () => {
  const runDir = join(scratch, 'default');
  let results: ResultsFile;

  beforeAll(() => {
    const { status, stderr } = runCli(['study', '--scheme', 'majority', '--model', 'conv-ae', '--out', runDir, '--json'], scratch, env);
    expect(status, stderr).toBe(0);
    results = readResults(runDir);
  }, 900_000);

  it('runs all six tests', () => {
    expect(results.results.map((r) => r.id)).toEqual(['losses', 'thermometer-flow', 'weights', 'correlations', 'entropy', 'observables']);
    for (const result of results.results) expect(result.verdict.length, result.id).toBeGreaterThan(20);
  });

  it('fills both models\u2019 tables with numbers', () => {
    for (const result of results.results) {
      expect(result.tables.length, result.id).toBeGreaterThan(0);
      for (const table of result.tables) {
        expect(table.rows.length, `${result.id}/${table.id}`).toBeGreaterThan(0);
        const columns = table.columns.join(' ');
        if (/RG-embedded/.test(columns) || /plain AE/.test(columns)) {
          for (const model of ['RG-embedded', 'plain AE']) {
            const indices = table.columns.flatMap((c, i) => (c.includes(model) && !/direction/.test(c) ? [i] : []));
            expect(indices.length, `${result.id}/${table.id} has ${model} columns`).toBeGreaterThan(0);
            const numbers = table.rows.flatMap((row) => indices.map((i) => row[i])).filter((v) => typeof v === 'number' && Number.isFinite(v));
            expect(numbers.length, `${result.id}/${table.id} ${model} numbers`).toBeGreaterThan(0);
          }
        }
      }
    }
  });

  it('shows the majority flow running colder below T_c and hotter above', () => {
    const flow = results.results.find((r) => r.id === 'thermometer-flow')!.tables[0];
    const temperature = flow.columns.indexOf('temperature T');
    const reading = flow.columns.indexOf('scheme S(x) T′');
    const error = flow.columns.indexOf('scheme S(x) T′ error');
    for (const row of flow.rows) {
      const [t, tPrime, sigma] = [row[temperature], row[reading], row[error]] as number[];
      // Points within 0.15 of T_c flow too little to resolve at this size; all others must move clearly.
      if (Math.abs(t - ISING_CRITICAL_TEMPERATURE) < 0.15) continue;
      if (t < ISING_CRITICAL_TEMPERATURE) expect(tPrime + 2 * sigma, `T = ${t}`).toBeLessThan(t);
      else expect(tPrime - 2 * sigma, `T = ${t}`).toBeGreaterThan(t);
    }
  });

  it('writes the run directory', () => {
    for (const entry of ['study.json', 'results.json', 'report.html', 'tables', 'figures', 'models', 'stages']) expect(existsSync(join(runDir, entry)), entry).toBe(true);
    const figures = readdirSync(join(runDir, 'figures'));
    expect(figures.filter((f) => f.endsWith('.svg')).length).toBeGreaterThanOrEqual(6);
    expect(figures.filter((f) => f.endsWith('.png')).length).toBe(figures.filter((f) => f.endsWith('.svg')).length);
    expect(readdirSync(join(runDir, 'tables')).some((f) => f.endsWith('.csv'))).toBe(true);
    expect(readdirSync(join(runDir, 'models')).sort()).toEqual(['ae', 'rg']);
    const study = JSON.parse(readFileSync(join(runDir, 'study.json'), 'utf8'));
    expect(study.config).toMatchObject({ scheme: 'majority', model: 'conv-ae', lattice: 'ising', seed: 1 });
    expect(study.versions['@rgae/core']).toBe('0.1.0');
  });

  it('opens report.html in headless Chromium with every figure loaded and no console errors', async () => {
    const check = await checkReportInBrowser(join(runDir, 'report.html'));
    expect(check.consoleErrors).toEqual([]);
    expect(check.blockedRequests).toEqual([]);
    expect(check.images.total).toBeGreaterThanOrEqual(6);
    expect(check.images.loaded).toBe(check.images.total);
  }, 120_000);
});

describe('rgae study resumes after SIGKILL', () => {
  const args = ['study', '--preset', 'quick', '--epochs', '10', '--seed', '4'];

  it('gives the same results.json as an uninterrupted run', async () => {
    const reference = join(scratch, 'uninterrupted');
    expect(runCli([...args, '--out', reference], scratch, env).status).toBe(0);

    const killed = join(scratch, 'killed');
    const child = startCli([...args, '--out', killed], scratch, env);
    const checkpoint = await waitFor(() => hasCheckpoint(join(killed, 'work')), 300_000);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));

    expect(checkpoint).toBe(true);
    expect(existsSync(join(killed, 'results.json'))).toBe(false);
    const resumed = runCli([...args, '--out', killed], scratch, env);
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(resumed.stderr).toMatch(/Resuming study/);
    expect(resumed.stderr).toMatch(/ensembles: cached/);

    expect(readFileSync(join(killed, 'results.json'), 'utf8')).toBe(readFileSync(join(reference, 'results.json'), 'utf8'));
  }, 600_000);
});

/** True once a training checkpoint exists under the run's work folder (training is under way). */
function hasCheckpoint(workDir: string): boolean {
  if (!existsSync(workDir)) return false;
  return readdirSync(workDir, { recursive: true }).some((entry) => String(entry).includes('rg-model') && /epoch|checkpoint|\.json$/.test(String(entry)));
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return false;
}

describe('rgae study --dataset', () => {
  it('studies ensembles written by another program', () => {
    const dataset = join(scratch, 'external');
    const sample = runCli(['sample', '-L', '8', '--temperatures', '1.8,2.3,2.8', '--samples', '60', '--out', dataset], scratch, env);
    expect(sample.status, sample.stderr).toBe(0);
    // Another program's files: .npy only, temperatures in one manifest.
    const manifest: Record<string, number> = {};
    for (const name of readdirSync(dataset).filter((n) => n.endsWith('.json'))) {
      const sidecar = JSON.parse(readFileSync(join(dataset, name), 'utf8')) as { temperature: number };
      manifest[name.replace(/\.json$/, '.npy')] = sidecar.temperature;
      rmSync(join(dataset, name));
    }
    writeFileSync(join(dataset, 'temperatures.json'), JSON.stringify(manifest));

    const runDir = join(scratch, 'external-run');
    const { status, stderr } = runCli(['study', '--preset', 'quick', '-L', '8', '--dataset', dataset, '--out', runDir], scratch, env);
    expect(status, stderr).toBe(0);
    const results = readResults(runDir);
    expect(results.config.points.map((p) => p.temperature)).toEqual([1.8, 2.3, 2.8]);
    expect(results.results.length).toBe(6);
  }, 300_000);
});

describe('rgae study bad input', () => {
  const bad: Array<[string, string[], RegExp]> = [
    ['an unknown scheme', ['--scheme', 'majorty'], /Unknown RG scheme "majorty"\. Registered schemes: .*Did you mean "majority"\?/],
    ['an unknown model', ['--model', 'conv-a'], /Unknown architecture "conv-a"\. .*Did you mean "conv-ae"\?/],
    ['an unknown test', ['--tests', 'losses,entropie'], /Unknown study test "entropie"\..*Did you mean "entropy"\?/],
    ['a scheme that does not support the lattice', ['--lattice', 'xy', '--scheme', 'majority'], /RG scheme "majority" does not support lattice "xy"\. Schemes that do: decimation, block-average/],
    ['a model that cannot take L and b', ['-L', '18', '-b', '4'], /L = 18 is not divisible by b\^k = 4\^1 = 4/],
    ['a thermometer as the model', ['--model', 'thermometer'], /"thermometer" is a thermometer, not an autoencoder/],
    ['an unavailable backend', ['--backend', 'node'], /Backend "node" is unavailable: .*npm install @tensorflow\/tfjs-node/],
    ['an unknown backend', ['--backend', 'wsam'], /Unknown backend "wsam"\. Accepted backends: auto, node, wasm, cpu\. Did you mean "wasm"\?/],
  ];

  it.each(bad)('rejects %s', (_, args, message) => {
    const out = join(scratch, `bad-${Math.random().toString(36).slice(2)}`);
    const { status, stderr } = runCli(['study', '--preset', 'quick', '--out', out, ...args], scratch, env);
    expect(status).toBe(2);
    expect(errorLines(stderr)).toHaveLength(1);
    expect(errorLines(stderr)[0]).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });

  it('names the field of a malformed study file', () => {
    const file = join(scratch, 'study.yaml');
    writeFileSync(file, 'preset: quick\nlinearSize: 16\nepoch: 3\n');
    const { status, stderr } = runCli(['study', '--config', file, '--out', join(scratch, 'never')], scratch, env);
    expect(status).toBe(2);
    expect(errorLines(stderr)[0]).toMatch(/Unknown field "epoch" in study file ".*study.yaml"\. Did you mean "epochs"\?/);
  });

  it('refuses the run directory of another study unless --force', () => {
    const runDir = join(scratch, 'taken');
    mkdirSync(runDir);
    writeFileSync(join(runDir, 'study.json'), JSON.stringify({ format: 'rgae.study', specHash: 'other', config: { linearSize: 32 } }));
    const refused = runCli(['study', '--preset', 'quick', '--out', runDir], scratch, env);
    expect(refused.status).toBe(2);
    expect(errorLines(refused.stderr)[0]).toMatch(/contains another study \(differs in: .*linearSize.*\)\. Pass --force to replace it/);

    const foreign = join(scratch, 'foreign');
    mkdirSync(foreign);
    writeFileSync(join(foreign, 'notes.txt'), 'keep me');
    const forced = runCli(['study', '--preset', 'quick', '--out', foreign, '--force'], scratch, env);
    expect(forced.status).toBe(2);
    expect(errorLines(forced.stderr)[0]).toMatch(/non-empty folder that contains no rgae study/);
    expect(readFileSync(join(foreign, 'notes.txt'), 'utf8')).toBe('keep me');
  });

  it('rejects a --dataset folder with missing or inconsistent files', () => {
    const dataset = join(scratch, 'dataset-bad');
    mkdirSync(dataset);
    const missing = runCli(['study', '--preset', 'quick', '--dataset', join(scratch, 'no-such-folder'), '--out', join(scratch, 'ds1')], scratch, env);
    expect(missing.status).toBe(2);
    expect(errorLines(missing.stderr)[0]).toMatch(/--dataset ".*no-such-folder": the folder does not exist/);

    const sample = runCli(['sample', '-L', '8', '--temperatures', '2,2.5,3', '--samples', '20', '--out', dataset], scratch, env);
    expect(sample.status, sample.stderr).toBe(0);
    const wrongSize = runCli(['study', '--preset', 'quick', '--dataset', dataset, '--out', join(scratch, 'ds2')], scratch, env);
    expect(wrongSize.status).toBe(2);
    expect(errorLines(wrongSize.stderr)[0]).toMatch(/has L = 8, the study has L = 16\. Pass -L 8/);
    expect(existsSync(join(scratch, 'ds2'))).toBe(false);

    rmSync(join(dataset, 'ising-L8-beta0.400000.json'));
    const noTemperature = runCli(['study', '--preset', 'quick', '-L', '8', '--dataset', dataset, '--out', join(scratch, 'ds3')], scratch, env);
    expect(noTemperature.status).toBe(2);
    expect(errorLines(noTemperature.stderr)[0]).toMatch(/no temperature for ising-L8-beta0.400000.npy: add an rgae sidecar .* or list it in temperatures.json/);
    expect(existsSync(join(scratch, 'ds3'))).toBe(false);
  });
});
