/** Injection tokens, one per kind of registrable part. Registered symbols survive duplicate copies of core. */
export const TOKENS = {
  lattice: Symbol.for('rgae.lattice'),
  sampler: Symbol.for('rgae.sampler'),
  scheme: Symbol.for('rgae.scheme'),
  architecture: Symbol.for('rgae.architecture'),
  test: Symbol.for('rgae.test'),
} as const;

export type PartKind = keyof typeof TOKENS;

export const PART_KINDS: readonly PartKind[] = ['lattice', 'sampler', 'scheme', 'architecture', 'test'];

/** Human-readable singular and plural of each kind, for messages and listings. */
export const PART_LABELS: Record<PartKind, { singular: string; plural: string }> = {
  lattice: { singular: 'lattice', plural: 'lattices' },
  sampler: { singular: 'sampler', plural: 'samplers' },
  scheme: { singular: 'RG scheme', plural: 'schemes' },
  architecture: { singular: 'architecture', plural: 'architectures' },
  test: { singular: 'study test', plural: 'tests' },
};
