import { describe, expect, it } from 'vitest';
import { invalidArgument } from '../errors/rgae-error.js';
import type { ArchitectureDefinition, ArchitectureSpec } from '../model/architecture.js';
import { architectureConformanceChecks, describeArchitectureConformance } from './architecture-conformance.js';

interface FakeModel {
  layers: number;
  disposed: boolean;
}

/** Builds a test architecture without a tensor library; each `breakage` adds one mistake. */
function fakeArchitecture(breakage: 'none' | 'ignores-blocks' | 'builds-nothing' = 'none', role: 'autoencoder' | 'thermometer' = 'autoencoder'): ArchitectureDefinition<FakeModel | undefined> {
  return {
    id: 'fake-ae',
    description: 'Records its spec (test architecture)',
    role,
    validate(spec: ArchitectureSpec) {
      if (!Number.isInteger(spec.channels) || spec.channels < 1) throw invalidArgument(`Invalid channels ${spec.channels}: expected an integer ≥ 1.`);
      if (breakage !== 'ignores-blocks' && role === 'autoencoder' && spec.linearSize % spec.blockSize !== 0) {
        throw invalidArgument(`L = ${spec.linearSize} is not divisible by b = ${spec.blockSize}.`);
      }
    },
    build: () => (breakage === 'builds-nothing' ? undefined : { layers: 2, disposed: false }),
  };
}

const spec: ArchitectureSpec = { channels: 1, linearSize: 8, blockSize: 2, seed: 1 };

describeArchitectureConformance(fakeArchitecture(), { spec, inspect: (model) => expect(model?.layers).toBe(2) });

describe('architectureConformanceChecks', () => {
  const failingChecks = async (architecture: ArchitectureDefinition<FakeModel | undefined>) => {
    const failing: string[] = [];
    for (const check of architectureConformanceChecks(architecture, { spec })) {
      try {
        await check.run();
      } catch {
        failing.push(check.name);
      }
    }
    return failing;
  };

  it('catches an autoencoder that accepts any L', async () => {
    expect(await failingChecks(fakeArchitecture('ignores-blocks'))).toEqual(['rejects L not divisible by b']);
  });

  it('catches a build that returns nothing', async () => {
    expect(await failingChecks(fakeArchitecture('builds-nothing'))).toEqual(['builds the valid spec']);
  });

  it('skips the block check for thermometers', () => {
    const names = architectureConformanceChecks(fakeArchitecture('none', 'thermometer'), { spec }).map((check) => check.name);
    expect(names).not.toContain('rejects L not divisible by b');
  });

  it('disposes every model it builds', async () => {
    const built: FakeModel[] = [];
    const checks = architectureConformanceChecks(fakeArchitecture(), {
      spec,
      dispose: (model) => {
        model!.disposed = true;
        built.push(model!);
      },
    });
    for (const check of checks) await check.run();
    expect(built.length).toBe(1);
    expect(built[0].disposed).toBe(true);
  });

  it('rejects an autoencoder spec whose b does not divide L', () => {
    expect(() => architectureConformanceChecks(fakeArchitecture(), { spec: { ...spec, linearSize: 9 } })).toThrow(/b ≥ 2 dividing L, received L = 9/);
  });
});
