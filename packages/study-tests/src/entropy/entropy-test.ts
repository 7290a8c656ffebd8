import {
  lineChart,
  type Estimate,
  type FigureSpec,
  type ResultTable,
  type SpinBatch,
  type StudyContext,
  type StudyTestDefinition,
  type StudyTestResult,
} from '@rgae/core';
import { averageOfEstimates, blockJackknifeVector, blockRange, jackknifeBlockCount } from '../shared/block-jackknife.js';
import { checkContextAligned } from '../shared/context-checks.js';
import { labelOf, leaderOf } from '../shared/model-comparison.js';
import { cell, estimateCells, formatNumber, putScalars, scalarOf, withErrorColumns } from '../shared/table-cells.js';
import { blockEntropyPerSpin, countPatterns, type PatternCounts } from './block-entropy.js';
import { compressedBitsPerSpin } from './compressed-bits.js';
import { spinSymbols, type SymbolBatch } from './spin-symbols.js';

const ID = 'entropy';
const TITLE = 'Entropy and compression';
/** Sides k of the block patterns whose entropy is estimated. */
const BLOCK_SIDES = [1, 2, 3];
/** Equal bins of [0, 2π) that XY angles are quantised into before counting or compressing (3 bits per spin). */
const ANGLE_BINS = 8;
/** Per dataset: H_1, H_2, H_3 and the deflate bits, in this order. */
const PER_DATASET = BLOCK_SIDES.length + 1;

/** Returns the six datasets of point i: originals, S(x), both latents, both reconstructions. */
function datasetsAt(context: StudyContext, i: number): SpinBatch[] {
  const { rg, ae } = context.models;
  return [context.original[i], context.coarse[i], rg.latent[i], ae.latent[i], rg.reconstruction[i], ae.reconstruction[i]];
}

function datasetLabels(context: StudyContext): string[] {
  const rg = labelOf(context.models.rg);
  const ae = labelOf(context.models.ae);
  return ['original', 'coarse S(x)', `${rg} latent`, `${ae} latent`, `${rg} reconstruction`, `${ae} reconstruction`];
}

/** Entropy estimates of one point: per dataset [H_1, H_2, H_3, deflate], then the four differences of `DIFFERENCES`. */
interface PointEntropy {
  perDataset: Estimate[][];
  differences: Estimate[];
}

/**
 * Differences in deflate bits per spin: original − reconstruction (per fine spin) for each model, and
 * latent − S(x) (per coarse spin) for each model. Indices refer to `datasetsAt`.
 */
const DIFFERENCES: Array<[number, number]> = [
  [0, 4],
  [0, 5],
  [2, 1],
  [3, 1],
];

function pointEntropy(context: StudyContext, i: number): PointEntropy {
  const block = context.config.blockSize ** context.config.levels;
  const symbols: SymbolBatch[] = datasetsAt(context, i).map((batch) =>
    spinSymbols(batch, context.lattice.id, { angleBins: ANGLE_BINS, blockSites: block * block }),
  );
  const nSamples = context.original[i].nSamples;
  const nBlocks = jackknifeBlockCount(nSamples);
  const blockOfSample = new Int32Array(nSamples);
  for (let b = 0; b < nBlocks; b++) {
    const [start, end] = blockRange(nSamples, nBlocks, b);
    blockOfSample.fill(b, start, end);
  }
  const blockOf = (n: number) => blockOfSample[n];
  const patterns: Array<Array<PatternCounts | null>> = symbols.map((batch) => BLOCK_SIDES.map((k) => countPatterns(batch, k, Math.max(1, nBlocks), blockOf)));

  const estimates = blockJackknifeVector(nBlocks, (leftOut) => {
    const values = symbols.flatMap((batch, d) => [
      ...patterns[d].map((counts) => (counts === null ? NaN : blockEntropyPerSpin(counts, leftOut))),
      compressedBitsPerSpin(batch, (n) => leftOut === null || blockOf(n) !== leftOut),
    ]);
    const deflate = (d: number) => values[d * PER_DATASET + BLOCK_SIDES.length];
    return [...values, ...DIFFERENCES.map(([a, b]) => deflate(a) - deflate(b))];
  });

  return {
    perDataset: symbols.map((_, d) => estimates.slice(d * PER_DATASET, (d + 1) * PER_DATASET)),
    differences: estimates.slice(symbols.length * PER_DATASET),
  };
}

function estimatorTable(context: StudyContext, points: PointEntropy[], id: string, column: number, caption: string): ResultTable {
  return {
    id,
    caption,
    columns: ['temperature T', ...withErrorColumns(...datasetLabels(context).map((label) => `${label} bits/spin`))],
    rows: context.points.map((point, i) => [cell(point.temperature), ...points[i].perDataset.flatMap((estimates) => estimateCells(estimates[column]))]),
  };
}

function informationTable(context: StudyContext, points: PointEntropy[]): ResultTable {
  const rg = labelOf(context.models.rg);
  const ae = labelOf(context.models.ae);
  return {
    id: 'information-lost',
    caption:
      'Deflate bits per spin: original − reconstruction per fine spin (information lost by each model; negative when the reconstruction ' +
      'is noisier than the original) and latent − S(x) per coarse spin; jackknife errors over configurations.',
    columns: ['temperature T', ...withErrorColumns(`${rg} original − reconstruction`, `${ae} original − reconstruction`, `${rg} latent − coarse`, `${ae} latent − coarse`)],
    rows: context.points.map((point, i) => [cell(point.temperature), ...points[i].differences.flatMap(estimateCells)]),
  };
}

