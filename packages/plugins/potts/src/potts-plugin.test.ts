import { Registry, definePlugin, isRgaeError, resolveStudyConfig, type ArchitectureDefinition, type RGScheme } from '@rgae/core';
import { describe, expect, it } from 'vitest';
import pottsPlugin from './index.js';

/** Stands in for the conv-ae architecture of @rgae/models, which a third-party plugin does not import. */
const stubArchitecture: ArchitectureDefinition<null> = {
  id: 'conv-ae',
  description: 'Stub autoencoder (test double)',
  role: 'autoencoder',
  validate: () => undefined,
  build: () => null,
};

/** Stands in for the Ising majority rule of @rgae/rg-schemes. */
const stubMajority: RGScheme = {
  id: 'majority',
  description: 'Stub Ising majority rule (test double)',
  defaultBlockSize: 2,
  supports: (lattice) => lattice === 'ising',
  coarsen: (batch) => batch,
};

function registryWithPotts(): Registry {
  const registry = new Registry();
  registry.load(pottsPlugin);
  registry.load(
    definePlugin({
      name: 'stub-builtins',
      version: '0.0.0',
      register(bind) {
        bind.architecture(stubArchitecture);
        bind.scheme(stubMajority);
      },
    }),
  );
  return registry;
}

describe('pottsPlugin', () => {
  it('registers lattices, samplers and the scheme', () => {
    const parts = registryWithPotts()
      .list()
      .filter((entry) => entry.plugin === '@rgae/plugin-potts')
      .map((entry) => `${entry.kind} ${entry.lattice ? `${entry.lattice}:` : ''}${entry.id}`);

    expect(parts).toEqual([
      'lattice potts',
      'lattice potts4',
      'sampler potts:metropolis',
      'sampler potts:wolff',
      'sampler potts4:metropolis',
      'sampler potts4:wolff',
      'scheme plurality',
    ]);
  });

  it('resolves a study on the potts lattice', () => {
    const config = resolveStudyConfig({ preset: 'quick', lattice: 'potts', scheme: 'plurality' }, registryWithPotts());

    expect(config.lattice).toBe('potts');
    expect(config.sampler).toBe('wolff');
    expect(config.scheme).toBe('plurality');
  });

  it('names plurality for the default scheme', () => {
    // The study default is the Ising majority rule, so a Potts study needs --scheme plurality.
    let caught: unknown;
    try {
      resolveStudyConfig({ preset: 'quick', lattice: 'potts4' }, registryWithPotts());
    } catch (error) {
      caught = error;
    }
    expect(isRgaeError(caught)).toBe(true);
    expect((caught as Error).message).toMatch(/RG scheme "majority" does not support lattice "potts4"\. Schemes that do: plurality\./);
  });
});
