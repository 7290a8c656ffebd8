import { Registry } from '@rgae/core';
import { describe, expect, it } from 'vitest';
import rgSchemesPlugin, { blockAverageScheme, decimationScheme, majorityScheme } from './index.js';

describe('rg-schemes plugin', () => {
  it('registers the three schemes', () => {
    const registry = new Registry();
    registry.load(rgSchemesPlugin);

    expect(registry.ids('scheme')).toEqual(['majority', 'decimation', 'block-average']);
    expect(registry.get('scheme', 'majority')).toBe(majorityScheme);
    expect(registry.get('scheme', 'decimation')).toBe(decimationScheme);
    expect(registry.get('scheme', 'block-average')).toBe(blockAverageScheme);
    expect(registry.loadedPlugins()).toEqual([{ name: '@rgae/rg-schemes', version: '0.1.0', apiVersion: 1 }]);
  });
});
