import { PART_KINDS, PART_LABELS, type RegistryEntry } from '@rgae/core';
import { RgaeCommand } from '../base-command.js';
import { renderTable } from '../render/table.js';

export default class List extends RgaeCommand {
  static override description =
    'List every registered lattice, sampler, RG scheme, architecture and study test, with the plugin that provides it.';

  static override enableJsonFlag = true;

  static override examples = ['<%= config.bin %> list', '<%= config.bin %> list --json'];

  async run(): Promise<{ plugins: Array<{ name: string; version: string }>; parts: RegistryEntry[] }> {
    await this.parse(List);
    const registry = await this.registry();
    const parts = registry.list();

    if (!this.jsonEnabled()) {
      for (const kind of PART_KINDS) {
        const rows = parts
          .filter((entry) => entry.kind === kind)
          .map((entry) => [entry.id, ...(kind === 'sampler' ? [entry.lattice ?? ''] : []), entry.plugin, shorten(entry.description)]);
        const columns = ['id', ...(kind === 'sampler' ? ['lattice'] : []), 'plugin', 'description'];
        this.log(`${PART_LABELS[kind].plural[0].toUpperCase()}${PART_LABELS[kind].plural.slice(1)}`);
        this.log(rows.length > 0 ? renderTable(columns, rows) : '(none registered)');
        this.log('');
      }
    }
    return { plugins: registry.loadedPlugins(), parts };
  }
}

/** Cuts a description to one table line; `--json` carries the full text. */
function shorten(text: string, width = 100): string {
  return text.length <= width ? text : `${text.slice(0, width - 1).trimEnd()}…`;
}
