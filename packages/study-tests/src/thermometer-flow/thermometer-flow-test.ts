import {
  invalidArgument,
  lineChart,
  type DataRow,
  type Estimate,
  type FigureSpec,
  type ResultTable,
  type StudyContext,
  type StudyTestDefinition,
  type StudyTestResult,
  type ThermometerReadings,
} from '@rgae/core';
import { meanWithError } from '../shared/block-jackknife.js';
import { chiSquareDistance } from '../shared/chi-square-distance.js';
import { criticalTemperatureOf } from '../shared/context-checks.js';
import { labelOf, leaderOf } from '../shared/model-comparison.js';
import { cell, estimateCells, formatEstimate, formatNumber, putScalars, scalarOf, withErrorColumns } from '../shared/table-cells.js';
import { fixedPointEstimate } from './flow-fixed-point.js';

const ID = 'thermometer-flow';
const TITLE = 'Thermometer flow T → T′';

/** Reading kinds of the coarse thermometer: the scheme's output S(x) and both models' latents. */
export const COARSE_READING_KINDS = ['scheme', 'rg-latent', 'ae-latent'] as const;
/** Reading kinds of the fine thermometer: the originals and both reconstructions. */
export const FINE_READING_KINDS = ['original', 'rg-reconstruction', 'ae-reconstruction'] as const;

type Direction = 'colder' | 'hotter' | 'unchanged';

interface Flow {
  kind: string;
  label: string;
  means: Estimate[];
  fixedPoint: Estimate;
  directions: Direction[];
  /** Share of points, other than one exactly at T_c, where the flow goes the RG way: colder below T_c, hotter above. */
  directionAgreement: number;
}

function readingsOf(thermometer: ThermometerReadings, kind: string, nPoints: number, name: string): Float64Array[] | undefined {
  const readings = thermometer.readings[kind];
  if (readings === undefined) return undefined;
  if (readings.length !== nPoints) {
    throw invalidArgument(`The ${name} thermometer's "${kind}" readings cover ${readings.length} points, the study has ${nPoints}. Rerun the thermometer stage.`);
  }
  return readings;
}

function requireCoarseReadings(context: StudyContext): Float64Array[][] {
  return COARSE_READING_KINDS.map((kind) => {
    const readings = readingsOf(context.thermometers.coarse, kind, context.points.length, 'coarse');
    if (readings === undefined) {
      const present = Object.keys(context.thermometers.coarse.readings).join(', ') || '(none)';
      throw invalidArgument(
        `The coarse thermometer has no "${kind}" readings (present: ${present}). The thermometer-flow test needs ${COARSE_READING_KINDS.join(', ')}.`,
      );
    }
    return readings;
  });
}

function directionOf(temperature: number, reading: number): Direction {
  if (reading === temperature) return 'unchanged';
  return reading < temperature ? 'colder' : 'hotter';
}

function flowOf(kind: string, label: string, temperatures: number[], readings: Float64Array[], criticalTemperature: number | null): Flow {
  const means = readings.map((values) => meanWithError(values));
  const directions = means.map((mean, i) => directionOf(temperatures[i], mean.mean));

  let agreeing = 0;
  let counted = 0;
  if (criticalTemperature !== null) {
    temperatures.forEach((t, i) => {
      if (t === criticalTemperature) return;
      counted++;
      if (directions[i] === (t < criticalTemperature ? 'colder' : 'hotter')) agreeing++;
    });
  }
  return {
    kind,
    label,
    means,
    fixedPoint: fixedPointEstimate(temperatures, readings, criticalTemperature),
    directions,
    directionAgreement: counted === 0 ? NaN : agreeing / counted,
  };
}

