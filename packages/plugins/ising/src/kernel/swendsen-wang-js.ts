import { bondThreshold } from './acceptance-table.js';

/**
 * Swendsen–Wang updates (R. H. Swendsen and J.-S. Wang, Phys. Rev. Lett. 58, 86 (1987)) for
 * H = −J Σ s_i s_j at h = 0: every satisfied bond (J·s_i·s_j > 0) is activated with probability
 * p = 1 − exp(−2β|J|), the clusters of activated bonds are found with union–find (path halving, union by
 * index), and each cluster is flipped with probability 1/2.
 */
export class SwendsenWangKernel {
  private readonly parent: Int32Array;
  private readonly decision: Int8Array;
  private readonly threshold: number;
  private readonly alignment: number;

  constructor(
    private readonly linearSize: number,
    beta: number,
    coupling: number,
    private readonly state: Int32Array,
  ) {
    const nSites = linearSize * linearSize;
    this.parent = new Int32Array(nSites);
    this.decision = new Int8Array(nSites);
    this.threshold = bondThreshold(beta, coupling);
    this.alignment = coupling < 0 ? -1 : 1;
  }

  /** Performs one Swendsen–Wang step in place; returns the number of clusters. */
  step(spins: Int8Array): number {
    this.activateBonds(spins);
    return this.flipClusters(spins);
  }

  private nextUint32(): number {
    const state = this.state;
    const s1 = state[1];
    const scrambled = Math.imul(s1, 5);
    const result = Math.imul((scrambled << 7) | (scrambled >>> 25), 9) >>> 0;
    const t = s1 << 9;
    state[2] ^= state[0];
    state[3] ^= state[1];
    state[1] ^= state[2];
    state[0] ^= state[3];
    state[2] ^= t;
    state[3] = (state[3] << 11) | (state[3] >>> 21);
    return result;
  }

  private find(site: number): number {
    const parent = this.parent;
    while (parent[site] !== site) {
      parent[site] = parent[parent[site]];
      site = parent[site];
    }
    return site;
  }

  private union(a: number, b: number): void {
    const rootA = this.find(a);
    const rootB = this.find(b);
    if (rootA < rootB) this.parent[rootB] = rootA;
    else if (rootB < rootA) this.parent[rootA] = rootB;
  }

  private activateBonds(spins: Int8Array): void {
    const size = this.linearSize;
    const { parent, threshold, alignment } = this;
    for (let i = 0; i < parent.length; i++) parent[i] = i;

    for (let y = 0; y < size; y++) {
      const row = y * size;
      const below = (y === size - 1 ? 0 : row + size);
      for (let x = 0; x < size; x++) {
        const site = row + x;
        const spin = spins[site] * alignment;
        const right = x === size - 1 ? row : site + 1;
        const down = below + x;
        if (spins[right] === spin && this.nextUint32() < threshold) this.union(site, right);
        if (spins[down] === spin && this.nextUint32() < threshold) this.union(site, down);
      }
    }
  }

  private flipClusters(spins: Int8Array): number {
    const decision = this.decision;
    decision.fill(0);
    let clusters = 0;
    for (let site = 0; site < spins.length; site++) {
      const root = this.find(site);
      if (decision[root] === 0) {
        decision[root] = this.nextUint32() & 1 ? 1 : -1;
        clusters++;
      }
      if (decision[root] === 1) spins[site] = -spins[site];
    }
    return clusters;
  }
}
