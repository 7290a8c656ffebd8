// Training and prediction throughput of two reference autoencoders on 32×32 ±1 inputs (batch 64,
// Adam 1e-3, MSE). It times rgae's training loop on the TensorFlow.js wasm backend (and cpu) and PyTorch
// on the same models and data (train_torch.py, run with /usr/bin/python3 when `import torch` works).
// Run after building: npx tsc -b packages/models && node tools/bench/train.js
import * as tf from '@tensorflow/tfjs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Rng } from '@rgae/core';
import { fitStage, selectBackend } from '@rgae/models';
import { recordSection } from './record.js';

const N_SAMPLES = 1024;
const BATCH_SIZE = 64;
const TIMED_EPOCHS = 3;
/** Samples per epoch on the cpu backend, whose conv gradients take seconds per batch. */
const CPU_SAMPLES = 256;
const PYTHON = '/usr/bin/python3';
const TORCH_SCRIPT = fileURLToPath(new URL('./train_torch.py', import.meta.url));

function inputs(nSamples) {
  const rng = Rng.create(1, ['bench-train']);
  const values = new Float32Array(nSamples * 32 * 32);
  for (let i = 0; i < values.length; i++) values[i] = rng.nextUint32() & 1 ? 1 : -1;
  return values;
}

function seeded(seed) {
  return tf.initializers.glorotUniform({ seed });
}