function flowTable(context: StudyContext, flows: Flow[]): ResultTable {
  return {
    id: 'thermometer-flow',
    caption:
      'Mean reading T′ of the coarse thermometer per input temperature T for S(x) and both latents, with jackknife errors over ' +
      'configurations, and the flow direction (colder: T′ < T, hotter: T′ > T).',
    columns: ['temperature T', ...flows.flatMap((flow) => [...withErrorColumns(`${flow.label} T′`), `${flow.label} direction`])],
    rows: context.points.map((point, i) => [cell(point.temperature), ...flows.flatMap((flow) => [...estimateCells(flow.means[i]), flow.directions[i]])]),
  };
}

function fixedPointTable(flows: Flow[], criticalTemperature: number | null): ResultTable {
  return {
    id: 'flow-fixed-points',
    caption:
      'Fixed point T* of each flow (where T′ − T changes sign from negative to positive, linear interpolation between the ' +
      'bracketing temperatures, jackknife error over configurations), beside the critical temperature T_c; null where the flow does not cross T′ = T.',
    columns: ['flow', 'fixed point T*', 'error', 'T_c', 'T* − T_c', 'direction agreement'],
    rows: flows.map((flow) => [
      flow.label,
      ...estimateCells(flow.fixedPoint),
      cell(criticalTemperature),
      criticalTemperature === null ? null : cell(flow.fixedPoint.mean - criticalTemperature),
      cell(flow.directionAgreement),
    ]),
  };
}

function readingsFigure(id: string, title: string, context: StudyContext, flows: Flow[], criticalTemperature: number | null, caption: string): FigureSpec {
  const data: DataRow[] = flows.flatMap((flow) =>
    context.points.map((point, i) => {
      const [reading, error] = estimateCells(flow.means[i]);
      return { temperature: cell(point.temperature), reading, error, input: flow.label };
    }),
  );
  const referenceLines = [
    { orientation: 'identity' as const, label: 'T′ = T' },
    ...(criticalTemperature === null ? [] : [{ orientation: 'vertical' as const, value: criticalTemperature, label: 'T_c' }]),
  ];
  const spec = lineChart({
    title,
    data,
    x: 'temperature',
    y: 'reading',
    error: 'error',
    color: 'input',
    colorTitle: 'thermometer input',
    xTitle: 'input temperature T (J/k_B)',
    yTitle: 'thermometer reading T′ (J/k_B)',
    referenceLines,
  });
  return { id, caption, spec };
}

/** Readings of the fine thermometer, when the study recorded them; absent kinds give null cells. */
function fineFlows(context: StudyContext, temperatures: number[], criticalTemperature: number | null): Flow[] {
  const labels = ['original', `${labelOf(context.models.rg)} reconstruction`, `${labelOf(context.models.ae)} reconstruction`];
  return FINE_READING_KINDS.flatMap((kind, k) => {
    const readings = readingsOf(context.thermometers.fine, kind, context.points.length, 'fine');
    return readings === undefined ? [] : [flowOf(kind, labels[k], temperatures, readings, criticalTemperature)];
  });
}

