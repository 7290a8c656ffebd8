import { createStudyContextFixture } from '@rgae/core/testing';
import { describe, expect, it } from 'vitest';
import { checkContextAligned, criticalTemperatureOf, nearestPointIndex } from './context-checks.js';

describe('checkContextAligned', () => {
  it('accepts the fixture', () => {
    expect(() => checkContextAligned(createStudyContextFixture(), 'losses')).not.toThrow();
  });

  it('names a missing point', () => {
    const context = createStudyContextFixture();
    context.models.ae.reconstruction.pop();
    expect(() => checkContextAligned(context, 'losses')).toThrow(/Study test "losses": models\.ae\.reconstruction has 3 batches for 4 thermal points/);
  });

  it('names a batch of other configurations', () => {
    const context = createStudyContextFixture();
    context.coarse[1] = { ...context.coarse[1], nSamples: 5 };
    expect(() => checkContextAligned(context, 'entropy')).toThrow(/coarse\[1\] contains 5 configurations, the originals at that point 40/);
  });
});

describe('critical temperature', () => {
  it('picks the point nearest T_c', () => {
    const context = createStudyContextFixture({ temperatures: [1, 2.2, 2.4, 3] });
    expect(criticalTemperatureOf(context)).toBeCloseTo(2.269185, 6);
    expect(nearestPointIndex(context, 2.269185)).toBe(1);
    expect(nearestPointIndex(context, null)).toBe(2);
  });
});
