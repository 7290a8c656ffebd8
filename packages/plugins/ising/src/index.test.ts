import { describe, expect, it } from 'vitest';
import { Registry, isPlugin } from '@rgae/core';
import isingPluginDefault, { heatBathSampler, isingModel, isingPlugin, metropolisSampler, swendsenWangSampler, wolffSampler } from './index.js';

describe('isingPlugin', () => {
  it('registers the model and its four samplers', () => {
    expect(isPlugin(isingPluginDefault)).toBe(true);
    expect(isingPluginDefault).toBe(isingPlugin);

    const registry = new Registry();
    registry.load(isingPlugin);
    expect(registry.get('lattice', 'ising')).toBe(isingModel);
    expect(registry.samplersFor('ising').map((s) => s.id).sort()).toEqual(['heat-bath', 'metropolis', 'swendsen-wang', 'wolff']);
    expect(registry.getSampler('ising', 'metropolis')).toBe(metropolisSampler);
    expect(registry.getSampler('ising', 'heat-bath')).toBe(heatBathSampler);
    expect(registry.getSampler('ising', 'wolff')).toBe(wolffSampler);
    expect(registry.getSampler('ising', 'swendsen-wang')).toBe(swendsenWangSampler);
  });
});
