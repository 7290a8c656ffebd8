// Runs every benchmark in turn; each rewrites its own section of docs/benchmarks.md.
// `npm run bench` builds first. The C references need gcc; the PyTorch comparison runs where
// `python3 -c "import torch"` works and is skipped otherwise.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const scripts = ['ising.js', 'rg.js', 'train.js', 'train-kernels.js', 'study.js'];
let failed = 0;
for (const script of scripts) {
  console.log(`\n== ${script}`);
  const result = spawnSync(process.execPath, [fileURLToPath(new URL(script, import.meta.url))], { stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
process.exit(failed > 0 ? 1 : 0);
