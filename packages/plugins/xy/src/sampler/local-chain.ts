import type { ChainOptions, MarkovChain } from '@rgae/core';
import { LocalUpdates } from './local-updates.js';
import { ProposalWidth } from './proposal-width.js';

/**
 * A chain of local XY updates: each sweep is one Metropolis sweep followed by `overrelaxationSweeps`
 * over-relaxation sweeps. The Metropolis width is tuned until `endThermalisation()` and fixed after it.
 */
export class LocalChain implements MarkovChain<Float32Array> {
  readonly kernels = 'js';
  private readonly updates: LocalUpdates;
  private readonly width = new ProposalWidth();
  private accepted = 0;
  private proposed = 0;

  constructor(
    private readonly options: ChainOptions<Float32Array>,
    private readonly overrelaxationSweeps: number,
  ) {
    this.updates = new LocalUpdates(options.initial, options);
  }

  get configuration(): Float32Array {
    return this.options.initial;
  }

  sweep(): void {
    const nSites = this.options.initial.length;
    // The configuration belongs to the caller between sweeps, so reread it once per sweep.
    this.updates.refreshCache();
    const accepted = this.updates.metropolisSweep(this.width.value, this.options.rng);
    this.width.adapt(accepted / nSites);
    this.accepted += accepted;
    this.proposed += nSites;

    for (let k = 0; k < this.overrelaxationSweeps; k++) this.updates.overrelaxationSweep();
  }

  endThermalisation(): void {
    this.width.freeze();
  }

  /** Metropolis acceptance rate since the last call and the current proposal half-width w (radians). */
  statistics(): Record<string, number> {
    const result = { acceptanceRate: this.accepted / Math.max(1, this.proposed), proposalWidth: this.width.value };
    this.accepted = 0;
    this.proposed = 0;
    return result;
  }
}
