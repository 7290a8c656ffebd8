import { Flags } from '@oclif/core';
import { invalidArgument, readEnsembleFolder, RgaeError, type ArchitectureDefinition } from '@rgae/core';
import { selectBackend, trainComparison, type AutoencoderParts, type EpochRecord } from '@rgae/models';
import { RgaeCommand } from '../base-command.js';
import { prepareOutputFolder } from '../output-folder.js';
import { formatNumber } from '../render/format.js';

export interface TrainSummary {
  backend: string;
  out: string;
  epochs: Array<Pick<EpochRecord, 'stage' | 'epoch' | 'loss' | 'valLoss'>>;
}

export default class Train extends RgaeCommand {
  static override description =
    'Train the RG-embedded model (encoder fitted to the scheme, frozen, decoder trained, optional fine-tune) and a plain ' +
    'autoencoder of the same architecture on existing ensembles, printing the losses of every epoch. Rerunning the same ' +
    'command after an interruption resumes from the last completed epoch.';

  static override enableJsonFlag = true;

  static override examples = ['<%= config.bin %> train --model conv-ae --scheme majority --data data/ --out runs/x'];

  static override flags = {
    model: Flags.string({ description: 'Autoencoder architecture id.', default: 'conv-ae' }),
    scheme: Flags.string({ description: 'RG scheme the RG-embedded encoder learns.', default: 'majority' }),
    data: Flags.string({ description: 'Folder of ensembles written by "rgae sample" (all of one lattice and L).', required: true }),
    out: Flags.string({ description: 'Output folder: checkpoints, both models and history.json.', required: true }),
    'block-size': Flags.integer({ char: 'b', description: 'Block size b of the scheme and the latent.', default: 2 }),
    epochs: Flags.integer({ description: 'Epochs of each training phase.', default: 10 }),
    'fine-tune-epochs': Flags.integer({ description: 'Epochs of the fine-tune of the whole RG-embedded model.', default: 0 }),
    seed: Flags.integer({ description: 'Seed of the split, shuffles, initial weights and tie-breaks.', default: 1 }),
    backend: Flags.string({ description: 'TensorFlow.js backend: auto, node, wasm or cpu.', default: 'auto', options: ['auto', 'node', 'wasm', 'cpu'] }),
  };

  async run(): Promise<TrainSummary> {
    const { flags } = await this.parse(Train);
    const registry = await this.registry();
    if (flags.epochs < 1) throw invalidArgument(`Invalid --epochs ${flags.epochs}: expected an integer ≥ 1.`);

    const ensembles = await readEnsembleFolder(flags.data);
    const lattice = registry.get('lattice', ensembles[0].metadata.lattice);
    const scheme = registry.get('scheme', flags.scheme);
    const architecture = registry.get('architecture', flags.model) as ArchitectureDefinition<AutoencoderParts>;
    if (!scheme.supports(lattice.id)) {
      const supporting = registry.all('scheme').filter((s) => s.supports(lattice.id)).map((s) => s.id);
      throw new RgaeError('INCOMPATIBLE', `RG scheme "${scheme.id}" does not support lattice "${lattice.id}". Schemes that do: ${supporting.join(', ') || '(none)'}.`);
    }
    architecture.validate({ channels: lattice.channels, linearSize: ensembles[0].batch.linearSize, blockSize: flags['block-size'], seed: flags.seed });
    await selectBackend(flags.backend as 'auto');
    await prepareOutputFolder(flags.out);

    const epochs: TrainSummary['epochs'] = [];
    const result = await trainComparison({
      architecture,
      lattice,
      scheme,
      data: ensembles.map((e) => e.batch),
      blockSize: flags['block-size'],
      epochs: flags.epochs,
      fineTuneEpochs: flags['fine-tune-epochs'],
      seed: flags.seed,
      backend: flags.backend as 'auto',
      outDir: flags.out,
      onEpoch: (record) => {
        epochs.push({ stage: record.stage, epoch: record.epoch, loss: record.loss, valLoss: record.valLoss });
        if (!this.jsonEnabled()) {
          if (epochs.length === 1) this.log(['stage', 'epoch', 'loss', 'val loss'].map((c) => c.padEnd(12)).join(''));
          this.log([record.stage, `${record.epoch}/${record.epochs}`, formatNumber(record.loss, 5), formatNumber(record.valLoss, 5)].map((c) => c.padEnd(12)).join(''));
        }
      },
    });
    result.rgModel.autoencoder.dispose();
    result.aeModel.autoencoder.dispose();

    const stages = [result.rg.encoder, result.rg.decoder, ...(result.rg.fineTune ? [result.rg.fineTune] : []), result.ae];
    const restored = stages.reduce((sum, stage) => sum + stage.resumedEpochs, 0);
    if (!this.jsonEnabled()) {
      if (restored > 0) this.log(`${restored} epochs were restored from the checkpoints in ${flags.out} instead of trained again.`);
      this.log(`Models and history.json written to ${flags.out} (backend ${result.backend}).`);
    }
    return { backend: result.backend, out: flags.out, epochs };
  }
}
