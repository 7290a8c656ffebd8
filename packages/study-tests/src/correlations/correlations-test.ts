import {
  facetedHeatmaps,
  invalidArgument,
  lineChart,
  type Estimate,
  type FigureSpec,
  type LatticeModel,
  type ResultTable,
  type SpinBatch,
  type StudyContext,
  type StudyTestDefinition,
  type StudyTestResult,
} from '@rgae/core';
import { averageOfEstimates, blockJackknifeVector, blockRange, jackknifeBlockCount } from '../shared/block-jackknife.js';
import { checkContextAligned, criticalTemperatureOf, nearestPointIndex, temperatureLabel } from '../shared/context-checks.js';
import { labelOf, leaderOf } from '../shared/model-comparison.js';
import { cell, estimateCells, formatNumber, putScalars, scalarOf, withErrorColumns } from '../shared/table-cells.js';
import { axisCorrelation, frobeniusDistance, frobeniusNorm, secondMomentLength, shareRetained, windowBlock } from './correlation-measures.js';
import { addConfigurations, connectedMatrix, emptyCorrelationSums, subtractSums, zeroModeWeight, type CorrelationSums } from './correlation-sums.js';

const ID = 'correlations';
const TITLE = 'Spin correlations of originals and reconstructions';
/** Side of the lattice window whose sites the correlation heatmaps show (an N×N matrix of every site is too large to draw). */
const HEATMAP_WINDOW = 8;

/** Correlation measures of one thermal point for the originals and both reconstructions, each with a jackknife error. */
interface PointCorrelations {
  originalNorm: Estimate;
  distance: [Estimate, Estimate];
  retained: [Estimate, Estimate];
  /** ξ₂ of original, RG reconstruction, AE reconstruction. */
  length: [Estimate, Estimate, Estimate];
  /** G(r) of original, RG reconstruction, AE reconstruction. */
  axis: [Estimate[], Estimate[], Estimate[]];
  /** Connected matrices from all configurations: original, RG reconstruction, AE reconstruction. */
  matrices: Float64Array[];
}

function encodeChecked(lattice: LatticeModel, batch: SpinBatch): Float32Array {
  const encoded = lattice.encode(batch);
  const expected = batch.nSamples * batch.linearSize ** 2 * lattice.channels;
  if (encoded.length !== expected) {
    throw invalidArgument(`Lattice "${lattice.id}" encoded ${encoded.length} values for ${batch.nSamples} × ${batch.linearSize}² sites × ${lattice.channels} channels (${expected}).`);
  }
  return encoded;
}

/** Measure vector [‖C_o‖, ‖ΔC_rg‖, ‖ΔC_ae‖, retained_rg, retained_ae, ξ_o, ξ_rg, ξ_ae, G_o(0…R), G_rg(0…R), G_ae(0…R)]. */
function measureVector(matrices: Float64Array[], linearSize: number, zeroModes: number[]): number[] {
  const [original, rg, ae] = matrices;
  return [
    frobeniusNorm(original),
    frobeniusDistance(rg, original),
    frobeniusDistance(ae, original),
    shareRetained(original, rg),
    shareRetained(original, ae),
    ...matrices.map((matrix, k) => secondMomentLength(matrix, linearSize, zeroModes[k])),
    ...matrices.flatMap((matrix) => Array.from(axisCorrelation(matrix, linearSize))),
  ];
}

/**
 * Connected correlation matrices of the three batches from all configurations, and the jackknife over blocks of
 * configurations: the sums of each left-out block are recomputed and subtracted from the totals, so memory
 * stays at a few N×N matrices per batch.
 */
