import { Flags } from '@oclif/core';
import {
  generateEnsemble,
  invalidArgument,
  parseKernelChoice,
  Rng,
  validateChainRequest,
  writeEnsemble,
  type EnsembleMetadata,
  type ModelParameters,
} from '@rgae/core';
import { RgaeCommand } from '../base-command.js';
import { prepareOutputFolder } from '../output-folder.js';
import { resolveThermalPoints } from '../parse/thermal-points.js';
import { formatEstimate, formatNumber } from '../render/format.js';
import { createProgress } from '../render/progress.js';
import { renderTable } from '../render/table.js';

export default class Sample extends RgaeCommand {
  static override description =
    'Sample a lattice spin model by Monte Carlo at each temperature and write one ensemble per temperature ' +
    '(configurations as .npy [nSamples, L, L] plus a JSON sidecar). Prints e, |m|, χ, C, U4 (or the lattice\'s ' +
    'own observables) with errors and the measured autocorrelation times.';

  static override enableJsonFlag = true;

  static override examples = [
    '<%= config.bin %> sample --lattice ising -L 32 --temperatures 1.5:3.5:0.25 --samples 1000 --sampler wolff --seed 1 --out data/',
    '<%= config.bin %> sample --lattice xy -L 32 --temperatures 0.5:1.5:0.1 --samples 500 --out data/',
    '<%= config.bin %> sample --betas 0.4,0.44,0.48 -L 16',
  ];

  static override flags = {
    lattice: Flags.string({ description: 'Lattice model id (see "rgae list").', default: 'ising' }),
    'linear-size': Flags.integer({ char: 'L', description: 'Linear size L of the periodic L×L lattice.', default: 32 }),
    temperatures: Flags.string({
      description: 'Temperatures (k_B = 1) as a list "2.0,2.27" or an inclusive range "start:stop:step". Default 1.5:3.5:0.25.',
      exclusive: ['betas'],
    }),
    betas: Flags.string({ description: 'Inverse temperatures β = 1/T, as a list or range (instead of --temperatures).', exclusive: ['temperatures'] }),
    samples: Flags.integer({ description: 'Configurations stored per temperature.', default: 1000 }),
    sampler: Flags.string({ description: 'Sampler id for the lattice (default: wolff where registered).' }),
    seed: Flags.integer({ description: 'Seed of all random streams; the same seed reproduces the same ensembles.', default: 1 }),
    out: Flags.string({ description: 'Folder the ensembles are written to.', default: 'data' }),
    kernels: Flags.string({ description: 'Hot-loop implementation: auto (measured), js (typed arrays) or gpujs.', default: 'auto' }),
    coupling: Flags.string({ description: 'Coupling J (> 0 ferromagnetic).', default: '1' }),
    field: Flags.string({ description: 'External field h.', default: '0' }),
    thermalisation: Flags.integer({ description: 'Thermalisation sweeps before the pilot run (default: sampler-dependent).' }),
  };

  async run(): Promise<EnsembleMetadata[]> {
    const { flags } = await this.parse(Sample);
    const registry = await this.registry();

    const model = registry.get('lattice', flags.lattice);
    const samplerId = flags.sampler ?? (registry.samplersFor(model.id).some((s) => s.id === 'wolff') ? 'wolff' : registry.samplersFor(model.id)[0]?.id);
    const sampler = registry.getSampler(model.id, samplerId ?? '');
    const points = resolveThermalPoints(flags.temperatures, flags.betas, '1.5:3.5:0.25');
    const kernels = parseKernelChoice(flags.kernels);
    const coupling = parseFiniteNumber(flags.coupling, '--coupling');
    const field = parseFiniteNumber(flags.field, '--field');
    if (flags.samples < 1) throw invalidArgument(`Invalid --samples ${flags.samples}: expected an integer ≥ 1.`);

    if (flags.thermalisation !== undefined && flags.thermalisation < 0) {
      throw invalidArgument(`Invalid --thermalisation ${flags.thermalisation}: expected an integer ≥ 0.`);
    }
    const paramsAt = (beta: number): ModelParameters => ({ linearSize: flags['linear-size'], beta, coupling, field });
    for (const point of points) {
      // Building a chain runs the sampler's own checks (e.g. cluster samplers reject h ≠ 0) before any file exists.
      validateChainRequest(model, sampler, paramsAt(point.beta));
      const rng = Rng.create(flags.seed, ['preflight']);
      sampler.create({ ...paramsAt(point.beta), rng, initial: model.createConfiguration(flags['linear-size'], rng, 'hot'), kernels });
    }
    await prepareOutputFolder(flags.out);

    const progress = createProgress();
    const results: EnsembleMetadata[] = [];
    for (const [index, point] of points.entries()) {
      const label = `[${index + 1}/${points.length}] T = ${formatNumber(point.temperature)}`;
      const ensemble = generateEnsemble(model, sampler, {
        params: paramsAt(point.beta),
        nSamples: flags.samples,
        seed: flags.seed,
        kernels,
        thermalisationSweeps: flags.thermalisation,
        logger: { debug: () => undefined, info: () => undefined, warn: (message) => progress.done(`warning: ${message}`) },
        onProgress: (event) => progress.update(label, event),
      });
      const path = await writeEnsemble(flags.out, ensemble.batch, ensemble.metadata);
      progress.done(`${label}: ${flags.samples} samples, spacing ${ensemble.metadata.spacingSweeps} sweeps → ${path}`);
      results.push(ensemble.metadata);
    }

    if (!this.jsonEnabled()) this.log(renderSummary(results));
    return results;
  }
}

function parseFiniteNumber(text: string, flag: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) throw invalidArgument(`Invalid ${flag} "${text}": expected a finite number.`);
  return value;
}

/** Renders one row per temperature: every summarised observable with its error, then τ_int in sweeps and the spacing. */
function renderSummary(results: readonly EnsembleMetadata[]): string {
  const observableNames = [...new Set(results.flatMap((r) => Object.keys(r.observables)))];
  const tauNames = [...new Set(results.flatMap((r) => Object.keys(r.tauIntSweeps)))];
  const columns = ['T', 'β', ...observableNames, ...tauNames.map((name) => `τ_int(${name})`), 'spacing'];
  const rows = results.map((r) => [
    formatNumber(r.temperature),
    formatNumber(r.beta),
    ...observableNames.map((name) => formatEstimate(r.observables[name])),
    ...tauNames.map((name) => formatNumber(r.tauIntSweeps[name] ?? NaN, 3)),
    String(r.spacingSweeps),
  ]);
  return renderTable(columns, rows);
}
