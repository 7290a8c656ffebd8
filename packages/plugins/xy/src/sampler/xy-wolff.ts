import type { ChainOptions, MarkovChain, SamplerDefinition } from '@rgae/core';
import { wrapAngle } from '../lattice/angles.js';
import { NEIGHBOURS_PER_SITE, neighbourTable } from '../lattice/neighbour-table.js';
import { checkChainOptions } from './check-chain-options.js';

/**
 * Wolff single-cluster sampler for the XY model (U. Wolff, "Collective Monte Carlo updating for spin
 * systems", Phys. Rev. Lett. 62, 361 (1989)). One sweep is one cluster flip: draw a random unit vector
 * r = (cos α, sin α) and a random seed site, grow a cluster by adding each neighbour j of a cluster site i
 * with probability 1 − exp(min(0, −2βJ (r·s_i)(r·s_j))) (projections before the flip), and reflect every
 * cluster spin about the line perpendicular to r, θ → π + 2α − θ. With a field h ≠ 0 the whole flip is then
 * accepted with probability min(1, exp(−βΔE_h)), ΔE_h = −h Σ_cluster (cos θ' − cos θ), which keeps detailed
 * balance because the cluster construction already accounts for the coupling energy.
 */
export const xyWolffSampler: SamplerDefinition<Float32Array> = {
  id: 'wolff',
  lattice: 'xy',
  description: 'Wolff single-cluster updates by reflection about a random axis (Wolff 1989)',
  family: 'cluster',
  sweepDefinition: 'one Wolff cluster built and reflected',
  create(options: ChainOptions<Float32Array>): MarkovChain<Float32Array> {
    checkChainOptions('wolff', options);
    return new WolffChain(options);
  },
};

class WolffChain implements MarkovChain<Float32Array> {
  readonly kernels = 'js';
  private readonly neighbours: Int32Array;
  /** Sites of the current cluster in the order they joined; cluster growth walks this list as a queue. */
  private readonly cluster: Int32Array;
  /** Angle of each cluster member before the reflection, aligned with `cluster`. */
  private readonly previousAngles: Float32Array;
  /** `stamp` of the cluster a site last joined; comparing with the current stamp avoids clearing a mask. */
  private readonly memberOf: Int32Array;
  private stamp = 0;
  private flips = 0;
  private accepted = 0;
  private clusterSites = 0;

  constructor(private readonly options: ChainOptions<Float32Array>) {
    const nSites = options.initial.length;
    this.neighbours = neighbourTable(options.linearSize);
    this.cluster = new Int32Array(nSites);
    this.previousAngles = new Float32Array(nSites);
    this.memberOf = new Int32Array(nSites);
  }

  get configuration(): Float32Array {
    return this.options.initial;
  }

  sweep(): void {
    const axis = 2 * Math.PI * this.options.rng.nextFloat();
    const size = this.growAndReflect(axis);
    this.flips++;
    this.clusterSites += size;

    if (this.options.field !== 0 && !this.acceptFieldChange(size)) {
      this.restore(size);
      return;
    }
    this.accepted++;
  }

  /** Mean cluster size in sites and as a fraction of N, and the flip acceptance rate, since the last call. */
  statistics(): Record<string, number> {
    const flips = Math.max(1, this.flips);
    const meanClusterSize = this.clusterSites / flips;
    const result = {
      meanClusterSize,
      meanClusterFraction: meanClusterSize / this.options.initial.length,
      acceptanceRate: this.accepted / flips,
    };
    this.flips = 0;
    this.accepted = 0;
    this.clusterSites = 0;
    return result;
  }

  /** Grows one cluster from a random seed, reflecting each site as it joins; returns the cluster size. */
  private growAndReflect(axis: number): number {
    const { initial: angles, rng, beta, coupling } = this.options;
    const { neighbours, cluster, memberOf } = this;
    const stamp = this.nextStamp();
    const bondFactor = -2 * beta * coupling;

    const seed = rng.nextInt(angles.length);
    let size = this.join(seed, axis, stamp);
    for (let next = 0; next < size; next++) {
      const site = cluster[next];
      const projection = Math.cos(this.previousAngles[next] - axis);
      const row = site * NEIGHBOURS_PER_SITE;
      for (let k = 0; k < NEIGHBOURS_PER_SITE; k++) {
        const neighbour = neighbours[row + k];
        if (memberOf[neighbour] === stamp) continue;
        const exponent = bondFactor * projection * Math.cos(angles[neighbour] - axis);
        if (exponent < 0 && rng.nextFloat() < -Math.expm1(exponent)) size = this.join(neighbour, axis, stamp, size);
      }
    }
    return size;
  }

  /** Adds `site` to the cluster at position `size` and reflects it about the line perpendicular to the axis. */
  private join(site: number, axis: number, stamp: number, size = 0): number {
    const angles = this.options.initial;
    this.memberOf[site] = stamp;
    this.cluster[size] = site;
    this.previousAngles[size] = angles[site];
    // NOTE: the reflected angle is rounded to float32, so a second reflection restores θ only to within ~5e-7 rad.
    angles[site] = wrapAngle(Math.PI + 2 * axis - angles[site]);
    return size + 1;
  }

  /** Metropolis test of the field energy change of the reflected cluster. */
  private acceptFieldChange(size: number): boolean {
    const { initial: angles, field, beta, rng } = this.options;
    let deltaCos = 0;
    for (let n = 0; n < size; n++) deltaCos += Math.cos(angles[this.cluster[n]]) - Math.cos(this.previousAngles[n]);
    const deltaEnergy = -field * deltaCos;
    return deltaEnergy <= 0 || rng.nextFloat() < Math.exp(-beta * deltaEnergy);
  }

  private restore(size: number): void {
    for (let n = 0; n < size; n++) this.options.initial[this.cluster[n]] = this.previousAngles[n];
  }

  private nextStamp(): number {
    if (this.stamp === 0x7fffffff) {
      this.memberOf.fill(0);
      this.stamp = 0;
    }
    return ++this.stamp;
  }
}
