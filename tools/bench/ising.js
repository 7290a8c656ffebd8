// Ising sampler throughput: the TypeScript Metropolis and Wolff kernels (built dist) against a plain C
// reference of the same algorithms (c/ising.c, compiled here with gcc -O3), plus gpu.js Metropolis.
// Run after building: npx tsc -b packages/plugins/ising && node tools/bench/ising.js
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Rng } from '@rgae/core';
import { gpuJsHasRealGpu, isingCriticalBeta, isingModel, metropolisSampler, wolffSampler } from '@rgae/plugin-ising';
import { recordSection } from './record.js';

const MIN_SECONDS = 1.5;
/** Timed runs per rate; the best is reported, because other work on a shared machine only slows a run down. */
const REPEATS = 3;
const BETA = isingCriticalBeta(1);
const SEED = 1;
const C_SOURCE = fileURLToPath(new URL('./c/ising.c', import.meta.url));

function compileReference() {
  const folder = mkdtempSync(join(tmpdir(), 'rgae-bench-ising-'));
  const binary = join(folder, 'ising');
  execFileSync('gcc', ['-O3', '-o', binary, C_SOURCE, '-lm']);
  return { binary, cleanup: () => rmSync(folder, { recursive: true, force: true }) };
}

function runReference(binary, algorithm, linearSize, minSeconds) {
  const output = execFileSync(binary, [algorithm, String(linearSize), String(BETA), String(minSeconds), String(SEED)], { encoding: 'utf8' });
  return JSON.parse(output);
}

function createChain(sampler, linearSize, kernels) {
  const rng = Rng.create(SEED, ['bench-ising', sampler.id, linearSize]);
  const initial = isingModel.createConfiguration(linearSize, rng.split(['initial']), 'hot');
  return sampler.create({ linearSize, beta: BETA, coupling: 1, field: 0, rng, initial, kernels });
}

/** Repeats `step` after `warmup` calls until `minSeconds` have passed; returns calls and seconds. */
function timeRepeated(step, warmup, minSeconds) {
  for (let i = 0; i < warmup; i++) step();
  let calls = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < minSeconds) {
    step();
    calls++;
    elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  }
  return { calls, seconds: elapsed };
}

/** Attempted Metropolis updates per nanosecond, with the acceptance rate of the timed sweeps. */
function metropolisRate(linearSize, kernels, minSeconds) {
  const chain = createChain(metropolisSampler, linearSize, kernels);
  const warmup = linearSize >= 1024 || kernels === 'gpujs' ? 20 : 100;
  for (let i = 0; i < warmup; i++) chain.sweep();
  chain.statistics();
  const { calls, seconds } = timeRepeated(() => chain.sweep(), 0, minSeconds);
  return { rate: (calls * linearSize * linearSize) / (seconds * 1e9), acceptanceRate: chain.statistics().acceptanceRate };
}

/** Spins flipped per second by Wolff cluster updates, with the mean cluster size. */
function wolffRate(linearSize, minSeconds) {
  const chain = createChain(wolffSampler, linearSize, 'js');
  for (let i = 0; i < 5000; i++) chain.sweep();
  chain.statistics();
  const { calls, seconds } = timeRepeated(() => chain.sweep(), 0, minSeconds);
  const { meanClusterSize } = chain.statistics();
  return { rate: (calls * meanClusterSize) / seconds, meanClusterSize };
}

/** Runs `measure` REPEATS times and returns the result with the highest `rate`. */
function best(measure) {
  let top;
  for (let i = 0; i < REPEATS; i++) {
    const result = measure();
    if (!top || result.rate > top.rate) top = result;
  }
  return top;
}

const format = (value, digits = 3) => value.toFixed(digits);
const reference = compileReference();
const rows = [];
try {
  for (const linearSize of [64, 256, 1024]) {
    const js = best(() => metropolisRate(linearSize, 'js', MIN_SECONDS));
    const c = best(() => runReference(reference.binary, 'metropolis', linearSize, MIN_SECONDS));
    const cRate = c.rate / 1e9;
    const gpujs = metropolisRate(linearSize, 'gpujs', linearSize >= 1024 ? 3 : MIN_SECONDS);
    rows.push(
      `| Metropolis (updates/ns) | ${linearSize} | ${format(js.rate)} | ${format(cRate)} | ${format(js.rate / cRate, 2)} | ${format(gpujs.rate, 4)} | ` +
        `${format(js.acceptanceRate)} / ${format(c.acceptanceRate)} |`,
    );
    console.log(rows.at(-1));
  }

  const wolff = best(() => wolffRate(256, MIN_SECONDS));
  const cWolff = best(() => runReference(reference.binary, 'wolff', 256, MIN_SECONDS));
  rows.push(
    `| Wolff (10⁶ flipped spins/s) | 256 | ${format(wolff.rate / 1e6, 1)} | ${format(cWolff.rate / 1e6, 1)} | ${format(wolff.rate / cWolff.rate, 2)} | — | ` +
      `mean cluster ${Math.round(wolff.meanClusterSize)} / ${Math.round(cWolff.meanClusterSize)} |`,
  );
  console.log(rows.at(-1));
} finally {
  reference.cleanup();
}

const gpuMode = gpuJsHasRealGpu() ? 'a GPU mode' : 'webasm (no GPU mode available, so `kernels: auto` uses js)';
recordSection('ising', {
  title: 'Ising samplers: TypeScript against C',
  command: 'npx tsc -b packages/plugins/ising && node tools/bench/ising.js',
  markdown: [
    `At β_c = ${BETA.toFixed(6)}, hot start, one chain on one thread. Each rate is timed for at least ${MIN_SECONDS} s after warm-up;`,
    `TypeScript and C rates are the best of ${REPEATS} runs, the gpu.js rate is one run.`,
    'The C reference (`tools/bench/c/ising.c`, `gcc -O3`) runs the same algorithms: checkerboard Metropolis with inline',
    'xoshiro128** and a 32-bit threshold table that skips the draw when ΔE ≤ 0, and Wolff with an explicit stack.',
    `gpu.js Metropolis ran in ${gpuMode}, two kernel calls per sweep.`,
    '',
    '| algorithm | L | TypeScript | C | TypeScript / C | gpu.js | acceptance or cluster size (TS / C) |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    '',
    'Run by `npm run bench` with no other work on the machine; other load would only lower the rates.',
  ].join('\n'),
});
