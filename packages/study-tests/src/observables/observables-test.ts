import {
  lineChart,
  type Estimate,
  type FigureSpec,
  type ResultTable,
  type StudyContext,
  type StudyTestDefinition,
  type StudyTestResult,
} from '@rgae/core';
import { chiSquareDistance } from '../shared/chi-square-distance.js';
import { checkContextAligned, criticalTemperatureOf } from '../shared/context-checks.js';
import { labelOf, leaderOf } from '../shared/model-comparison.js';
import { cell, estimateCells, formatNumber, putScalars, withErrorColumns } from '../shared/table-cells.js';
import { displayName, sharedObservables, summarizeBatch } from './observable-curves.js';

const ID = 'observables';
const TITLE = 'Thermodynamic observables of the reconstructions';

/** Per source (original, RG reconstruction, AE reconstruction), per point, the lattice's summary. */
type Summaries = Array<Array<Record<string, Estimate>>>;

function summariesOf(context: StudyContext): Summaries {
  const sources = [context.original, context.models.rg.reconstruction, context.models.ae.reconstruction];
  return sources.map((batches) =>
    batches.map((batch, i) =>
      summarizeBatch(context.lattice, batch, {
        linearSize: batch.linearSize,
        beta: context.points[i].beta,
        coupling: context.config.coupling,
        field: context.config.field,
      }),
    ),
  );
}

function sourceLabels(context: StudyContext): string[] {
  return ['original', `${labelOf(context.models.rg)} reconstruction`, `${labelOf(context.models.ae)} reconstruction`];
}

function observableTable(context: StudyContext, summaries: Summaries, observable: string): ResultTable {
  return {
    id: `observable-${observable}`,
    caption: `${displayName(observable)} per temperature of originals and reconstructions, from the lattice's own estimators with their errors.`,
    columns: ['temperature T', ...withErrorColumns(...sourceLabels(context).map((label) => `${label} ${displayName(observable)}`))],
    rows: context.points.map((point, i) => [cell(point.temperature), ...summaries.flatMap((source) => estimateCells(source[i][observable]))]),
  };
}

function observableFigure(context: StudyContext, summaries: Summaries, observable: string, criticalTemperature: number | null): FigureSpec {
  const labels = sourceLabels(context);
  const data = summaries.flatMap((source, s) =>
    source.map((summary, i) => {
      const [value, error] = estimateCells(summary[observable]);
      return { temperature: cell(context.points[i].temperature), value, error, source: labels[s] };
    }),
  );
  return {
    id: `observable-${observable}`,
    caption: `${displayName(observable)} against temperature for originals and both reconstructions.`,
    spec: lineChart({
      title: displayName(observable),
      data,
      x: 'temperature',
      y: 'value',
      error: 'error',
      color: 'source',
      xTitle: 'temperature T (J/k_B)',
      yTitle: displayName(observable),
      referenceLines: criticalTemperature === null ? [] : [{ orientation: 'vertical', value: criticalTemperature, label: 'T_c' }],
    }),
  };
}

async function run(context: StudyContext): Promise<StudyTestResult> {
  checkContextAligned(context, ID);
  const summaries = summariesOf(context);
  const observables = sharedObservables(summaries.flat());
  const criticalTemperature = criticalTemperatureOf(context);

  const distances = observables.map((observable) => {
    const curve = (s: number) => summaries[s].map((summary) => summary[observable]);
    return [chiSquareDistance(curve(1), curve(0)), chiSquareDistance(curve(2), curve(0))];
  });
  const rgDistance = distances.reduce((sum, [rg]) => sum + rg, 0) / observables.length;
  const aeDistance = distances.reduce((sum, [, ae]) => sum + ae, 0) / observables.length;
  const leaderName = (rg: number, ae: number) => {
    const leader = leaderOf(rg, ae, 'lower');
    if (leader === 'rg' || leader === 'ae') return labelOf(context.models[leader]);
    return leader === 'tie' ? 'tie' : 'n/a';
  };

  const distanceTable: ResultTable = {
    id: 'observable-distance',
    caption:
      'χ²/point between each reconstruction\'s curve and the originals\', (1/P) Σ (O_rec − O_orig)²/(σ_rec² + σ_orig²), errors taken as ' +
      'independent although both curves come from the same configurations; null where the errors vanish but the curves differ.',
    columns: ['observable', `${labelOf(context.models.rg)} χ²/point`, `${labelOf(context.models.ae)} χ²/point`, 'closer to the originals'],
    rows: observables.map((observable, o) => [displayName(observable), cell(distances[o][0]), cell(distances[o][1]), leaderName(distances[o][0], distances[o][1])]),
  };

  const scalars: StudyTestResult['scalars'] = {};
  putScalars(scalars, { 'rg.meanChiSquarePerPoint': rgDistance, 'ae.meanChiSquarePerPoint': aeDistance });
  observables.forEach((observable, o) => putScalars(scalars, { [`rg.chiSquarePerPoint.${observable}`]: distances[o][0], [`ae.chiSquarePerPoint.${observable}`]: distances[o][1] }));

  return {
    id: ID,
    title: TITLE,
    verdict: verdictOf(context, observables, rgDistance, aeDistance),
    scalars,
    tables: [distanceTable, ...observables.map((observable) => observableTable(context, summaries, observable))],
    figures: observables.map((observable) => observableFigure(context, summaries, observable, criticalTemperature)),
  };
}

function verdictOf(context: StudyContext, observables: string[], rgDistance: number, aeDistance: number): string {
  const rg = labelOf(context.models.rg);
  const ae = labelOf(context.models.ae);
  const names = observables.map(displayName).join(', ');
  const numbers = `mean χ²/point over ${names}: ${formatNumber(rgDistance)} (${rg}) vs ${formatNumber(aeDistance)} (${ae})`;

  const leader = leaderOf(rgDistance, aeDistance, 'lower');
  if (leader === 'undecided') return `The observable curves could not be compared (${numbers}).`;
  if (leader === 'tie') return `Both reconstructions' observables stay equally close to the originals' (${numbers}).`;
  return `The ${leader === 'rg' ? rg : ae} reconstruction's observables stay closer to the originals' (${numbers}).`;
}

/**
 * Test `observables`: the lattice's observables (⟨|m|⟩, e, χ, C for Ising and XY) of both reconstructions against
 * the originals' across temperature, and the χ² distance between the curves.
 */
export const observablesTest: StudyTestDefinition<StudyContext> = {
  id: ID,
  title: TITLE,
  description:
    'The observables ⟨|m|⟩, e, χ and C (or whichever the lattice summarizes) of the originals and both reconstructions across ' +
    'temperature, measured with the lattice\'s own measure and summarize, and the χ²/point distance of each reconstruction\'s curves ' +
    'from the originals\'.',
  supports: () => true,
  run,
};
