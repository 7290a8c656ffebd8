// Wall-clock time of `rgae study` for the quick and default presets, each from an empty run directory, with
// the stage times the CLI reports, and an estimate for the paper preset scaled from the default run's stages.
// Run after building: npm run build && node tools/bench/study.js
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PRESETS, thermometerTemperatures } from '@rgae/core';
import { recordSection } from './record.js';

const CLI = fileURLToPath(new URL('../../packages/cli/bin/run.js', import.meta.url));

/** Runs one study and returns its wall time, its stage times and its resolved config. */
function timeStudy(args) {
  const folder = mkdtempSync(join(tmpdir(), 'rgae-bench-study-'));
  const runDir = join(folder, 'run');
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [CLI, 'study', ...args, '--out', runDir], { encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.status !== 0) throw new Error(`rgae study ${args.join(' ')} failed:\n${result.stderr}`);

  const stages = Object.fromEntries([...result.stderr.matchAll(/\] ([\w-]+): done in ([\d.]+) s/g)].map((m) => [m[1], Number(m[2])]));
  const config = JSON.parse(readFileSync(join(runDir, 'study.json'), 'utf8')).config;
  rmSync(folder, { recursive: true, force: true });
  return { seconds, stages, config };
}

/** Work of each stage in arbitrary units (sites × samples, times epochs for training), for scaling stage times. */
function stageWork(preset) {
  const points = preset.temperatures.length;
  const sites = preset.linearSize ** 2;
  const coarseSites = sites / preset.blockSize ** (2 * preset.levels);
  const fitSamples = 0.85 * points * preset.nSamples;
  const thermometerPoints = thermometerTemperatures(preset.temperatures.map((temperature) => ({ temperature, beta: 1 / temperature }))).length;
  return {
    ensembles: points * preset.nSamples * sites,
    coarsen: points * preset.nSamples * sites,
    'coarse-ensembles': thermometerPoints * preset.thermometerSamples * coarseSites,
    'rg-model': fitSamples * sites * (2 * preset.epochs + preset.fineTuneEpochs),
    'ae-model': fitSamples * sites * (preset.epochs + preset.fineTuneEpochs),
    thermometers: preset.thermometerEpochs * (thermometerPoints * preset.thermometerSamples * coarseSites + fitSamples * sites),
    tests: points * preset.nSamples * sites,
    report: points,
  };
}

const quick = timeStudy(['--preset', 'quick']);
const defaults = timeStudy(['--scheme', 'majority', '--model', 'conv-ae']);

const defaultWork = stageWork(PRESETS.default);
const paperWork = stageWork(PRESETS.paper);
const paperSeconds = Object.entries(defaults.stages).reduce((sum, [stage, seconds]) => sum + seconds * (paperWork[stage] / defaultWork[stage]), 0);

const row = (name, args, run) => `| ${name} | \`rgae study ${args}\` | ${run.seconds.toFixed(1)} | ${Object.entries(run.stages).map(([s, t]) => `${s} ${t.toFixed(1)}`).join(', ')} |`;
recordSection('study', {
  title: 'rgae study: end-to-end time per preset',
  command: 'npm run build && node tools/bench/study.js',
  markdown: [
    'Wall-clock seconds from an empty run directory, training on the WebAssembly backend, including Node start-up and',
    'loading TensorFlow.js. Limits: quick under 3 minutes, default under 15 minutes on a 2-core machine.',
    '',
    '| preset | command | seconds | stage seconds |',
    '|---|---|---|---|',
    row('quick', '--preset quick', quick),
    row('default', '--scheme majority --model conv-ae', defaults),
    '',
    `Paper preset (\`--preset paper\`: L = ${PRESETS.paper.linearSize}, ${PRESETS.paper.temperatures.length} temperatures, ${PRESETS.paper.nSamples} samples each, ` +
      `${PRESETS.paper.epochs} epochs per phase): an estimate of ${(paperSeconds / 3600).toFixed(1)} hours, not a measurement. It scales each stage time of the`,
    'default run above by the ratio of sites × samples (× epochs for training) between the presets. It ignores the',
    'longer autocorrelation times of larger lattices and early stopping, which shortens training.',
  ].join('\n'),
});
console.log(`quick ${quick.seconds.toFixed(1)} s, default ${defaults.seconds.toFixed(1)} s, paper estimate ${(paperSeconds / 3600).toFixed(1)} h`);
