import { RgaeError, type RGScheme } from '@rgae/core';

/**
 * Throws INCOMPATIBLE when `scheme` cannot coarse-grain `lattice`. The message names both and lists
 * the schemes among `schemes` that do support the lattice (the registered ones, when the caller has
 * a registry).
 */
export function assertSchemeSupports(scheme: RGScheme, lattice: string, schemes: readonly RGScheme[]): void {
  if (scheme.supports(lattice)) return;

  const alternatives = schemes.filter((candidate) => candidate.supports(lattice)).map((candidate) => candidate.id);
  const advice =
    alternatives.length > 0
      ? `Schemes that support "${lattice}": ${alternatives.join(', ')}. Choose one of them.`
      : `No registered scheme supports "${lattice}". Load a plugin that provides one.`;
  throw new RgaeError('INCOMPATIBLE', `RG scheme "${scheme.id}" does not support the "${lattice}" lattice. ${advice}`);
}

/**
 * Throws INCOMPATIBLE when `lattice` is not among those a scheme accepts. Schemes call it on their own,
 * without the list of other schemes, so the message names the accepted lattices instead.
 */
export function assertLatticeAccepted(schemeId: string, lattice: string, accepted: readonly string[]): void {
  if (accepted.includes(lattice)) return;
  throw new RgaeError(
    'INCOMPATIBLE',
    `RG scheme "${schemeId}" does not support the "${lattice}" lattice; it accepts ${accepted.map((id) => `"${id}"`).join(', ')}.`,
  );
}