function pointCorrelations(lattice: LatticeModel, batches: SpinBatch[]): PointCorrelations {
  const { linearSize, nSamples } = batches[0];
  const encoded = batches.map((batch) => encodeChecked(lattice, batch));
  const totals = encoded.map((values) => addConfigurations(emptyCorrelationSums(linearSize, lattice.channels), values, 0, nSamples));
  const matrices = totals.map((sums) => connectedMatrix(sums));

  const part = emptyCorrelationSums(linearSize, lattice.channels);
  const rest: CorrelationSums = emptyCorrelationSums(linearSize, lattice.channels);
  const leftOutMatrices = matrices.map((matrix) => new Float64Array(matrix.length));
  const nBlocks = jackknifeBlockCount(nSamples);

  const estimates = blockJackknifeVector(nBlocks, (leftOut) => {
    if (leftOut === null) return measureVector(matrices, linearSize, totals.map(zeroModeWeight));
    const [start, end] = blockRange(nSamples, nBlocks, leftOut);
    const zeroModes = encoded.map((values, k) => {
      part.pairSums.fill(0);
      part.siteSums.fill(0);
      part.count = 0;
      addConfigurations(part, values, start, end);
      connectedMatrix(subtractSums(totals[k], part, rest), leftOutMatrices[k]);
      return zeroModeWeight(rest);
    });
    return measureVector(leftOutMatrices, linearSize, zeroModes);
  });

  const nDistances = Math.floor(linearSize / 2) + 1;
  const axis = (k: number) => estimates.slice(8 + k * nDistances, 8 + (k + 1) * nDistances);
  return {
    originalNorm: estimates[0],
    distance: [estimates[1], estimates[2]],
    retained: [estimates[3], estimates[4]],
    length: [estimates[5], estimates[6], estimates[7]],
    axis: [axis(0), axis(1), axis(2)],
    matrices,
  };
}

function sourceLabels(context: StudyContext): [string, string, string] {
  return ['original', `${labelOf(context.models.rg)} reconstruction`, `${labelOf(context.models.ae)} reconstruction`];
}

function retainedTable(context: StudyContext, points: PointCorrelations[]): ResultTable {
  const rg = labelOf(context.models.rg);
  const ae = labelOf(context.models.ae);
  return {
    id: 'correlation-retained',
    caption:
      'Frobenius norm of the connected correlation matrix of the originals, of its difference to each reconstruction\'s, and the share ' +
      'retained 1 − ‖C_rec − C_orig‖_F/‖C_orig‖_F, per temperature, jackknife errors over configurations.',
    columns: [
      'temperature T',
      ...withErrorColumns('‖C_orig‖_F', `${rg} ‖C_rec − C_orig‖_F`, `${ae} ‖C_rec − C_orig‖_F`, `${rg} share retained`, `${ae} share retained`),
    ],
    rows: context.points.map((point, i) => {
      const p = points[i];
      return [cell(point.temperature), ...estimateCells(p.originalNorm), ...p.distance.flatMap(estimateCells), ...p.retained.flatMap(estimateCells)];
    }),
  };
}

function lengthTable(context: StudyContext, points: PointCorrelations[]): ResultTable {
  const labels = sourceLabels(context);
  return {
    id: 'correlation-length',
    caption: 'Second-moment correlation length ξ₂ (lattice units) of originals and reconstructions per temperature, jackknife errors. ξ₂ = √(χ(0)/χ(k_min) − 1)/(2 sin(π/L)) from the full correlations, the usual finite-size definition: below T_c it grows with L and measures order, not a decay length.',
    columns: ['temperature T', ...withErrorColumns(...labels.map((label) => `${label} ξ₂`))],
    rows: context.points.map((point, i) => [cell(point.temperature), ...points[i].length.flatMap(estimateCells)]),
  };
}

function axisTable(context: StudyContext, points: PointCorrelations[]): ResultTable {
  const labels = sourceLabels(context);
  return {
    id: 'correlation-function',
    caption: 'Connected correlation G(r) along the lattice axes, averaged over sites and both axes, per temperature and distance r.',
    columns: ['temperature T', 'distance r', ...withErrorColumns(...labels.map((label) => `${label} G(r)`))],
    rows: context.points.flatMap((point, i) =>
      points[i].axis[0].map((_, r) => [cell(point.temperature), r, ...points[i].axis.flatMap((curve) => estimateCells(curve[r]))]),
    ),
  };
}

