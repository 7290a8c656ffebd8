import { Flags } from '@oclif/core';
import { invalidArgument, parseKernelChoice } from '@rgae/core';
import { runMcrg, type McrgResult } from '@rgae/rg-schemes';
import { RgaeCommand } from '../base-command.js';
import { formatEstimate, formatNumber } from '../render/format.js';
import { createProgress } from '../render/progress.js';
import { renderTable } from '../render/table.js';

export default class Mcrg extends RgaeCommand {
  static override description =
    'Monte Carlo renormalization group (Swendsen): sample at β (default: the critical point), block the ' +
    'configurations level by level, and print the thermal and magnetic eigenvalue exponents y_T and y_H per level ' +
    'with jackknife errors (2D Ising exact: y_T = 1, y_H = 15/8).';

  static override enableJsonFlag = true;

  static override examples = ['<%= config.bin %> mcrg --lattice ising --scheme majority -L 64 --levels 3 --samples 20000'];

  static override flags = {
    lattice: Flags.string({ description: 'Lattice model id.', default: 'ising' }),
    sampler: Flags.string({ description: 'Sampler id.', default: 'wolff' }),
    scheme: Flags.string({ description: 'RG scheme id (must return ±1 spins: majority or decimation).', default: 'majority' }),
    'linear-size': Flags.integer({ char: 'L', description: 'Linear size L.', default: 64 }),
    'block-size': Flags.integer({ char: 'b', description: 'Block size b (default: the scheme\'s).' }),
    levels: Flags.integer({ description: 'Blocking levels; L/b^levels must be at least 4.', default: 3 }),
    samples: Flags.integer({ description: 'Configurations in the ensemble.', default: 20000 }),
    temperature: Flags.string({ description: 'Temperature (default: the lattice\'s critical temperature).', exclusive: ['beta'] }),
    beta: Flags.string({ description: 'Inverse temperature instead of --temperature.', exclusive: ['temperature'] }),
    seed: Flags.integer({ description: 'Seed of all random streams.', default: 1 }),
    kernels: Flags.string({ description: 'Hot-loop implementation: auto, js or gpujs.', default: 'auto' }),
  };

  async run(): Promise<McrgResult> {
    const { flags } = await this.parse(Mcrg);
    const registry = await this.registry();
    const model = registry.get('lattice', flags.lattice);
    const sampler = registry.getSampler(model.id, flags.sampler);
    const scheme = registry.get('scheme', flags.scheme);
    if (flags.levels < 1) throw invalidArgument(`Invalid --levels ${flags.levels}: expected an integer ≥ 1.`);
    if (flags.samples < 40) throw invalidArgument(`Invalid --samples ${flags.samples}: MCRG needs at least 40 configurations for its jackknife errors.`);

    const progress = createProgress();
    const result = runMcrg({
      model,
      sampler,
      scheme,
      linearSize: flags['linear-size'],
      blockSize: flags['block-size'],
      levels: flags.levels,
      nSamples: flags.samples,
      seed: flags.seed,
      beta: thermalBeta(flags.temperature, flags.beta),
      kernels: parseKernelChoice(flags.kernels),
      logger: { debug: () => undefined, info: () => undefined, warn: (m) => progress.done(`warning: ${m}`) },
      onProgress: (event) => progress.update('mcrg', event),
    });
    progress.clear();

    if (!this.jsonEnabled()) {
      const c = result.config;
      this.log(`MCRG: ${c.lattice}, L = ${c.linearSize}, T = ${formatNumber(c.temperature, 6)}, ${c.nSamples} samples (${c.sampler}), ${c.scheme} b = ${c.blockSize}`);
      this.log(renderTable(
        ['level', 'L_k', 'y_T', 'y_H'],
        result.levels.map((level) => [String(level.level), String(level.linearSize), formatEstimate(level.yT), formatEstimate(level.yH)]),
      ));
    }
    return result;
  }
}

function thermalBeta(temperature: string | undefined, beta: string | undefined): number | undefined {
  if (temperature !== undefined) {
    const value = Number(temperature);
    if (!(value > 0) || !Number.isFinite(value)) throw invalidArgument(`Invalid --temperature "${temperature}": expected a number > 0.`);
    return 1 / value;
  }
  if (beta !== undefined) {
    const value = Number(beta);
    if (!(value >= 0) || !Number.isFinite(value)) throw invalidArgument(`Invalid --beta "${beta}": expected a number ≥ 0.`);
    return value;
  }
  return undefined;
}
