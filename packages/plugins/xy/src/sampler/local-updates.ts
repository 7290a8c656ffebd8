import type { ModelParameters, Rng } from '@rgae/core';
import { wrapAngle } from '../lattice/angles.js';
import { NEIGHBOURS_PER_SITE, neighbourTable } from '../lattice/neighbour-table.js';

/**
 * Single-site updates of an XY configuration in place. Each update uses the local field
 * (H_x, H_y) = (J Σ_j cos θ_j + h, J Σ_j sin θ_j) of its four neighbour slots, so that the site's energy is
 * −(H_x cos θ_i + H_y sin θ_i). The sweeps read cos θ and sin θ of the neighbours from a cache that they keep
 * in step with their own updates. Call `refreshCache()` after any other edit of the configuration.
 */
export class LocalUpdates {
  private readonly neighbours: Int32Array;
  private readonly cosines: Float64Array;
  private readonly sines: Float64Array;
  private fieldX = 0;
  private fieldY = 0;

  constructor(
    readonly configuration: Float32Array,
    private readonly params: ModelParameters,
  ) {
    this.neighbours = neighbourTable(params.linearSize);
    this.cosines = new Float64Array(configuration.length);
    this.sines = new Float64Array(configuration.length);
  }

  /**
   * Visits every site in order and proposes θ → θ + δ with δ uniform in [−width, width], accepted with
   * probability min(1, exp(−βΔE)) (Metropolis et al. 1953). The proposal is symmetric, so detailed balance
   * holds for a fixed width. Returns the number of accepted proposals.
   */
  metropolisSweep(width: number, rng: Rng): number {
    const { beta } = this.params;
    const { configuration, cosines, sines } = this;
    let accepted = 0;

    for (let i = 0; i < configuration.length; i++) {
      this.computeLocalField(i);
      const { fieldX, fieldY } = this;
      const proposed = wrapAngle(configuration[i] + width * (2 * rng.nextFloat() - 1));
      const cosine = Math.cos(proposed);
      const sine = Math.sin(proposed);
      const deltaEnergy = -(fieldX * (cosine - cosines[i]) + fieldY * (sine - sines[i]));

      if (deltaEnergy <= 0 || rng.nextFloat() < Math.exp(-beta * deltaEnergy)) {
        configuration[i] = proposed;
        cosines[i] = cosine;
        sines[i] = sine;
        accepted++;
      }
    }
    return accepted;
  }

  /**
   * Visits every site in order and reflects θ_i about the direction φ of its local field, θ → 2φ − θ. The
   * reflection keeps the energy (microcanonical) and is its own inverse, so it needs no acceptance test. It is
   * not ergodic alone and must be mixed with Metropolis sweeps. A site with zero local field is left unchanged.
   */
  overrelaxationSweep(): void {
    const { configuration, cosines, sines } = this;

    for (let i = 0; i < configuration.length; i++) {
      this.computeLocalField(i);
      const { fieldX, fieldY } = this;
      if (fieldX === 0 && fieldY === 0) continue;
      // NOTE: the reflected angle is rounded to float32, so the move keeps the energy and undoes itself only to
      // within that rounding (~5e-7 rad).
      const reflected = wrapAngle(2 * Math.atan2(fieldY, fieldX) - configuration[i]);
      configuration[i] = reflected;
      cosines[i] = Math.cos(reflected);
      sines[i] = Math.sin(reflected);
    }
  }

  private computeLocalField(site: number): void {
    const { neighbours, cosines, sines } = this;
    const { coupling, field } = this.params;
    const row = site * NEIGHBOURS_PER_SITE;
    let sumCos = 0;
    let sumSin = 0;
    for (let k = 0; k < NEIGHBOURS_PER_SITE; k++) {
      const j = neighbours[row + k];
      sumCos += cosines[j];
      sumSin += sines[j];
    }
    this.fieldX = coupling * sumCos + field;
    this.fieldY = coupling * sumSin;
  }

  /** Recomputes the cached cos θ and sin θ from the configuration. */
  refreshCache(): void {
    for (let i = 0; i < this.configuration.length; i++) {
      this.cosines[i] = Math.cos(this.configuration[i]);
      this.sines[i] = Math.sin(this.configuration[i]);
    }
  }
}
