import { describe, expect, it } from 'vitest';
import type { KernelChoice } from '../compute/kernel-choice.js';
import type { LatticeModel } from '../lattice/lattice-model.js';
import type { SpinData } from '../lattice/spin-batch.js';
import type { SamplerDefinition } from '../sampler/sampler.js';
import {
  checkEnsembleMetadata,
  checkLatticeId,
  checkOddLinearSizeAccepted,
  checkOddLinearSizeRejected,
  checkReproducibility,
  checkValidConfigurations,
  defaultValidity,
  type ConformanceSubject,
} from './conformance-checks.js';
import { runExactDistributionCheck, type ExactDistributionCheck } from './exact-distribution-check.js';

export interface SamplerConformanceOptions<D extends SpinData> {
  model: LatticeModel<D>;
  sampler: SamplerDefinition<D>;
  /** Size and β for the generic checks (validity, reproducibility, ensemble metadata); defaults 8 and 0.4. */
  linearSize?: number;
  beta?: number;
  /** χ² checks against exact distributions of tiny lattices (seeded; bins with small expectation merged). */
  exact?: ExactDistributionCheck<D>[];
  seed?: number;
  /** Kernel implementation the chains use; default 'auto'. */
  kernels?: KernelChoice;
  /** Validity of a configuration's values; default `defaultValidity` (finite floats, or integer values seen in the model's own starts). */
  isValidConfiguration?: (configuration: D) => boolean;
}

function describeExactCheck<D extends SpinData>(subject: ConformanceSubject<D>, check: ExactDistributionCheck<D>): void {
  const coupling = (check.coupling ?? 1) !== 1 ? `, J = ${check.coupling}` : '';
  const field = check.field ? `, h = ${check.field}` : '';
  it(`matches the exact distribution at L = ${check.linearSize}, β = ${check.beta}${coupling}${field}`, () => {
    const outcome = runExactDistributionCheck(subject, check);
    const { statistic, degreesOfFreedom, pValue } = outcome.chiSquare;
    const summary = `χ² = ${statistic.toFixed(1)}, df = ${degreesOfFreedom}, p = ${pValue.toExponential(2)}, largest τ_int of the recorded series = ${outcome.maxTauInt.toFixed(2)} samples`;
    expect(outcome.unexpectedBins, 'bins of probability 0 were sampled').toEqual([]);
    expect(pValue, summary).toBeGreaterThan(check.significance ?? 1e-4);
  });
}

/**
 * Registers the vitest suite every sampler of every lattice passes: lattice id, valid configurations,
 * reproducibility from the seed, odd-L handling, ensemble metadata, and χ² tests against exact distributions.
 * Call it at the top level of a test file.
 */
export function describeSamplerConformance<D extends SpinData>(options: SamplerConformanceOptions<D>): void {
  const { model, sampler } = options;
  const linearSize = options.linearSize ?? 8;
  const seed = options.seed ?? 1;
  const kernels = options.kernels ?? 'auto';
  const subject: ConformanceSubject<D> = {
    model,
    sampler,
    params: { linearSize, beta: options.beta ?? 0.4, coupling: 1, field: 0 },
    seed,
    kernels,
    isValidConfiguration: options.isValidConfiguration ?? defaultValidity(model, linearSize, seed),
  };
  const label = kernels === 'auto' ? `${sampler.lattice}/${sampler.id}` : `${sampler.lattice}/${sampler.id} (${kernels} kernels)`;

  describe(`sampler conformance: ${label}`, () => {
    it('updates the model it names', () => checkLatticeId(subject));
    it('keeps valid configurations', () => checkValidConfigurations(subject));
    it('reproduces a chain from its seed', () => checkReproducibility(subject));
    if (sampler.requiresEvenLinearSize) it('rejects an odd linear size', () => checkOddLinearSizeRejected(subject));
    else it('runs on an odd linear size', () => checkOddLinearSizeAccepted(subject));
    it('records ensemble metadata', () => checkEnsembleMetadata(subject));
    for (const check of options.exact ?? []) describeExactCheck(subject, check);
  });
}
