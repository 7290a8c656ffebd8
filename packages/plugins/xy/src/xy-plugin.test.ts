import { Registry, definePlugin, isPlugin, isRgaeError, type SamplerDefinition } from '@rgae/core';
import { describe, expect, it } from 'vitest';
import defaultExport, { xyModel, xyPlugin } from './index.js';

/** A stand-in for the Ising plugin: a lattice with a sampler id that XY lacks. */
const isingLike = definePlugin({
  name: 'ising-like',
  version: '0.0.0',
  register(binders) {
    binders.lattice({ ...xyModel, id: 'ising' });
    binders.sampler({ id: 'swendsen-wang', lattice: 'ising', description: '', family: 'cluster', sweepDefinition: '' } as unknown as SamplerDefinition);
  },
});

describe('xyPlugin', () => {
  it('is the default export and a plugin', () => {
    expect(defaultExport).toBe(xyPlugin);
    expect(isPlugin(xyPlugin)).toBe(true);
    expect(xyPlugin.name).toBe('@rgae/plugin-xy');
  });

  it('registers the xy lattice and its three samplers', () => {
    const registry = new Registry();
    registry.load(xyPlugin);
    expect(registry.get('lattice', 'xy')).toBe(xyModel);
    expect(registry.samplersFor('xy').map((s) => s.id)).toEqual(['metropolis', 'overrelaxation', 'wolff']);
    expect(registry.getSampler('xy', 'wolff').family).toBe('cluster');
  });

  it('rejects a sampler id only Ising has', () => {
    const registry = new Registry();
    registry.loadAll([xyPlugin, isingLike]);
    let error: unknown;
    try {
      registry.getSampler('xy', 'swendsen-wang');
    } catch (caught) {
      error = caught;
    }
    expect(isRgaeError(error)).toBe(true);
    const message = (error as Error).message;
    expect(message).toMatch(/Unknown sampler "swendsen-wang" for lattice "xy"/);
    expect(message).toMatch(/Samplers for "xy": metropolis, overrelaxation, wolff/);
    expect(message).toMatch(/Sampler "swendsen-wang" exists for: ising/);
  });
});
