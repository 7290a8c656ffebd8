import { Flags } from '@oclif/core';
import { datasetTemperatures, invalidArgument, parseValueList, readStudyFile, resolveStudyConfig, type StudyOptions, type StudyPreset, type TrainingBackend } from '@rgae/core';
import { RgaeCommand } from '../base-command.js';
import { runStudy, type StudySummary } from '../study/run-study.js';

export default class Study extends RgaeCommand {
  static override description =
    'Run the transfer-learning comparison of an RG scheme and an autoencoder: sample ensembles, coarse-grain them, ' +
    'train the RG-embedded model and a plain autoencoder of the same architecture, run the study tests on both, and ' +
    'write results.json, tables, figures and report.html into the run directory. Re-running the same command resumes.';

  static override enableJsonFlag = true;

  static override examples = [
    '<%= config.bin %> study --scheme majority --model conv-ae',
    '<%= config.bin %> study --preset quick --out runs/quick',
    '<%= config.bin %> study --config study.yaml --seed 7',
    '<%= config.bin %> study --dataset my-ensembles/ -L 32 --out runs/external',
  ];

  static override flags = {
    preset: Flags.string({ description: 'Size preset: quick (seconds), default (about a minute on 2 cores) or paper (hours; see docs/benchmarks.md).', options: ['quick', 'default', 'paper'] }),
    config: Flags.string({ description: 'Study file (.json, .yaml) with the same fields as these flags in camelCase; flags override it.' }),
    lattice: Flags.string({ description: 'Lattice model id (default ising).' }),
    sampler: Flags.string({ description: 'Sampler id (default wolff where registered).' }),
    scheme: Flags.string({ description: 'RG scheme id (default majority).' }),
    model: Flags.string({ description: 'Autoencoder architecture id (default conv-ae).' }),
    tests: Flags.string({ description: 'Comma-separated study test ids (default: every registered test that supports the lattice).' }),
    'linear-size': Flags.integer({ char: 'L', description: 'Linear size L of the fine lattice.' }),
    'block-size': Flags.integer({ char: 'b', description: 'RG block size b.' }),
    levels: Flags.integer({ description: 'RG levels k: the latent has size L/b^k.' }),
    temperatures: Flags.string({ description: 'Temperatures as a list or start:stop:step.', exclusive: ['betas'] }),
    betas: Flags.string({ description: 'Inverse temperatures as a list or start:stop:step.', exclusive: ['temperatures'] }),
    samples: Flags.integer({ description: 'Configurations per temperature.' }),
    epochs: Flags.integer({ description: 'Training epochs per phase.' }),
    seed: Flags.integer({ description: 'Study seed; the same spec and seed reproduce the same numbers on the same backend.' }),
    backend: Flags.string({ description: 'TensorFlow.js backend: auto, node (@tensorflow/tfjs-node), wasm or cpu.' }),
    dataset: Flags.string({ description: 'Folder of existing ensembles (.npy [n, L, L] with an rgae sidecar or a temperatures.json) used instead of sampling.' }),
    out: Flags.string({ description: 'Run directory (default runs/<preset>-<scheme>-<model>-L<L>).' }),
    force: Flags.boolean({ description: 'Replace a run directory that contains a study with another spec.', default: false }),
  };

  async run(): Promise<StudySummary> {
    const { flags } = await this.parse(Study);
    const registry = await this.registry();

    const fromFile: StudyOptions = flags.config ? await readStudyFile(flags.config) : {};
    const options: StudyOptions = { ...fromFile, ...definedOnly(flagOptions(flags)) };
    if (options.dataset !== undefined) {
      if (options.temperatures || options.betas) {
        throw invalidArgument('--dataset takes the temperatures from its files: drop --temperatures and --betas.');
      }
      options.temperatures = await datasetTemperatures(options.dataset);
    }
    const config = resolveStudyConfig(options, registry);
    const out = flags.out ?? `runs/${config.preset}-${config.scheme}-${config.model}-L${config.linearSize}`;

    return runStudy({ registry, config, out, force: flags.force, json: this.jsonEnabled(), log: (line) => this.log(line) });
  }
}

function flagOptions(flags: Record<string, unknown>): StudyOptions {
  const text = (name: string) => flags[name] as string | undefined;
  const integer = (name: string) => flags[name] as number | undefined;
  return {
    preset: text('preset') as StudyPreset | undefined,
    lattice: text('lattice'),
    sampler: text('sampler'),
    scheme: text('scheme'),
    model: text('model'),
    tests: text('tests')?.split(',').map((id) => id.trim()).filter((id) => id.length > 0),
    linearSize: integer('linear-size'),
    blockSize: integer('block-size'),
    levels: integer('levels'),
    temperatures: text('temperatures') === undefined ? undefined : positiveTemperatures(parseValueList(text('temperatures')!, '--temperatures')),
    betas: text('betas') === undefined ? undefined : parseValueList(text('betas')!, '--betas'),
    nSamples: integer('samples'),
    epochs: integer('epochs'),
    seed: integer('seed'),
    backend: text('backend') as TrainingBackend | undefined,
    dataset: text('dataset'),
  };
}

function positiveTemperatures(values: number[]): number[] {
  const bad = values.find((t) => !(t > 0));
  if (bad !== undefined) throw invalidArgument(`Invalid temperature ${bad} in --temperatures: temperatures must be > 0.`);
  return values;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
