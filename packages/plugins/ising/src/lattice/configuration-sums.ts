/**
 * Bond sum B = Σ⟨ij⟩ s_i s_j of a periodic L×L configuration, each site paired with its right and lower
 * neighbour, so there are 2L² bonds. For L = 2 the left and right neighbours coincide and each such pair is
 * counted twice, which is the same periodic lattice the neighbour-sum update rules see.
 */
export function bondSum(configuration: ArrayLike<number>, linearSize: number): number {
  let sum = 0;
  for (let y = 0; y < linearSize; y++) {
    const row = y * linearSize;
    const below = ((y + 1) % linearSize) * linearSize;
    for (let x = 0; x < linearSize; x++) {
      const right = x + 1 === linearSize ? 0 : x + 1;
      const spin = configuration[row + x];
      sum += spin * (configuration[row + right] + configuration[below + x]);
    }
  }
  return sum;
}

/** Total magnetisation M = Σ s_i. */
export function spinSum(configuration: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < configuration.length; i++) sum += configuration[i];
  return sum;
}

/** Total energy H = −J·B − h·M of a configuration with bond sum B and magnetisation M. */
export function isingEnergy(configuration: ArrayLike<number>, linearSize: number, coupling: number, field: number): number {
  return -coupling * bondSum(configuration, linearSize) - field * spinSum(configuration);
}
