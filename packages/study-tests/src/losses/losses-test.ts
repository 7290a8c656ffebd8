import { lineChart, type DataRow, type FigureSpec, type ResultTable, type StudyContext, type StudyTestDefinition, type StudyTestResult } from '@rgae/core';
import { averageOfEstimates, meanWithError } from '../shared/block-jackknife.js';
import { checkContextAligned, criticalTemperatureOf } from '../shared/context-checks.js';
import { labelOf, leaderOf, MODEL_KEYS } from '../shared/model-comparison.js';
import { cell, estimateCells, formatNumber, putScalars, scalarOf, withErrorColumns } from '../shared/table-cells.js';
import { reconstructionAccuracy } from './reconstruction-accuracy.js';

const ID = 'losses';
const TITLE = 'Reconstruction losses and accuracy';

/** Loss history of both models, one row per epoch of every training phase. */
function historyTable(context: StudyContext): ResultTable {
  const rows = MODEL_KEYS.flatMap((key) => {
    const model = context.models[key];
    return model.history.map((record) => [labelOf(model), record.phase, record.epoch, cell(record.loss), cell(record.valLoss)]);
  });
  return {
    id: 'loss-history',
    caption: 'Training and validation loss per epoch and phase. The RG model\'s encoder phase fits S(x); later phases and the AE fit x.',
    columns: ['model', 'phase', 'epoch', 'training loss', 'validation loss'],
    rows,
  };
}

/** Loss curves on a cumulative epoch axis, one line per model, phase and data split. */
function historyFigure(context: StudyContext): FigureSpec | undefined {
  const data: DataRow[] = [];
  for (const key of MODEL_KEYS) {
    const model = context.models[key];
    model.history.forEach((record, step) => {
      const series = `${labelOf(model)}: ${record.phase}`;
      data.push({ step: step + 1, loss: cell(record.loss), series: `${series}, training` });
      data.push({ step: step + 1, loss: cell(record.valLoss), series: `${series}, validation` });
    });
  }
  if (data.length === 0) return undefined;

  const spec = lineChart({
    title: 'Loss per epoch',
    data,
    x: 'step',
    y: 'loss',
    color: 'series',
    colorTitle: 'model: phase, split',
    xTitle: 'epoch, counted over all phases',
    yTitle: 'loss',
  });
  return { id: 'loss-history', caption: 'Training and validation loss of both models per epoch.', spec };
}

/**
 * Accuracy of each model's reconstruction per thermal point: the mean over held-out configurations of the
 * per-configuration accuracy, with the jackknife error over configurations (which, unlike a binomial error
 * over all sites, accounts for the correlation of sites within a configuration).
 */
function accuracyPerPoint(context: StudyContext) {
  return MODEL_KEYS.map((key) => context.original.map((original, i) => meanWithError(reconstructionAccuracy(original, context.models[key].reconstruction[i]))));
}

async function run(context: StudyContext): Promise<StudyTestResult> {
  checkContextAligned(context, ID);
  const [rgAccuracy, aeAccuracy] = accuracyPerPoint(context);
  const angles = context.original[0].data instanceof Float32Array;
  const quantity = angles ? 'spin overlap cos(θ_rec − θ)' : 'share of spins reconstructed';
  const rg = context.models.rg;
  const ae = context.models.ae;

  const accuracyTable: ResultTable = {
    id: 'reconstruction-accuracy',
    caption: `Reconstruction accuracy per temperature (${quantity}) on held-out configurations, jackknife errors over configurations.`,
    columns: ['temperature T', ...withErrorColumns(`${labelOf(rg)} accuracy`, `${labelOf(ae)} accuracy`)],
    rows: context.points.map((point, i) => [cell(point.temperature), ...estimateCells(rgAccuracy[i]), ...estimateCells(aeAccuracy[i])]),
  };

  const criticalTemperature = criticalTemperatureOf(context);
  const accuracyData = MODEL_KEYS.flatMap((key, k) =>
    context.points.map((point, i) => {
      const [accuracy, error] = estimateCells([rgAccuracy, aeAccuracy][k][i]);
      return { temperature: cell(point.temperature), accuracy, error, model: labelOf(context.models[key]) };
    }),
  );
  const accuracyFigure: FigureSpec = {
    id: 'reconstruction-accuracy',
    caption: `Reconstruction accuracy (${quantity}) against temperature, with the critical temperature.`,
    spec: lineChart({
      title: 'Reconstruction accuracy',
      data: accuracyData,
      x: 'temperature',
      y: 'accuracy',
      error: 'error',
      color: 'model',
      xTitle: 'temperature T (J/k_B)',
      yTitle: angles ? 'mean cos(θ_rec − θ)' : 'share of spins reconstructed',
      referenceLines: criticalTemperature === null ? [] : [{ orientation: 'vertical', value: criticalTemperature, label: 'T_c' }],
    }),
  };

  const rgMean = averageOfEstimates(rgAccuracy);
  const aeMean = averageOfEstimates(aeAccuracy);
  const rgFinal = rg.history.at(-1);
  const aeFinal = ae.history.at(-1);
  const scalars: StudyTestResult['scalars'] = {};
  putScalars(scalars, {
    'rg.meanAccuracy': scalarOf(rgMean),
    'ae.meanAccuracy': scalarOf(aeMean),
    'rg.finalLoss': cell(rgFinal?.loss) ?? undefined,
    'rg.finalValidationLoss': cell(rgFinal?.valLoss) ?? undefined,
    'ae.finalLoss': cell(aeFinal?.loss) ?? undefined,
    'ae.finalValidationLoss': cell(aeFinal?.valLoss) ?? undefined,
  });

  const historyFigureSpec = historyFigure(context);
  return {
    id: ID,
    title: TITLE,
    verdict: verdictOf(context, rgMean.mean, aeMean.mean, rgFinal?.valLoss, aeFinal?.valLoss),
    scalars,
    tables: [historyTable(context), accuracyTable],
    figures: historyFigureSpec === undefined ? [accuracyFigure] : [historyFigureSpec, accuracyFigure],
  };
}

function verdictOf(context: StudyContext, rgAccuracy: number, aeAccuracy: number, rgLoss: number | undefined, aeLoss: number | undefined): string {
  const rg = labelOf(context.models.rg);
  const ae = labelOf(context.models.ae);
  const numbers = `mean accuracy ${formatNumber(rgAccuracy)} (${rg}) vs ${formatNumber(aeAccuracy)} (${ae}) over ${context.points.length} temperatures`;
  const losses = `final validation loss ${formatNumber(rgLoss)} vs ${formatNumber(aeLoss)}`;

  const leader = leaderOf(rgAccuracy, aeAccuracy, 'higher');
  if (leader === 'undecided') return `Reconstruction accuracy could not be compared (${numbers}); ${losses}.`;
  if (leader === 'tie') return `Both models reconstruct the configurations equally well (${numbers}); ${losses}.`;
  const winner = leader === 'rg' ? rg : ae;
  return `${winner} reconstructs the held-out configurations more accurately (${numbers}); ${losses}.`;
}

/**
 * Test `losses`: loss per epoch and phase of both models, and the per-spin reconstruction accuracy per
 * temperature with jackknife errors over configurations.
 */
export const lossesTest: StudyTestDefinition<StudyContext> = {
  id: ID,
  title: TITLE,
  description:
    'Training and validation loss per epoch and phase of the RG-embedded model and the plain autoencoder, and the ' +
    'share of spins each reconstructs correctly per temperature (for XY the mean overlap cos(θ_rec − θ)).',
  supports: (lattice) => lattice === 'ising' || lattice === 'xy',
  run,
};