/** conv 16@3×3 s2 relu → conv 32@3×3 s2 relu → deconv 16@3×3 s2 relu → deconv 1@3×3 s2 tanh. */
function convModel() {
  const model = tf.sequential();
  model.add(tf.layers.conv2d({ inputShape: [32, 32, 1], filters: 16, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu', kernelInitializer: seeded(1) }));
  model.add(tf.layers.conv2d({ filters: 32, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu', kernelInitializer: seeded(2) }));
  model.add(tf.layers.conv2dTranspose({ filters: 16, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu', kernelInitializer: seeded(3) }));
  model.add(tf.layers.conv2dTranspose({ filters: 1, kernelSize: 3, strides: 2, padding: 'same', activation: 'tanh', kernelInitializer: seeded(4) }));
  return model;
}

/** dense 1024 → 256 → 64 → 256 → 1024, relu inside, tanh out. */
function denseModel() {
  const model = tf.sequential();
  model.add(tf.layers.flatten({ inputShape: [32, 32, 1] }));
  [256, 64, 256].forEach((units, i) => model.add(tf.layers.dense({ units, activation: 'relu', kernelInitializer: seeded(10 + i) })));
  model.add(tf.layers.dense({ units: 1024, activation: 'tanh', kernelInitializer: seeded(20) }));
  model.add(tf.layers.reshape({ targetShape: [32, 32, 1] }));
  return model;
}

/** CPU seconds this process has used so far (user + system, all threads). */
function cpuSeconds() {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

/**
 * Samples per CPU second of rgae's fitStage: the best of the timed epochs after one warm-up epoch.
 * Each epoch also evaluates 64 validation samples (one forward batch), which the rate includes.
 */
async function fitRate(model, values, nSamples) {
  const x = tf.tensor4d(values.subarray(0, (nSamples + BATCH_SIZE) * 1024), [nSamples + BATCH_SIZE, 32, 32, 1]);
  const train = Int32Array.from({ length: nSamples }, (_, i) => i);
  const validation = Int32Array.from({ length: BATCH_SIZE }, (_, i) => nSamples + i);
  const epochEnds = [cpuSeconds()];
  await fitStage({
    stage: 'bench',
    variables: model.trainableWeights.map((w) => w.read()),
    loss: (batch, target) => tf.losses.meanSquaredError(target, model.apply(batch, { training: true })),
    data: { inputs: x, targets: x, train, validation },
    epochs: TIMED_EPOCHS + 1,
    batchSize: BATCH_SIZE,
    learningRate: 1e-3,
    seed: 1,
    earlyStopping: false,
    onEpoch: () => void epochEnds.push(cpuSeconds()),
  });
  x.dispose();
  const rates = epochEnds.slice(1).map((end, i) => nSamples / (end - epochEnds[i]));
  return Math.max(...rates.slice(1));
}

/** Samples per CPU second of tfjs's own model.fit (tf.train.adam, tfjs shuffling), best of the timed epochs. */
async function modelFitRate(model, values, nSamples) {
  const x = tf.tensor4d(values.subarray(0, nSamples * 1024), [nSamples, 32, 32, 1]);
  model.compile({ optimizer: tf.train.adam(1e-3), loss: 'meanSquaredError' });
  const seconds = [];
  let started = 0;
  await model.fit(x, x, {
    batchSize: BATCH_SIZE,
    epochs: TIMED_EPOCHS + 1,
    verbose: 0,
    callbacks: { onEpochBegin: async () => void (started = cpuSeconds()), onEpochEnd: async () => void seconds.push(cpuSeconds() - started) },
  });
  x.dispose();
  return Math.max(...seconds.slice(1).map((s) => nSamples / s));
}

/** Samples per CPU second of model.predict in batches of 64, best of the timed passes after one warm-up pass. */
function predictRate(model, values, nSamples) {
  const x = tf.tensor4d(values.subarray(0, nSamples * 1024), [nSamples, 32, 32, 1]);
  const rates = [];
  for (let r = 0; r <= TIMED_EPOCHS; r++) {
    const started = cpuSeconds();
    const output = model.predict(x, { batchSize: BATCH_SIZE });
    output.dataSync();
    output.dispose();
    rates.push(nSamples / (cpuSeconds() - started));
  }
  x.dispose();
  return Math.max(...rates.slice(1));
}

/** Kernel time of one training step of 64 samples, summed per kernel name (tf.profile), largest first. */
async function stepProfile(model, values) {
  const x = tf.tensor4d(values.subarray(0, BATCH_SIZE * 1024), [BATCH_SIZE, 32, 32, 1]);
  const variables = model.trainableWeights.map((w) => w.read());
  const step = () => tf.variableGrads(() => tf.losses.meanSquaredError(x, model.apply(x, { training: true })), variables);
  tf.dispose(tf.tidy(step));
  const profile = await tf.profile(() => tf.dispose(tf.tidy(step)));
  x.dispose();

  const byKernel = new Map();
  for (const kernel of profile.kernels) byKernel.set(kernel.name, (byKernel.get(kernel.name) ?? 0) + kernel.kernelTimeMs);
  const total = [...byKernel.values()].reduce((sum, ms) => sum + ms, 0);
  const largest = [...byKernel.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5);
  return { total, largest };
}

async function tfjsRates(backend, values, nSamples) {
  await selectBackend(backend);
  const results = {};
  for (const [name, build] of [['conv', convModel], ['dense', denseModel]]) {
    const model = build();
    results[name] = { fit: await fitRate(model, values, nSamples), predict: predictRate(model, values, nSamples) };
    if (backend === 'wasm') results[name].profile = await stepProfile(model, values);
    model.dispose();
    if (backend === 'wasm') {
      const reference = build();
      results[name].modelFit = await modelFitRate(reference, values, nSamples);
      reference.dispose();
    }
  }
  return results;
}

function torchRates(values) {
  try {
    execFileSync(PYTHON, ['-c', 'import torch'], { stdio: 'ignore' });
  } catch {
    return undefined;
  }
  const folder = mkdtempSync(join(tmpdir(), 'rgae-bench-train-'));
  try {
    const file = join(folder, 'inputs.f32');
    writeFileSync(file, values.subarray(0, N_SAMPLES * 1024));
    const output = execFileSync(PYTHON, [TORCH_SCRIPT, file, String(N_SAMPLES), String(TIMED_EPOCHS), '1'], { encoding: 'utf8' });
    return JSON.parse(output);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const format = (x) => (x === undefined ? '—' : Math.round(x).toLocaleString('en'));
const ratio = (a, b) => (a === undefined || b === undefined ? '—' : (a / b).toFixed(2));

const values = inputs(N_SAMPLES + BATCH_SIZE);
const wasm = await tfjsRates('wasm', values, N_SAMPLES);
const cpu = await tfjsRates('cpu', values, CPU_SAMPLES);
const torch = torchRates(values);
const torchByModel = Object.fromEntries((torch?.results ?? []).map((r) => [r.model, r]));

const rows = ['conv', 'dense'].flatMap((name) => [
  `| ${name} | fit | ${format(wasm[name].fit)} | ${format(wasm[name].modelFit)} | ${format(cpu[name].fit)} | ${format(torchByModel[name]?.fit)} | ${ratio(wasm[name].fit, torchByModel[name]?.fit)} |`,
  `| ${name} | predict | ${format(wasm[name].predict)} | — | ${format(cpu[name].predict)} | ${format(torchByModel[name]?.predict)} | ${ratio(wasm[name].predict, torchByModel[name]?.predict)} |`,
]);
console.log(rows.join('\n'));

recordSection('train', {
  title: 'Training throughput: TensorFlow.js (wasm, cpu) against PyTorch',
  command: 'npx tsc -b packages/models && node tools/bench/train.js',
  markdown: [
    `Samples per CPU second (process user + system time, so that other work on a shared machine does not count) on ${N_SAMPLES.toLocaleString('en')} random ±1 inputs of 32×32,`,
    `batch ${BATCH_SIZE}, Adam 1e-3, MSE; the best of ${TIMED_EPOCHS} epochs (or prediction passes) after one warm-up epoch.`,
    'Models: conv 16@3×3 s2 relu → conv 32@3×3 s2 relu → deconv 16@3×3 s2 relu → deconv 1@3×3 s2 tanh, and dense 1024 → 256 → 64 → 256 → 1024 (relu, tanh out).',
    "\"rgae wasm\" is rgae's `fitStage` (seeded shuffle, its own Adam, loss read every batch, plus one 64-sample validation batch per epoch) on the wasm backend with rgae's kernels;",
    '"tfjs model.fit" is TensorFlow.js\'s own loop on the same backend and kernels. The wasm backend runs single-threaded in Node (no threaded-SIMD build is loaded).',
    `The cpu backend trained on ${CPU_SAMPLES} samples per epoch, its conv gradients being slow. ` +
      (torch ? `PyTorch ${torch.torch} ran on ${torch.threads} thread (\`torch.set_num_threads(1)\`), the same as the wasm backend, from Debian's python3-torch.` : 'PyTorch was not available (`/usr/bin/python3 -c "import torch"` failed).'),
    `Run by \`npm run bench\` on ${cpus().length} cores with no other work on the machine; CPU time would also keep other processes out of the figures.`,
    '',
    '| model | phase | rgae wasm | tfjs model.fit (wasm) | rgae cpu | PyTorch | rgae wasm / PyTorch |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    '',
    'Where a wasm training step of 64 samples spends its kernel time (tf.profile, forward and gradients, without the optimiser update):',
    '',
    ...['conv', 'dense'].map((name) => {
      const { total, largest } = wasm[name].profile;
      return `- ${name}: ${total.toFixed(1)} ms in kernels; ${largest.map(([kernel, ms]) => `${kernel} ${ms.toFixed(1)} ms`).join(', ')}.`;
    }),
  ].join('\n'),
});
