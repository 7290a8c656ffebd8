import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, errorLines, isolatedEnvironment, runCli, scratchFolder } from '../testing/run-cli.js';

const scratch = scratchFolder('sample');
const env = isolatedEnvironment(scratch);
beforeAll(assertBuilt);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('rgae sample', () => {
  it('writes one ensemble per temperature and prints the table', () => {
    const out = join(scratch, 'ising');
    const { status, stdout, stderr } = runCli(['sample', '-L', '8', '--temperatures', '2:3:0.5', '--samples', '50', '--sampler', 'wolff', '--seed', '3', '--out', out], scratch, env);
    expect(status, stderr).toBe(0);

    expect(readdirSync(out).sort()).toEqual([
      'ising-L8-beta0.333333.json',
      'ising-L8-beta0.333333.npy',
      'ising-L8-beta0.400000.json',
      'ising-L8-beta0.400000.npy',
      'ising-L8-beta0.500000.json',
      'ising-L8-beta0.500000.npy',
    ]);
    const sidecar = JSON.parse(readFileSync(join(out, 'ising-L8-beta0.400000.json'), 'utf8'));
    expect(sidecar).toMatchObject({ lattice: 'ising', linearSize: 8, nSamples: 50, beta: 0.4, temperature: 2.5, sampler: 'wolff', seed: 3 });
    expect(sidecar.spacingSweeps).toBeGreaterThanOrEqual(Math.ceil(2 * Math.max(...Object.values(sidecar.tauIntSweeps as Record<string, number>))));

    const header = stdout.split('\n')[0];
    for (const column of ['T', 'β', 'e', 'absM', 'chi', 'C', 'U4', 'τ_int(e)', 'τ_int(absM)', 'spacing']) expect(header).toContain(column);
    expect(stdout.split('\n').filter((line) => /^\s*2\.5\s/.test(line))).toHaveLength(1);
    expect(stderr).toMatch(/\[3\/3\] T = 3: 50 samples/);
  });

  it('reproduces the same ensembles from the same seed', () => {
    const first = join(scratch, 'seed-a');
    const second = join(scratch, 'seed-b');
    for (const out of [first, second]) {
      expect(runCli(['sample', '-L', '6', '--betas', '0.3', '--samples', '20', '--sampler', 'heat-bath', '--seed', '9', '--out', out], scratch, env).status).toBe(0);
    }
    const file = 'ising-L6-beta0.300000.npy';
    expect(readFileSync(join(first, file)).equals(readFileSync(join(second, file)))).toBe(true);
  });

  it('samples the XY model and prints its observables', () => {
    const { status, stdout, stderr } = runCli(['sample', '--lattice', 'xy', '-L', '8', '--temperatures', '0.7,1.1', '--samples', '40', '--out', join(scratch, 'xy')], scratch, env);
    expect(status, stderr).toBe(0);
    for (const column of ['e', 'absM', 'helicityModulus', 'vortexDensity']) expect(stdout.split('\n')[0]).toContain(column);
  });

  const badInputs: Array<[string, string[], RegExp]> = [
    ['an unknown lattice', ['--lattice', 'isign'], /Unknown lattice "isign"\. Registered lattices: .*ising.*Did you mean "ising"\?/],
    ['an unknown sampler', ['--sampler', 'wolf'], /Unknown sampler "wolf" for lattice "ising"\. Samplers for "ising": metropolis, heat-bath, wolff, swendsen-wang\. Did you mean "wolff"\?/],
    ['L < 2', ['-L', '1'], /Invalid linear size L = 1: expected an integer ≥ 2/],
    ['odd L with a checkerboard sampler', ['-L', '7', '--sampler', 'metropolis'], /needs an even L, received L = 7/],
    ['T = 0', ['--temperatures', '0,1'], /Invalid temperature 0 in --temperatures: temperatures must be > 0/],
    ['a negative temperature', ['--temperatures=-1'], /Invalid temperature -1/],
    ['β < 0', ['--betas=-0.2'], /Invalid β = -0.2 in --betas/],
    ['a malformed range', ['--temperatures', '1.5:3.5'], /Malformed range --temperatures "1.5:3.5": expected start:stop:step/],
    ['a reversed range', ['--temperatures', '3:1:0.5'], /stop 1 is below start 3/],
    ['a negative seed', ['--seed=-3'], /Invalid seed -3: expected a non-negative integer/],
    ['a field with a cluster sampler', ['--sampler', 'wolff', '--field', '0.1'], /Sampler "wolff" on the "ising" lattice with a field h = 0.1 is not implemented/],
    ['negative thermalisation', ['--thermalisation=-5'], /Invalid --thermalisation -5: expected an integer ≥ 0/],
    ['an unknown kernel choice', ['--kernels', 'cuda'], /Invalid --kernels "cuda"\. Accepted values: auto, js, gpujs/],
    ['an XY-only combination', ['--lattice', 'xy', '--sampler', 'swendsen-wang'], /Unknown sampler "swendsen-wang" for lattice "xy"\. Samplers for "xy": metropolis, overrelaxation, wolff\. Sampler "swendsen-wang" exists for: ising/],
  ];

  it.each(badInputs)('rejects %s with one line and exit status 2, writing nothing', (_, args, message) => {
    const out = join(scratch, `bad-${Math.random().toString(36).slice(2)}`);
    const size = args.includes('-L') ? [] : ['-L', '8'];
    const { status, stderr } = runCli(['sample', ...size, '--samples', '10', '--out', out, ...args], scratch, env);
    expect(status).toBe(2);
    expect(errorLines(stderr)).toHaveLength(1);
    expect(errorLines(stderr)[0]).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });

  it('rejects an unwritable --out before sampling', () => {
    const blocked = join(scratch, 'read-only');
    mkdirSync(blocked);
    chmodSync(blocked, 0o500);
    const asFile = join(scratch, 'a-file');
    writeFileSync(asFile, 'not a folder');
    try {
      for (const out of [join(asFile, 'data'), asFile]) {
        const { status, stderr } = runCli(['sample', '-L', '4', '--samples', '10', '--betas', '0.3', '--out', out], scratch, env);
        expect(status).toBe(2);
        expect(errorLines(stderr)[0]).toMatch(/Cannot write ".*a-file.*": .*Choose a writable location/);
      }
      // Root ignores permission bits, so the read-only case is only meaningful for other users.
      if (process.getuid?.() !== 0) {
        const { status, stderr } = runCli(['sample', '-L', '4', '--samples', '10', '--betas', '0.3', '--out', join(blocked, 'data')], scratch, env);
        expect(status).toBe(2);
        expect(errorLines(stderr)[0]).toMatch(/permission denied/);
      }
    } finally {
      chmodSync(blocked, 0o700);
    }
  });

  it('prints a stack trace only with --debug', () => {
    const { status, stderr } = runCli(['sample', '-L', '1', '--debug'], scratch, env);
    expect(status).toBe(2);
    expect(stderr).toMatch(/\n\s+at /);
  });
});
