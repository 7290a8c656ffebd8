import { invalidArgument, type SpinBatch, type StudyContext } from '@rgae/core';

/**
 * Checks that the per-point arrays of the context line up: one original batch, one coarse batch and, for each
 * model, one latent and one reconstruction per thermal point, with the same number of configurations as the
 * originals. Every study test calls it first, so a broken context fails with the array and point it concerns.
 */
export function checkContextAligned(context: StudyContext, testId: string): void {
  const nPoints = context.points.length;
  if (nPoints === 0) throw invalidArgument(`Study test "${testId}": the context has no thermal points. Run the study with at least one temperature.`);

  const perPoint: Array<[string, SpinBatch[]]> = [
    ['original', context.original],
    ['coarse', context.coarse],
    ['models.rg.latent', context.models.rg.latent],
    ['models.rg.reconstruction', context.models.rg.reconstruction],
    ['models.ae.latent', context.models.ae.latent],
    ['models.ae.reconstruction', context.models.ae.reconstruction],
  ];
  for (const [name, batches] of perPoint) {
    if (batches.length !== nPoints) {
      throw invalidArgument(`Study test "${testId}": ${name} has ${batches.length} batches for ${nPoints} thermal points. Rebuild the study context from one run.`);
    }
    batches.forEach((batch, i) => {
      if (batch.nSamples !== context.original[i].nSamples) {
        throw invalidArgument(
          `Study test "${testId}": ${name}[${i}] contains ${batch.nSamples} configurations, the originals at that point ${context.original[i].nSamples}. ` +
            'Both must be the same held-out configurations.',
        );
      }
    });
  }
}

/** Returns the critical (or BKT) temperature of the context's lattice at its coupling, or null when the lattice has none. */
export function criticalTemperatureOf(context: StudyContext): number | null {
  const value = context.lattice.criticalTemperature?.(context.config.coupling);
  return value !== undefined && Number.isFinite(value) ? value : null;
}

/** Returns the index of the thermal point closest to `temperature`, or of the middle point when it is null. */
export function nearestPointIndex(context: StudyContext, temperature: number | null): number {
  if (temperature === null) return Math.floor(context.points.length / 2);

  let best = 0;
  context.points.forEach((point, i) => {
    if (Math.abs(point.temperature - temperature) < Math.abs(context.points[best].temperature - temperature)) best = i;
  });
  return best;
}

/** Formats a temperature for labels, e.g. "T = 2.5". */
export function temperatureLabel(temperature: number): string {
  return `T = ${Number(temperature.toPrecision(4))}`;
}