function figuresAt(context: StudyContext, points: PointCorrelations[], index: number, criticalTemperature: number | null): FigureSpec[] {
  const labels = sourceLabels(context);
  const { linearSize } = context.original[index];
  const window = Math.min(linearSize, HEATMAP_WINDOW);
  const at = temperatureLabel(context.points[index].temperature);

  const heatmaps: FigureSpec = {
    id: 'correlation-matrices',
    caption: `Connected correlation matrices C_ij at ${at} (the point nearest T_c) between the sites of the top-left ${window}×${window} window, site index y·${window} + x; configurations aligned with their magnetisation.`,
    spec: facetedHeatmaps({
      title: `Connected correlations at ${at}`,
      panels: points[index].matrices.map((matrix, k) => ({ label: labels[k], matrix: windowBlock(matrix, linearSize, window) })),
      diverging: true,
      colorTitle: 'C_ij',
      panelSize: 200,
      columns: 3,
    }),
  };

  const axisData = points[index].axis.flatMap((curve, k) =>
    curve.map((estimate, r) => {
      const [correlation, error] = estimateCells(estimate);
      return { r, correlation, error, source: labels[k] };
    }),
  );
  const axisFigure: FigureSpec = {
    id: 'correlation-function',
    caption: `Connected correlation G(r) along the axes at ${at}, with jackknife errors.`,
    spec: lineChart({ title: `G(r) at ${at}`, data: axisData, x: 'r', y: 'correlation', error: 'error', color: 'source', xTitle: 'distance r (lattice units)', yTitle: 'G(r)' }),
  };

  const lengthData = points.flatMap((point, i) =>
    point.length.map((estimate, k) => {
      const [length, error] = estimateCells(estimate);
      return { temperature: cell(context.points[i].temperature), length, error, source: labels[k] };
    }),
  );
  const lengthFigure: FigureSpec = {
    id: 'correlation-length',
    caption: 'Second-moment correlation length against temperature for originals and reconstructions.',
    spec: lineChart({
      title: 'Correlation length ξ₂',
      data: lengthData,
      x: 'temperature',
      y: 'length',
      error: 'error',
      color: 'source',
      xTitle: 'temperature T (J/k_B)',
      yTitle: 'ξ₂ (lattice units)',
      referenceLines: criticalTemperature === null ? [] : [{ orientation: 'vertical', value: criticalTemperature, label: 'T_c' }],
    }),
  };
  return [heatmaps, axisFigure, lengthFigure];
}

async function run(context: StudyContext): Promise<StudyTestResult> {
  checkContextAligned(context, ID);
  const points = context.original.map((original, i) =>
    pointCorrelations(context.lattice, [original, context.models.rg.reconstruction[i], context.models.ae.reconstruction[i]]),
  );
  const criticalTemperature = criticalTemperatureOf(context);
  const nearest = nearestPointIndex(context, criticalTemperature);

  const rgRetained = averageOfEstimates(points.map((p) => p.retained[0]));
  const aeRetained = averageOfEstimates(points.map((p) => p.retained[1]));
  const scalars: StudyTestResult['scalars'] = {};
  putScalars(scalars, {
    'rg.meanShareRetained': scalarOf(rgRetained),
    'ae.meanShareRetained': scalarOf(aeRetained),
    'original.correlationLengthNearCritical': scalarOf(points[nearest].length[0]),
    'rg.correlationLengthNearCritical': scalarOf(points[nearest].length[1]),
    'ae.correlationLengthNearCritical': scalarOf(points[nearest].length[2]),
  });

  return {
    id: ID,
    title: TITLE,
    verdict: verdictOf(context, rgRetained.mean, aeRetained.mean),
    scalars,
    tables: [retainedTable(context, points), lengthTable(context, points), axisTable(context, points)],
    figures: figuresAt(context, points, nearest, criticalTemperature),
  };
}

function verdictOf(context: StudyContext, rgRetained: number, aeRetained: number): string {
  const rg = labelOf(context.models.rg);
  const ae = labelOf(context.models.ae);
  const numbers = `mean share retained ${formatNumber(rgRetained)} (${rg}) vs ${formatNumber(aeRetained)} (${ae}) over ${context.points.length} temperatures`;

  const leader = leaderOf(rgRetained, aeRetained, 'higher');
  if (leader === 'undecided') return `The retained correlations could not be compared (${numbers}).`;
  if (leader === 'tie') return `Both reconstructions retain the same share of the connected spin correlations (${numbers}).`;
  return `The ${leader === 'rg' ? rg : ae} reconstruction retains more of the connected spin correlations (${numbers}).`;
}

/**
 * Test `correlations`: connected correlation matrices of originals and both reconstructions, their Frobenius
 * distances and the share retained, G(r) along the axes and the second-moment correlation length.
 */
export const correlationsTest: StudyTestDefinition<StudyContext> = {
  id: ID,
  title: TITLE,
  description:
    'Connected correlation matrices C_ij = ⟨v_i·v_j⟩ − ⟨v_i⟩·⟨v_j⟩ of the originals and of both reconstructions per temperature, with v_i ' +
    'the lattice\'s network encoding of spin i (the spin for Ising, (cos θ, sin θ) for XY), each configuration first aligned with its ' +
    'own magnetisation so that the ordered part ⟨m⟩² is removed below T_c; the Frobenius norm of the differences, ' +
    'the share retained 1 − ‖C_rec − C_orig‖_F/‖C_orig‖_F, G(r) along the axes and the second-moment correlation length ξ₂.',
  supports: () => true,
  run,
};
