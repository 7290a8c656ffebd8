import { isPlugin, Registry } from '@rgae/core';
import { describe, expect, it } from 'vitest';
import studyTestsPlugin, { STUDY_TESTS } from './index.js';

describe('study-tests plugin', () => {
  it('is a plugin named after its package', () => {
    expect(isPlugin(studyTestsPlugin)).toBe(true);
    expect(studyTestsPlugin.name).toBe('@rgae/study-tests');
  });

  it('registers the six tests', () => {
    const registry = new Registry();
    registry.load(studyTestsPlugin);
    expect(registry.all('test').map((test) => test.id)).toEqual(['losses', 'thermometer-flow', 'weights', 'correlations', 'entropy', 'observables']);
    expect(registry.get('test', 'entropy')).toBe(STUDY_TESTS[4]);
  });

  it('supports Ising and XY with every test', () => {
    for (const test of STUDY_TESTS) {
      expect(test.supports('ising'), test.id).toBe(true);
      expect(test.supports('xy'), test.id).toBe(true);
    }
  });

  it('leaves entropy and losses out for other lattices', () => {
    const unsupported = STUDY_TESTS.filter((test) => !test.supports('acme/potts')).map((test) => test.id);
    expect(unsupported).toEqual(['losses', 'entropy']);
  });
});
