import { describe, expect, it } from 'vitest';
import type { SamplerDefinition } from '../sampler/sampler.js';
import type { RGScheme } from '../rg/rg-scheme.js';
import { definePlugin, PLUGIN_API_VERSION } from './define-plugin.js';
import { Registry } from './registry.js';

const scheme = (id: string): RGScheme => ({
  id,
  description: `${id} scheme`,
  defaultBlockSize: 2,
  supports: () => true,
  coarsen: (batch) => batch,
});

const sampler = (id: string, lattice: string): SamplerDefinition =>
  ({ id, lattice, description: id, family: 'local', sweepDefinition: 'N updates', create: () => { throw new Error('unused'); } }) as SamplerDefinition;

describe('Registry', () => {
  it('lists every part with the plugin that provided it', () => {
    const registry = new Registry();
    registry.load(definePlugin({ name: 'alpha', version: '1.0.0', register: (b) => b.scheme(scheme('majority')) }));
    registry.load(definePlugin({ name: 'beta', version: '1.0.0', register: (b) => b.scheme(scheme('beta/decimation')) }));
    expect(registry.list().map((e) => `${e.kind}:${e.id}@${e.plugin}`)).toEqual(['scheme:majority@alpha', 'scheme:beta/decimation@beta']);
    expect(registry.get('scheme', 'majority').description).toBe('majority scheme');
  });

  it('names both plugins for a duplicate id and keeps the first', () => {
    const registry = new Registry();
    registry.load(definePlugin({ name: 'alpha', version: '1.0.0', register: (b) => b.scheme(scheme('majority')) }));
    const failures = registry.loadAll([definePlugin({ name: 'beta', version: '1.0.0', register: (b) => b.scheme(scheme('majority')) })]);
    expect(failures).toHaveLength(1);
    expect(failures[0].error.message).toMatch(/Duplicate RG scheme id "majority": registered by plugin "alpha" and again by plugin "beta"/);
    expect(registry.list()).toHaveLength(1);
  });

  it('rolls back a plugin that throws during registration, others keep working', () => {
    const registry = new Registry();
    const failures = registry.loadAll([
      definePlugin({
        name: 'broken',
        version: '0.0.1',
        register: (b) => {
          b.scheme(scheme('half'));
          throw new Error('boom');
        },
      }),
      definePlugin({ name: 'good', version: '1.0.0', register: (b) => b.scheme(scheme('majority')) }),
    ]);
    expect(failures.map((f) => f.error.message)).toEqual(['Plugin "broken" failed during registration: boom']);
    expect(registry.ids('scheme')).toEqual(['majority']);
  });

  it('rejects a plugin built for another API version, naming both versions', () => {
    const registry = new Registry();
    const plugin = definePlugin({ name: 'old', version: '1.0.0', apiVersion: PLUGIN_API_VERSION + 1, register: () => undefined });
    expect(() => registry.load(plugin)).toThrow(new RegExp(`API version ${PLUGIN_API_VERSION + 1}, but this rgae provides version ${PLUGIN_API_VERSION}`));
  });

  it('suggests the nearest id for a typo', () => {
    const registry = new Registry();
    registry.load(definePlugin({ name: 'alpha', version: '1.0.0', register: (b) => [b.scheme(scheme('majority')), b.scheme(scheme('decimation'))] }));
    expect(() => registry.get('scheme', 'majorty')).toThrow('Unknown RG scheme "majorty". Registered schemes: majority, decimation. Did you mean "majority"?');
  });

  it('keys samplers by lattice, so two lattices may share a sampler id', () => {
    const registry = new Registry();
    const lattice = (id: string) => ({ id, description: id }) as never;
    registry.load(
      definePlugin({
        name: 'models',
        version: '1.0.0',
        register: (b) => {
          b.lattice(lattice('ising'));
          b.lattice(lattice('xy'));
          b.sampler(sampler('wolff', 'ising'));
          b.sampler(sampler('swendsen-wang', 'ising'));
          b.sampler(sampler('wolff', 'xy'));
        },
      }),
    );
    expect(registry.getSampler('xy', 'wolff').lattice).toBe('xy');
    expect(() => registry.getSampler('xy', 'swendsen-wang')).toThrow(
      'Unknown sampler "swendsen-wang" for lattice "xy". Samplers for "xy": wolff. Sampler "swendsen-wang" exists for: ising.',
    );
  });

  it('rejects ids that are not lower-case words', () => {
    const registry = new Registry();
    expect(() => registry.load(definePlugin({ name: 'bad', version: '1', register: (b) => b.scheme(scheme('Major Rule')) }))).toThrow(/invalid id "Major Rule"/);
  });
});
