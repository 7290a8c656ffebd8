import { invalidArgument, sampleView, type Estimate, type LatticeModel, type ModelParameters, type SpinBatch } from '@rgae/core';

/** Observables the test shows when the lattice's summary has them, in this order; otherwise every common one. */
export const PREFERRED_OBSERVABLES = ['absM', 'e', 'chi', 'C'] as const;

const DISPLAY_NAMES: Record<string, string> = { absM: '⟨|m|⟩', e: 'e', chi: 'χ', C: 'C' };

/** Returns the name of an observable in tables and figures, e.g. ⟨|m|⟩ for `absM`. */
export function displayName(observable: string): string {
  return DISPLAY_NAMES[observable] ?? observable;
}

/** Measures every configuration with the lattice's `measure` and derives estimates with its `summarize`. */
export function summarizeBatch(lattice: LatticeModel, batch: SpinBatch, params: ModelParameters): Record<string, Estimate> {
  if (batch.nSamples < 2) {
    throw invalidArgument(`Observables need at least 2 configurations per point, received ${batch.nSamples}. Hold out more samples (raise nSamples).`);
  }
  const series: Record<string, Float64Array> = {};
  for (let n = 0; n < batch.nSamples; n++) {
    const measurement = lattice.measure(sampleView(batch, n), params);
    for (const [name, value] of Object.entries(measurement)) {
      series[name] ??= new Float64Array(batch.nSamples);
      series[name][n] = value;
    }
  }
  return lattice.summarize(series, params);
}

/** Returns the preferred observables present in every summary, or every observable they share when none of those is. */
export function sharedObservables(summaries: ReadonlyArray<Record<string, Estimate>>): string[] {
  const common = Object.keys(summaries[0] ?? {}).filter((name) => summaries.every((summary) => name in summary));
  const preferred = PREFERRED_OBSERVABLES.filter((name) => common.includes(name));
  return preferred.length > 0 ? [...preferred] : common;
}
