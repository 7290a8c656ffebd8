import { describe, expect, it } from 'vitest';
import { isRgaeError } from '../errors/rgae-error.js';
import type { ArchitectureDefinition, ArchitectureSpec } from '../model/architecture.js';
import type { ConformanceCheck } from './scheme-conformance.js';

export interface ArchitectureConformanceOptions<M> {
  /** A spec the architecture must accept and build; for autoencoders, L must be divisible by b ≥ 2. */
  spec: ArchitectureSpec;
  /** Checks of the built model that need the implementing package, e.g. tensor shapes. */
  inspect?(model: M, spec: ArchitectureSpec): void | Promise<void>;
  /** Frees a built model (tensor memory); called after every build of the suite. */
  dispose?(model: M): void;
}

/** The same id rule the registry applies: lower-case words, optionally namespaced as `plugin/id`. */
const ID_PATTERN = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)?$/;

function rejection(validate: () => void): unknown {
  try {
    validate();
  } catch (error) {
    return error;
  }
  return undefined;
}

function checkDeclaration<M>(architecture: ArchitectureDefinition<M>): void {
  expect(architecture.id, 'architecture id').toMatch(ID_PATTERN);
  expect(architecture.description.trim().length, 'description length').toBeGreaterThan(0);
  expect(['autoencoder', 'thermometer'], 'role').toContain(architecture.role);
}

function checkIndivisibleRejected<M>(architecture: ArchitectureDefinition<M>, spec: ArchitectureSpec): void {
  const linearSize = spec.linearSize + 1;
  const caught = rejection(() => architecture.validate({ ...spec, linearSize }));
  expect(isRgaeError(caught), `L = ${linearSize} with b = ${spec.blockSize} must raise an RgaeError`).toBe(true);
  expect((caught as Error).message, 'the message names L').toContain(String(linearSize));
}

function checkNoChannelsRejected<M>(architecture: ArchitectureDefinition<M>, spec: ArchitectureSpec): void {
  const caught = rejection(() => architecture.validate({ ...spec, channels: 0 }));
  expect(isRgaeError(caught), 'channels = 0 must raise an RgaeError').toBe(true);
}

async function checkBuild<M>(architecture: ArchitectureDefinition<M>, options: ArchitectureConformanceOptions<M>): Promise<void> {
  const model = architecture.build(options.spec);
  try {
    expect(model === undefined || model === null, 'build returned no model').toBe(false);
    await options.inspect?.(model, options.spec);
  } finally {
    options.dispose?.(model);
  }
}

/**
 * Lists the checks every architecture passes. Core has no tensor library, so the checks call only `validate`
 * and `build`. They require a valid id, description and role, the spec accepted and built (then handed to
 * `inspect` and `dispose`), and channels = 0 rejected. Autoencoders must also raise an RgaeError naming L
 * when L is not divisible by b. Thermometers read whole configurations, so that check does not apply to them.
 */
export function architectureConformanceChecks<M>(architecture: ArchitectureDefinition<M>, options: ArchitectureConformanceOptions<M>): ConformanceCheck[] {
  const { spec } = options;
  const checksBlocks = architecture.role === 'autoencoder';
  if (checksBlocks && (spec.blockSize < 2 || spec.linearSize % spec.blockSize !== 0)) {
    throw new Error(`Architecture conformance: the spec needs b ≥ 2 dividing L, received L = ${spec.linearSize}, b = ${spec.blockSize}.`);
  }

  const checks: ConformanceCheck[] = [
    { name: 'declares a valid id, description and role', run: () => checkDeclaration(architecture) },
    { name: 'accepts the valid spec', run: () => expect(() => architecture.validate(spec)).not.toThrow() },
    { name: 'rejects a spec without channels', run: () => checkNoChannelsRejected(architecture, spec) },
  ];
  if (checksBlocks) checks.push({ name: 'rejects L not divisible by b', run: () => checkIndivisibleRejected(architecture, spec) });
  checks.push({ name: 'builds the valid spec', run: () => checkBuild(architecture, options) });
  return checks;
}

/**
 * Registers `architectureConformanceChecks` as a vitest suite, one test per check. Call it at the top
 * level of a test file.
 */
export function describeArchitectureConformance<M>(architecture: ArchitectureDefinition<M>, options: ArchitectureConformanceOptions<M>): void {
  const checks = architectureConformanceChecks(architecture, options);
  describe(`architecture conformance: ${architecture.id}`, () => {
    for (const check of checks) it(check.name, check.run);
  });
}
