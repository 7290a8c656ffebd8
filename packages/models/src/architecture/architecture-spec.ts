import { RgaeError, invalidArgument, type ArchitectureSpec } from '@rgae/core';

/** An ArchitectureSpec with every default filled in. */
export interface ResolvedSpec {
  channels: number;
  linearSize: number;
  blockSize: number;
  latentChannels: number;
  seed: number;
}

/** Fills defaults and checks the fields every architecture needs; throws an RgaeError naming the bad value. */
export function resolveSpec(architecture: string, spec: ArchitectureSpec): ResolvedSpec {
  const fields: Array<[string, unknown, number]> = [
    ['channels', spec.channels, 1],
    ['linearSize', spec.linearSize, 2],
    ['blockSize', spec.blockSize, 1],
    ['latentChannels', spec.latentChannels ?? spec.channels, 1],
    ['seed', spec.seed, 0],
  ];
  for (const [name, value, minimum] of fields) {
    if (!Number.isSafeInteger(value) || (value as number) < minimum) {
      throw invalidArgument(`Architecture "${architecture}" got ${name} = ${String(value)}: expected an integer ≥ ${minimum}.`);
    }
  }
  return {
    channels: spec.channels,
    linearSize: spec.linearSize,
    blockSize: spec.blockSize,
    latentChannels: spec.latentChannels ?? spec.channels,
    seed: spec.seed,
  };
}

/** Throws when the lattice cannot be cut into b×b blocks. */
export function assertBlocksFit(architecture: string, spec: ResolvedSpec): void {
  if (spec.blockSize < 2) {
    throw invalidArgument(`Architecture "${architecture}" got block size b = ${spec.blockSize}: expected an integer ≥ 2.`);
  }
  if (spec.linearSize % spec.blockSize !== 0) {
    throw new RgaeError(
      'INCOMPATIBLE',
      `Architecture "${architecture}" cannot take a lattice of L = ${spec.linearSize} with block size b = ${spec.blockSize}: ` +
        `L must be divisible by b. Choose L as a multiple of ${spec.blockSize} or a block size that divides ${spec.linearSize}.`,
    );
  }
}
