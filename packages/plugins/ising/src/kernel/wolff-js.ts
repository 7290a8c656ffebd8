import { bondThreshold } from './acceptance-table.js';

/**
 * Wolff single-cluster updates (U. Wolff, Phys. Rev. Lett. 62, 361 (1989)) for H = −J Σ s_i s_j at h = 0.
 * A cluster grows from a random seed site through satisfied bonds (J·s_i·s_j > 0), each added with
 * probability p = 1 − exp(−2β|J|), and every spin of the cluster is flipped. The cluster is grown with an
 * explicit stack, and a per-cluster visit stamp keeps frustrated bonds (J < 0, odd L) out of the cluster.
 */
export class WolffKernel {
  private readonly stack: Int32Array;
  private readonly visited: Int32Array;
  private readonly neighbours = new Int32Array(4);
  private readonly threshold: number;
  private readonly alignment: number;
  private stamp = 0;

  constructor(
    private readonly linearSize: number,
    beta: number,
    coupling: number,
    private readonly state: Int32Array,
  ) {
    const nSites = linearSize * linearSize;
    this.stack = new Int32Array(nSites);
    this.visited = new Int32Array(nSites);
    this.threshold = bondThreshold(beta, coupling);
    this.alignment = coupling < 0 ? -1 : 1;
  }

  /** Grows and flips one cluster from `seedSite`; returns the cluster size. */
  flipCluster(spins: Int8Array, seedSite: number): number {
    const size = this.linearSize;
    const { stack, visited, neighbours, threshold, alignment } = this;
    if (++this.stamp === 0x7fffffff) this.resetStamps();
    const stamp = this.stamp;
    let s0 = this.state[0];
    let s1 = this.state[1];
    let s2 = this.state[2];
    let s3 = this.state[3];

    visited[seedSite] = stamp;
    spins[seedSite] = -spins[seedSite];
    stack[0] = seedSite;
    let top = 1;
    let clusterSize = 1;

    while (top > 0) {
      const site = stack[--top];
      const joining = -spins[site] * alignment;
      const x = site % size;
      const row = site - x;
      neighbours[0] = x === 0 ? site + size - 1 : site - 1;
      neighbours[1] = x === size - 1 ? row : site + 1;
      neighbours[2] = row === 0 ? site + size * (size - 1) : site - size;
      neighbours[3] = row === size * (size - 1) ? x : site + size;
      for (let n = 0; n < 4; n++) {
        const neighbour = neighbours[n];
        if (visited[neighbour] === stamp || spins[neighbour] !== joining) continue;

        const scrambled = Math.imul(s1, 5);
        const random = Math.imul((scrambled << 7) | (scrambled >>> 25), 9) >>> 0;
        const t = s1 << 9;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = (s3 << 11) | (s3 >>> 21);
        if (random >= threshold) continue;

        visited[neighbour] = stamp;
        spins[neighbour] = -joining;
        stack[top++] = neighbour;
        clusterSize++;
      }
    }

    this.state[0] = s0;
    this.state[1] = s1;
    this.state[2] = s2;
    this.state[3] = s3;
    return clusterSize;
  }

  private resetStamps(): void {
    this.visited.fill(0);
    this.stamp = 1;
  }
}