async function run(context: StudyContext): Promise<StudyTestResult> {
  const temperatures = context.points.map((point) => point.temperature);
  const criticalTemperature = criticalTemperatureOf(context);
  const [schemeReadings, rgReadings, aeReadings] = requireCoarseReadings(context);

  const rgLabel = `${labelOf(context.models.rg)} latent`;
  const aeLabel = `${labelOf(context.models.ae)} latent`;
  const scheme = flowOf('scheme', `scheme S(x)`, temperatures, schemeReadings, criticalTemperature);
  const rg = flowOf('rg-latent', rgLabel, temperatures, rgReadings, criticalTemperature);
  const ae = flowOf('ae-latent', aeLabel, temperatures, aeReadings, criticalTemperature);
  const coarseFlows = [scheme, rg, ae];
  const fine = fineFlows(context, temperatures, criticalTemperature);

  const rgDistance = chiSquareDistance(rg.means, scheme.means);
  const aeDistance = chiSquareDistance(ae.means, scheme.means);

  const tables = [flowTable(context, coarseFlows), fixedPointTable(coarseFlows, criticalTemperature)];
  const figures = [
    readingsFigure('thermometer-flow', 'Coarse thermometer flow', context, coarseFlows, criticalTemperature, 'Mean coarse-thermometer reading T′ against the input temperature T, with T′ = T and T_c.'),
  ];
  if (fine.length > 0) {
    tables.push({
      id: 'fine-thermometer',
      caption: 'Mean reading of the fine thermometer for the originals and both reconstructions, jackknife errors over configurations.',
      columns: ['temperature T', ...withErrorColumns(...fine.map((flow) => `${flow.label} T′`))],
      rows: context.points.map((point, i) => [cell(point.temperature), ...fine.flatMap((flow) => estimateCells(flow.means[i]))]),
    });
    figures.push(readingsFigure('fine-thermometer', 'Fine thermometer readings', context, fine, criticalTemperature, 'Mean fine-thermometer reading of originals and reconstructions against T.'));
  }

  const scalars: StudyTestResult['scalars'] = {};
  putScalars(scalars, {
    criticalTemperature: criticalTemperature ?? undefined,
    'scheme.fixedPoint': scalarOf(scheme.fixedPoint),
    'rg.fixedPoint': scalarOf(rg.fixedPoint),
    'ae.fixedPoint': scalarOf(ae.fixedPoint),
    'rg.flowChiSquarePerPoint': cell(rgDistance) ?? undefined,
    'ae.flowChiSquarePerPoint': cell(aeDistance) ?? undefined,
    'scheme.directionAgreement': scheme.directionAgreement,
    'rg.directionAgreement': rg.directionAgreement,
    'ae.directionAgreement': ae.directionAgreement,
    'coarseThermometer.heldOutMeanAbsoluteError': context.thermometers.coarse.heldOutMeanAbsoluteError,
    'fineThermometer.heldOutMeanAbsoluteError': context.thermometers.fine.heldOutMeanAbsoluteError,
  });

  return { id: ID, title: TITLE, verdict: verdictOf(context, rgDistance, aeDistance, coarseFlows, criticalTemperature), scalars, tables, figures };
}

function verdictOf(context: StudyContext, rgDistance: number, aeDistance: number, flows: Flow[], criticalTemperature: number | null): string {
  const rg = labelOf(context.models.rg);
  const ae = labelOf(context.models.ae);
  const fixedPoints = `T* = ${flows.map((flow) => `${formatEstimate(flow.fixedPoint)} (${flow.kind})`).join(', ')}, T_c = ${formatNumber(criticalTemperature, 4)}`;
  const distances = `χ²/point to the scheme's flow ${formatNumber(rgDistance)} (${rg}) vs ${formatNumber(aeDistance)} (${ae})`;

  const leader = leaderOf(rgDistance, aeDistance, 'lower');
  if (leader === 'undecided') return `The latent flows could not be compared with the scheme's (${distances}); ${fixedPoints}.`;
  if (leader === 'tie') return `Both latents follow the scheme's flow equally closely (${distances}); ${fixedPoints}.`;
  return `The ${leader === 'rg' ? rg : ae} latent follows the scheme's flow more closely (${distances}); ${fixedPoints}.`;
}

/**
 * Test `thermometer-flow`: the coarse thermometer's readings of S(x) and of both latents per input temperature,
 * the flows' directions and fixed points beside T_c, and the fine thermometer's readings of the reconstructions.
 */
export const thermometerFlowTest: StudyTestDefinition<StudyContext> = {
  id: ID,
  title: TITLE,
  description:
    'Mean temperature T′ that the coarse thermometer reads from the scheme output S(x), the RG latent and the AE latent per input ' +
    'temperature T: the flow T → T′, its direction and its fixed point T* beside T_c; and the fine thermometer\'s readings of the ' +
    'originals and both reconstructions.',
  supports: () => true,
  run,
};
