// Coarse-graining throughput of the RG schemes: typed-array kernels against gpu.js kernels.
// Run after building the package: npx tsc -b packages/rg-schemes && node tools/bench/rg.js
import { Rng } from '@rgae/core';
import { blockAverageScheme, decimationScheme, gpujsMode, majorityScheme } from '@rgae/rg-schemes';
import { recordSection } from './record.js';

/** Sites per timed batch: enough work per call that timer resolution and call overhead do not matter. */
const SITES_PER_BATCH = 2 ** 22;
const MIN_SECONDS = 1.5;

function isingBatch(nSamples, linearSize, rng) {
  const data = new Int8Array(nSamples * linearSize * linearSize);
  for (let i = 0; i < data.length; i++) data[i] = rng.nextUint32() & 1 ? 1 : -1;
  return { lattice: 'ising', linearSize, nSamples, data };
}

function xyBatch(nSamples, linearSize, rng) {
  const data = new Float32Array(nSamples * linearSize * linearSize);
  for (let i = 0; i < data.length; i++) data[i] = 2 * Math.PI * rng.nextFloat();
  return { lattice: 'xy', linearSize, nSamples, data };
}

/** Configurations coarse-grained per second, timed over repeated calls for at least MIN_SECONDS. */
function coarseningsPerSecond(scheme, batch, options) {
  scheme.coarsen(batch, options);

  let calls = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < MIN_SECONDS) {
    scheme.coarsen(batch, options);
    calls++;
    elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  }
  return (calls * batch.nSamples) / elapsed;
}

const cases = [
  { label: 'majority, random ties', scheme: majorityScheme, lattice: 'ising', options: { tieBreak: 'random' } },
  { label: 'majority, top-left ties', scheme: majorityScheme, lattice: 'ising', options: { tieBreak: 'top-left' } },
  { label: 'decimation', scheme: decimationScheme, lattice: 'ising', options: {} },
  { label: 'block-average (ising)', scheme: blockAverageScheme, lattice: 'ising', options: {} },
  { label: 'block-average (xy direction)', scheme: blockAverageScheme, lattice: 'xy', options: {} },
];

const rows = [];
for (const linearSize of [32, 128]) {
  const nSamples = SITES_PER_BATCH / (linearSize * linearSize);
  const rng = Rng.create(1, ['bench-rg', linearSize]);
  const batches = { ising: isingBatch(nSamples, linearSize, rng), xy: xyBatch(nSamples, linearSize, rng) };

  for (const { label, scheme, lattice, options } of cases) {
    const rates = {};
    for (const kernels of ['js', 'gpujs']) {
      rates[kernels] = coarseningsPerSecond(scheme, batches[lattice], { ...options, blockSize: 2, rng: Rng.create(2), kernels });
    }
    rows.push(`| ${label} | ${linearSize} | ${Math.round(rates.js).toLocaleString('en')} | ${Math.round(rates.gpujs).toLocaleString('en')} | ${(rates.js / rates.gpujs).toFixed(2)} |`);
    console.log(rows[rows.length - 1]);
  }
}

recordSection('rg', {
  title: 'RG coarse-graining: typed arrays against gpu.js',
  command: 'npx tsc -b packages/rg-schemes && node tools/bench/rg.js',
  markdown: [
    `One step L → L/2 on batches of ${SITES_PER_BATCH.toLocaleString('en')} sites, each rate timed over at least ${MIN_SECONDS} s on one core.`,
    `gpu.js ran in its \`${gpujsMode()}\` mode (no GPU reachable from Node here), so both columns measure the CPU.`,
    'The gpu.js kernel computes block sums or the top-left copy, and TypeScript finishes signs, ties, means and angles in both columns.',
    'Both implementations give identical output (tested). Run by `npm run bench` with no other work on the machine.',
    '',
    '| scheme | L | typed arrays (configurations/s) | gpu.js (configurations/s) | typed arrays / gpu.js |',
    '|---|---|---|---|---|',
    ...rows,
  ].join('\n'),
});
