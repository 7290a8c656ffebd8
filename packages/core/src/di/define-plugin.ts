import { RgaeError } from '../errors/rgae-error.js';
import type { LatticeModel } from '../lattice/lattice-model.js';
import type { SpinData } from '../lattice/spin-batch.js';
import type { StudyTestDefinition } from '../metric/study-test.js';
import type { ArchitectureDefinition } from '../model/architecture.js';
import type { RGScheme } from '../rg/rg-scheme.js';
import type { SamplerDefinition } from '../sampler/sampler.js';

/** Version of the plugin contract. A plugin declares the version it was built for; a mismatch is rejected. */
export const PLUGIN_API_VERSION = 1;

const PLUGIN_BRAND = Symbol.for('rgae.plugin');

/** The functions a plugin's `register` receives; each binds one part under its stable id. */
export interface PluginBinders {
  lattice<D extends SpinData>(model: LatticeModel<D>): void;
  sampler<D extends SpinData>(sampler: SamplerDefinition<D>): void;
  scheme(scheme: RGScheme): void;
  architecture<M>(architecture: ArchitectureDefinition<M>): void;
  test<C>(test: StudyTestDefinition<C>): void;
}

export interface PluginOptions {
  name: string;
  version: string;
  /** Plugin API version the plugin targets; defaults to the version of the `@rgae/core` it was built with. */
  apiVersion?: number;
  register(binders: PluginBinders): void;
}

export interface Plugin extends Required<PluginOptions> {
  readonly [PLUGIN_BRAND]: true;
}

/** Declares an rgae plugin; the default export of a plugin package. */
export function definePlugin(options: PluginOptions): Plugin {
  if (typeof options?.name !== 'string' || options.name.length === 0) {
    throw new RgaeError('PLUGIN', 'definePlugin needs a non-empty "name" (the npm package name).');
  }
  if (typeof options.register !== 'function') {
    throw new RgaeError('PLUGIN', `Plugin "${options.name}" has no register(binders) function.`);
  }
  return { apiVersion: PLUGIN_API_VERSION, ...options, [PLUGIN_BRAND]: true };
}

export function isPlugin(value: unknown): value is Plugin {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[PLUGIN_BRAND] === true;
}