function figures(context: StudyContext, points: PointEntropy[]): FigureSpec[] {
  const labels = datasetLabels(context);
  const bitsData = points.flatMap((point, i) =>
    point.perDataset.map((estimates, d) => {
      const [bits, error] = estimateCells(estimates[BLOCK_SIDES.length]);
      return { temperature: cell(context.points[i].temperature), bits, error, data: labels[d] };
    }),
  );
  const lostData = points.flatMap((point, i) =>
    [0, 1].map((m) => {
      const [bits, error] = estimateCells(point.differences[m]);
      return { temperature: cell(context.points[i].temperature), bits, error, model: labelOf(m === 0 ? context.models.rg : context.models.ae) };
    }),
  );
  return [
    {
      id: 'entropy-compressed',
      caption: 'Deflate bits per spin of every dataset against temperature (fine spins for originals and reconstructions, coarse spins for S(x) and latents).',
      spec: lineChart({ title: 'Compressed bits per spin', data: bitsData, x: 'temperature', y: 'bits', error: 'error', color: 'data', xTitle: 'temperature T (J/k_B)', yTitle: 'bits per spin (deflate)' }),
    },
    {
      id: 'information-lost',
      caption: 'Information lost by each reconstruction, original − reconstruction deflate bits per spin.',
      spec: lineChart({
        title: 'Information lost in reconstruction',
        data: lostData,
        x: 'temperature',
        y: 'bits',
        error: 'error',
        color: 'model',
        xTitle: 'temperature T (J/k_B)',
        yTitle: 'original − reconstruction (bits per spin)',
        referenceLines: [{ orientation: 'horizontal', value: 0 }],
      }),
    },
  ];
}

/** Mean over points of |difference|, errors in quadrature. */
function meanAbsolute(points: PointEntropy[], index: number): Estimate {
  return averageOfEstimates(points.map((point) => ({ mean: Math.abs(point.differences[index].mean), error: point.differences[index].error })));
}

async function run(context: StudyContext): Promise<StudyTestResult> {
  checkContextAligned(context, ID);
  const points = context.points.map((_, i) => pointEntropy(context, i));
  const block = context.config.blockSize ** context.config.levels;

  const rgLost = meanAbsolute(points, 0);
  const aeLost = meanAbsolute(points, 1);
  const scalars: StudyTestResult['scalars'] = {};
  putScalars(scalars, {
    compressionRatio: block * block,
    angleBins: context.lattice.id === 'xy' ? ANGLE_BINS : undefined,
    'rg.meanAbsoluteInformationLost': scalarOf(rgLost),
    'ae.meanAbsoluteInformationLost': scalarOf(aeLost),
    'rg.meanLatentMinusCoarse': scalarOf(averageOfEstimates(points.map((point) => point.differences[2]))),
    'ae.meanLatentMinusCoarse': scalarOf(averageOfEstimates(points.map((point) => point.differences[3]))),
  });

  const tables = [
    estimatorTable(context, points, 'entropy-compressed', BLOCK_SIDES.length, 'Bits per spin after raw deflate (level 9) of the bit-packed configurations, jackknife errors over configurations.'),
    ...BLOCK_SIDES.map((k, column) =>
      estimatorTable(
        context,
        points,
        `entropy-block-${k}`,
        column,
        `Entropy per spin H_${k}/${k * k} of the ${k}×${k} block patterns (periodic sliding windows) with the Miller–Madow correction; ` +
          'null where the possible patterns outnumber the windows.',
      ),
    ),
    informationTable(context, points),
  ];

  return { id: ID, title: TITLE, verdict: verdictOf(context, rgLost.mean, aeLost.mean, block), scalars, tables, figures: figures(context, points) };
}

function verdictOf(context: StudyContext, rgLost: number, aeLost: number, block: number): string {
  const rg = labelOf(context.models.rg);
  const ae = labelOf(context.models.ae);
  const numbers =
    `|original − reconstruction| ${formatNumber(rgLost)} (${rg}) vs ${formatNumber(aeLost)} (${ae}) deflate bits per spin, ` +
    `mean over ${context.points.length} temperatures; compression ratio L²/l² = ${block * block}`;

  const leader = leaderOf(rgLost, aeLost, 'lower');
  if (leader === 'undecided') return `The reconstructions' entropies could not be compared (${numbers}).`;
  if (leader === 'tie') return `Both reconstructions keep the originals' entropy equally well (${numbers}).`;
  return `The ${leader === 'rg' ? rg : ae} reconstruction keeps an entropy closer to the originals' (${numbers}).`;
}

/**
 * Test `entropy`: bits per spin of originals, S(x), latents and reconstructions by block-pattern entropy and by
 * a real compressor, and the information each model loses.
 */
export const entropyTest: StudyTestDefinition<StudyContext> = {
  id: ID,
  title: TITLE,
  description:
    'Bits per spin of the originals, S(x), both latents and both reconstructions: entropy of k×k block patterns (k = 1, 2, 3, ' +
    'Miller–Madow corrected) and raw deflate at level 9 of the bit-packed configurations (1 bit per Ising spin); the information ' +
    'each model loses (original − reconstruction) and latent − S(x). Ising spins are ±1 symbols and block means their n + 1 levels; ' +
    `XY angles are quantised into ${ANGLE_BINS} equal bins of [0, 2π), so XY figures are bits per quantised angle.`,
  supports: (lattice) => lattice === 'ising' || lattice === 'xy',
  run,
};
