import { Container } from 'inversify';
import { RgaeError } from '../errors/rgae-error.js';
import { unknownIdMessage } from '../errors/suggest.js';
import type { LatticeModel } from '../lattice/lattice-model.js';
import type { StudyTestDefinition } from '../metric/study-test.js';
import type { ArchitectureDefinition } from '../model/architecture.js';
import type { RGScheme } from '../rg/rg-scheme.js';
import type { SamplerDefinition } from '../sampler/sampler.js';
import { PLUGIN_API_VERSION, type Plugin, type PluginBinders } from './define-plugin.js';
import { PART_KINDS, PART_LABELS, TOKENS, type PartKind } from './tokens.js';

interface PartTypes {
  lattice: LatticeModel;
  sampler: SamplerDefinition;
  scheme: RGScheme;
  architecture: ArchitectureDefinition;
  test: StudyTestDefinition;
}

export interface RegistryEntry {
  kind: PartKind;
  id: string;
  plugin: string;
  description: string;
}

export interface PluginFailure {
  plugin: string;
  error: RgaeError;
}

const ID_PATTERN = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)?$/;

/**
 * The parts every loaded plugin registered, bound in an inversify container under `TOKENS[kind]`
 * and named by id. Built-in plugins are loaded through exactly the same `load` as third-party ones.
 */
export class Registry {
  readonly container = new Container();
  private readonly entries = new Map<PartKind, Map<string, RegistryEntry>>(PART_KINDS.map((k) => [k, new Map()]));
  private readonly plugins: Plugin[] = [];

  /** Loads one plugin atomically: either every part it registers is bound, or none is and it throws. */
  load(plugin: Plugin): void {
    if (plugin.apiVersion !== PLUGIN_API_VERSION) {
      throw new RgaeError(
        'PLUGIN',
        `Plugin "${plugin.name}" targets rgae plugin API version ${plugin.apiVersion}, but this rgae provides ` +
          `version ${PLUGIN_API_VERSION}. Install a release of "${plugin.name}" built for API version ${PLUGIN_API_VERSION}.`,
      );
    }
    if (this.plugins.some((p) => p.name === plugin.name)) {
      throw new RgaeError('PLUGIN', `Plugin "${plugin.name}" is loaded twice. Remove the duplicate from the plugin list.`);
    }

    const staged: Array<{ kind: PartKind; id: string; value: { id: string; description?: string } }> = [];
    const stage = (kind: PartKind) => (value: { id: string; description?: string }) => {
      this.checkNewId(plugin.name, kind, value?.id, staged);
      staged.push({ kind, id: value.id, value });
    };
    const binders: PluginBinders = {
      lattice: stage('lattice'),
      sampler: stage('sampler'),
      scheme: stage('scheme'),
      architecture: stage('architecture'),
      test: stage('test'),
    };

    try {
      plugin.register(binders);
    } catch (error) {
      if (error instanceof RgaeError && error.code === 'PLUGIN') throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new RgaeError('PLUGIN', `Plugin "${plugin.name}" failed during registration: ${reason}`, { cause: error });
    }

    for (const { kind, id, value } of staged) {
      this.container.bind(TOKENS[kind]).toConstantValue(value).whenNamed(id);
      this.entries.get(kind)!.set(id, { kind, id, plugin: plugin.name, description: value.description ?? '' });
    }
    this.plugins.push(plugin);
  }

  /** Loads each plugin; a failing plugin is reported and skipped, the others keep working. */
  loadAll(plugins: readonly Plugin[]): PluginFailure[] {
    const failures: PluginFailure[] = [];
    for (const plugin of plugins) {
      try {
        this.load(plugin);
      } catch (error) {
        if (error instanceof RgaeError) failures.push({ plugin: plugin.name, error });
        else throw error;
      }
    }
    return failures;
  }

  get<K extends PartKind>(kind: K, id: string): PartTypes[K] {
    const known = this.entries.get(kind)!;
    if (!known.has(id)) {
      const label = PART_LABELS[kind];
      throw new RgaeError('UNKNOWN_ID', unknownIdMessage(label.singular, label.plural, id, [...known.keys()]));
    }
    return this.container.get<PartTypes[K]>(TOKENS[kind], { name: id });
  }

  has(kind: PartKind, id: string): boolean {
    return this.entries.get(kind)!.has(id);
  }

  ids(kind: PartKind): string[] {
    return [...this.entries.get(kind)!.keys()];
  }

  all<K extends PartKind>(kind: K): PartTypes[K][] {
    return this.ids(kind).map((id) => this.get(kind, id));
  }

  /** Every registered part with the plugin that provided it. */
  list(): RegistryEntry[] {
    return PART_KINDS.flatMap((kind) => [...this.entries.get(kind)!.values()]);
  }

  loadedPlugins(): Array<{ name: string; version: string; apiVersion: number }> {
    return this.plugins.map(({ name, version, apiVersion }) => ({ name, version, apiVersion }));
  }

  /** Samplers registered for a lattice model. */
  samplersFor(lattice: string): SamplerDefinition[] {
    return this.all('sampler').filter((s) => s.lattice === lattice);
  }

  private checkNewId(
    pluginName: string,
    kind: PartKind,
    id: unknown,
    staged: ReadonlyArray<{ kind: PartKind; id: string }>,
  ): void {
    const label = PART_LABELS[kind].singular;
    if (typeof id !== 'string' || !ID_PATTERN.test(id)) {
      throw new RgaeError(
        'PLUGIN',
        `Plugin "${pluginName}" registered a ${label} with invalid id ${JSON.stringify(id)}: ids are lower-case ` +
          `words with digits, ".", "_" or "-", optionally namespaced as "plugin/id".`,
      );
    }
    const existing = this.entries.get(kind)!.get(id);
    if (existing) {
      throw new RgaeError(
        'PLUGIN',
        `Duplicate ${label} id "${id}": registered by plugin "${existing.plugin}" and again by plugin "${pluginName}". ` +
          `Namespace third-party ids as "${pluginName}/${id}" or remove one of the plugins.`,
      );
    }
    if (staged.some((s) => s.kind === kind && s.id === id)) {
      throw new RgaeError('PLUGIN', `Plugin "${pluginName}" registers the ${label} id "${id}" twice.`);
    }
  }
}
