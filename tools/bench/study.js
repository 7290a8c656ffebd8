// Wall-clock time of `rgae study` for the quick and default presets, each from an empty run directory,
// with the stage times the CLI reports. Run after building: npm run build && node tools/bench/study.js
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { recordSection } from './record.js';

const CLI = fileURLToPath(new URL('../../packages/cli/bin/run.js', import.meta.url));

/** Runs one study and returns its wall time and the "[i/n] stage: done in s" lines. */
function timeStudy(args) {
  const folder = mkdtempSync(join(tmpdir(), 'rgae-bench-study-'));
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [CLI, 'study', ...args, '--out', join(folder, 'run')], { encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  rmSync(folder, { recursive: true, force: true });
  if (result.status !== 0) throw new Error(`rgae study ${args.join(' ')} failed:\n${result.stderr}`);

  const stages = [...result.stderr.matchAll(/\] ([\w-]+): done in ([\d.]+) s/g)].map((m) => `${m[1]} ${Number(m[2]).toFixed(1)} s`);
  return { seconds, stages };
}

const runs = [
  ['quick', ['--preset', 'quick']],
  ['default', ['--scheme', 'majority', '--model', 'conv-ae']],
];
const rows = runs.map(([name, args]) => {
  const { seconds, stages } = timeStudy(args);
  console.log(`${name}: ${seconds.toFixed(1)} s`);
  return `| ${name} | \`rgae study ${args.join(' ')}\` | ${seconds.toFixed(1)} | ${stages.join(', ')} |`;
});

recordSection('study', {
  title: 'rgae study: end-to-end time per preset',
  command: 'npm run build && node tools/bench/study.js',
  markdown: [
    'Wall-clock seconds from an empty run directory, training on the WebAssembly backend, including Node start-up and',
    'loading TensorFlow.js. Limits: quick under 3 minutes, default under 15 minutes on a 2-core machine.',
    '',
    '| preset | command | seconds | stages |',
    '|---|---|---|---|',
    ...rows,
  ].join('\n'),
});
