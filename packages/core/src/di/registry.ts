import { Container } from 'inversify';
import { RgaeError } from '../errors/rgae-error.js';
import { nearest, unknownIdMessage } from '../errors/suggest.js';
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
  /** For samplers: the lattice they update (sampler ids are unique per lattice, not globally). */
  lattice?: string;
}

/** Registry key of a part: the id, or `lattice:id` for samplers. */
function keyOf(kind: PartKind, value: { id: string; lattice?: string }): string {
  return kind === 'sampler' ? `${value.lattice}:${value.id}` : value.id;
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

    type Part = { id: string; description?: string; lattice?: string };
    const staged: Array<{ kind: PartKind; key: string; value: Part }> = [];
    const stage = (kind: PartKind) => (value: Part) => {
      this.checkNewPart(plugin.name, kind, value, staged);
      staged.push({ kind, key: keyOf(kind, value), value });
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

    for (const { kind, key, value } of staged) {
      this.container.bind(TOKENS[kind]).toConstantValue(value).whenNamed(key);
      this.entries.get(kind)!.set(key, {
        kind,
        id: value.id,
        plugin: plugin.name,
        description: value.description ?? '',
        ...(kind === 'sampler' ? { lattice: value.lattice } : {}),
      });
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

  /** Returns the part registered under `id`; throws UNKNOWN_ID listing the known ids and the nearest one. */
  get<K extends Exclude<PartKind, 'sampler'>>(kind: K, id: string): PartTypes[K] {
    const known = this.entries.get(kind)!;
    if (!known.has(id)) {
      const label = PART_LABELS[kind];
      throw new RgaeError('UNKNOWN_ID', unknownIdMessage(label.singular, label.plural, id, [...known.keys()]));
    }
    return this.container.get<PartTypes[K]>(TOKENS[kind], { name: id });
  }

  /** Returns the sampler `id` of `lattice`; the error lists the samplers that lattice has. */
  getSampler(lattice: string, id: string): SamplerDefinition {
    this.get('lattice', lattice);
    const key = `${lattice}:${id}`;
    if (!this.entries.get('sampler')!.has(key)) {
      const available = this.samplersFor(lattice).map((s) => s.id);
      const elsewhere = this.list().filter((e) => e.kind === 'sampler' && e.id === id).map((e) => e.lattice);
      const note = elsewhere.length > 0 ? ` Sampler "${id}" exists for: ${elsewhere.join(', ')}.` : '';
      const guess = nearest(id, available);
      const hint = guess ? ` Did you mean "${guess}"?` : '';
      throw new RgaeError(
        'UNKNOWN_ID',
        `Unknown sampler "${id}" for lattice "${lattice}". Samplers for "${lattice}": ${available.join(', ') || '(none)'}.${hint}${note}`,
      );
    }
    return this.container.get<SamplerDefinition>(TOKENS.sampler, { name: key });
  }

  has(kind: PartKind, id: string): boolean {
    return this.entries.get(kind)!.has(id);
  }

  /** Registered ids of a kind (for samplers, `lattice:id` keys). */
  ids(kind: PartKind): string[] {
    return [...this.entries.get(kind)!.keys()];
  }

  all<K extends PartKind>(kind: K): PartTypes[K][] {
    return this.ids(kind).map((key) => this.container.get<PartTypes[K]>(TOKENS[kind], { name: key }));
  }

  /** Lists every registered part with the plugin that provided it. */
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

  private checkNewPart(
    pluginName: string,
    kind: PartKind,
    part: { id: unknown; lattice?: unknown },
    staged: ReadonlyArray<{ kind: PartKind; key: string }>,
  ): void {
    const label = PART_LABELS[kind].singular;
    const id = part?.id;
    if (typeof id !== 'string' || !ID_PATTERN.test(id)) {
      throw new RgaeError(
        'PLUGIN',
        `Plugin "${pluginName}" registered a ${label} with invalid id ${JSON.stringify(id)}: ids are lower-case ` +
          `words with digits, ".", "_" or "-", optionally namespaced as "plugin/id".`,
      );
    }
    if (kind === 'sampler' && (typeof part.lattice !== 'string' || part.lattice.length === 0)) {
      throw new RgaeError('PLUGIN', `Plugin "${pluginName}" registered sampler "${id}" without the "lattice" it updates.`);
    }
    const key = keyOf(kind, part as { id: string; lattice?: string });
    const existing = this.entries.get(kind)!.get(key);
    if (existing) {
      throw new RgaeError(
        'PLUGIN',
        `Duplicate ${label} id "${id}": registered by plugin "${existing.plugin}" and again by plugin "${pluginName}". ` +
          `Namespace third-party ids as "${pluginName}/${id}" or remove one of the plugins.`,
      );
    }
    if (staged.some((s) => s.kind === kind && s.key === key)) {
      throw new RgaeError('PLUGIN', `Plugin "${pluginName}" registers the ${label} id "${id}" twice.`);
    }
  }
}
