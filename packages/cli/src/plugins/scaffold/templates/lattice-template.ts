/** src/lattice.ts of a generated plugin: an Ising model under the plugin's namespace, ready to edit. */
export function latticeTemplate(namespace: string, packageName: string): string {
  return `import {
  binderCumulant,
  correlatedMean,
  invalidArgument,
  specificHeat,
  susceptibility,
  type Estimate,
  type LatticeModel,
  type ModelParameters,
  type Rng,
  type SpinBatch,
} from '@rgae/core';

/** Σ⟨ij⟩ s_i·s_j on a periodic L×L lattice; each site pairs with its right and lower neighbour, so each bond counts once. */
export function bondSum(spins: Int8Array, linearSize: number): number {
  let sum = 0;
  for (let y = 0; y < linearSize; y++) {
    for (let x = 0; x < linearSize; x++) {
      const spin = spins[y * linearSize + x];
      sum += spin * spins[y * linearSize + ((x + 1) % linearSize)];
      sum += spin * spins[((y + 1) % linearSize) * linearSize + x];
    }
  }
  return sum;
}

function validateParameters(params: ModelParameters): void {
  const { linearSize, beta, coupling, field } = params;
  if (!Number.isInteger(linearSize) || linearSize < 2) {
    throw invalidArgument('Invalid linear size L = ' + linearSize + ': expected an integer >= 2.');
  }
  if (!Number.isFinite(beta) || beta < 0 || !Number.isFinite(coupling) || !Number.isFinite(field)) {
    throw invalidArgument('Invalid beta = ' + beta + ', J = ' + coupling + ' or h = ' + field + ': expected finite numbers with beta >= 0.');
  }
}

function createConfiguration(linearSize: number, rng: Rng, start: 'hot' | 'cold'): Int8Array {
  const spins = new Int8Array(linearSize * linearSize).fill(1);
  if (start === 'hot') {
    for (let i = 0; i < spins.length; i++) spins[i] = rng.nextUint32() & 1 ? 1 : -1;
  }
  return spins;
}

/** e = H/N with H = -J Σ⟨ij⟩ s_i s_j - h Σ s_i, and m = M/N. */
function measure(spins: Int8Array, params: ModelParameters): Record<string, number> {
  const nSites = spins.length;
  const magnetization = spins.reduce((sum, spin) => sum + spin, 0);
  const energy = -params.coupling * bondSum(spins, params.linearSize) - params.field * magnetization;
  return { e: energy / nSites, m: magnetization / nSites };
}

/** Means with τ_int-corrected errors, and χ, C and the Binder cumulant U4 with jackknife errors. */
function summarize(series: Record<string, Float64Array>, params: ModelParameters): Record<string, Estimate> {
  const nSites = params.linearSize * params.linearSize;
  return {
    e: correlatedMean(series.e),
    m: correlatedMean(series.m),
    chi: susceptibility(series.m, params.beta, nSites),
    C: specificHeat(series.e, params.beta, nSites),
    U4: binderCumulant(series.m),
  };
}

/** Maps network outputs back to spins by their sign (0 goes to +1). */
function decode(encoded: Float32Array, nSamples: number, linearSize: number): SpinBatch<Int8Array> {
  const data = Int8Array.from(encoded, (value) => (value < 0 ? -1 : 1));
  return { lattice: spinsModel.id, linearSize, nSamples, data };
}

/**
 * Square-lattice Ising model, H = -J Σ⟨ij⟩ s_i s_j - h Σ s_i with periodic boundaries, spins ±1 stored as an
 * Int8Array [L·L] row-major. Networks see one channel holding the spin. Replace the physics with your own model.
 */
export const spinsModel: LatticeModel<Int8Array> = {
  id: '${namespace}/spins',
  description: 'Ising spins ±1 on a periodic square lattice (example model of ${packageName})',
  dtype: 'int8',
  channels: 1,
  observables: ['e', 'm'],
  spacingObservables: ['e', 'm'],
  criticalTemperature: (coupling) => (coupling > 0 ? (2 * coupling) / Math.log(1 + Math.SQRT2) : undefined),
  validateParameters,
  createConfiguration,
  measure,
  summarize,
  encode: (batch) => Float32Array.from(batch.data),
  decode,
};
`;
}
