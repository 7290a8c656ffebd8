import {
  barChart,
  facetedHeatmaps,
  type FigureSpec,
  type HeatmapPanel,
  type ModelArtefacts,
  type ResultTable,
  type StudyContext,
  type StudyTestDefinition,
  type StudyTestResult,
  type WeightTensor,
} from '@rgae/core';
import { labelOf, leaderOf, MODEL_KEYS, type Leader } from '../shared/model-comparison.js';
import { cell, formatNumber, putScalars } from '../shared/table-cells.js';
import {
  filterImage,
  idealFilterOf,
  idealFilterSimilarity,
  idealTensor,
  inputLayerOf,
  locality,
  outputUnits,
  type IdealFilter,
  type InputLayer,
  type LatticeGeometry,
} from './receptive-field.js';
import { hoyerSparsity, smallWeightFraction } from './sparsity.js';

const ID = 'weights';
const TITLE = 'Encoder weights: sparsity, locality, ideal filter';
/** Panels in one weight figure; more filters than this are left out of the figure (not of the measures). */
const MAX_PANELS = 16;

interface TensorMeasures {
  tensor: WeightTensor;
  layer: InputLayer | null;
  hoyer: number;
  smallFraction: number;
  locality: number;
  idealBest: number;
  idealMean: number;
}

/** The measures of a model's input layer and of the ideal filter in its shape (absent when the scheme's filter is unknown). */
interface InputMeasures {
  trained: TensorMeasures;
  ideal: TensorMeasures | undefined;
}

type SummaryKey = 'hoyer' | 'smallFraction' | 'locality' | 'idealBest';

/**
 * The four measures of the input layer that the summary and the verdict compare. Each is compared with the same
 * measure of the scheme's ideal filter in that layer's shape, and the model closer to its ideal is the more
 * RG-like. The target depends on the shape because a uniform 2×2 majority kernel has Hoyer sparsity 0, while the
 * same filter as a dense L² × l² matrix is very sparse.
 */
const SUMMARY_MEASURES = [
  { key: 'hoyer', name: 'Hoyer sparsity' },
  { key: 'smallFraction', name: 'small-weight fraction (|w| < 1e-2·max|w|)' },
  { key: 'locality', name: 'locality (weight share inside the RG block)' },
  { key: 'idealBest', name: 'ideal-filter |cos| (best unit)' },
] as const;

function measureTensor(tensor: WeightTensor, layer: InputLayer | null, geometry: LatticeGeometry, ideal: IdealFilter | null): TensorMeasures {
  const similarity = layer === null || ideal === null ? { best: NaN, mean: NaN } : idealFilterSimilarity(tensor, layer, geometry.block, ideal);
  return {
    tensor,
    layer,
    hoyer: hoyerSparsity(tensor.values),
    smallFraction: smallWeightFraction(tensor.values),
    locality: layer === null ? NaN : locality(tensor, layer, geometry.block),
    idealBest: similarity.best,
    idealMean: similarity.mean,
  };
}

/**
 * Kernels and matrices of a model's encoder (rank ≥ 2), in layer order; biases and other vectors are left out.
 * Only the first tensor that reads the lattice is the input layer: a later 1×1 kernel on one hidden channel has
 * the same shape as an input kernel but does not see sites.
 */
function measureModel(model: ModelArtefacts, geometry: LatticeGeometry, ideal: IdealFilter | null): TensorMeasures[] {
  const kernels = model.encoderWeights.filter((tensor) => tensor.shape.length >= 2);
  const input = kernels.findIndex((tensor) => inputLayerOf(tensor, geometry) !== null);
  return kernels.map((tensor, i) => measureTensor(tensor, i === input ? inputLayerOf(tensor, geometry) : null, geometry, ideal));
}

function measuresTable(context: StudyContext, measured: TensorMeasures[][]): ResultTable {
  return {
    id: 'weight-measures',
    caption:
      'Every encoder kernel: Hoyer sparsity (√n − ‖w‖₁/‖w‖₂)/(√n − 1), share of |w| < 1e-2·max|w|, and for layers that read the ' +
      'lattice the locality and the |cos| similarity to the scheme\'s ideal filter (null where not defined).',
    columns: ['model', 'tensor', 'shape', 'weights', 'Hoyer sparsity', 'small-weight fraction', 'locality', 'ideal-filter |cos| (best)', 'ideal-filter |cos| (mean)'],
    rows: MODEL_KEYS.flatMap((key, k) =>
      measured[k].map((m) => [
        labelOf(context.models[key]),
        m.tensor.name,
        m.tensor.shape.join('×'),
        m.tensor.values.length,
        cell(m.hoyer),
        cell(m.smallFraction),
        cell(m.locality),
        cell(m.idealBest),
        cell(m.idealMean),
      ]),
    ),
  };
}

function leaderName(context: StudyContext, leader: Leader): string {
  if (leader === 'rg' || leader === 'ae') return labelOf(context.models[leader]);
  return leader === 'tie' ? 'tie' : 'n/a';
}

/** Returns the ideal filter's value of a measure. Locality is 1 for every ideal filter, even one this test does not know. */
function idealValue(input: InputMeasures | undefined, key: SummaryKey): number {
  return input?.ideal?.[key] ?? (key === 'locality' ? 1 : NaN);
}

/** Decides which model's input layer is closer to its ideal filter on one measure. */
function closerToIdeal(inputs: Array<InputMeasures | undefined>, key: SummaryKey): Leader {
  const [rg, ae] = inputs.map((input) => Math.abs((input?.trained[key] ?? NaN) - idealValue(input, key)));
  return leaderOf(rg, ae, 'lower');
}

function summaryTable(context: StudyContext, inputs: Array<InputMeasures | undefined>): ResultTable {
  const rg = labelOf(context.models.rg);
  const ae = labelOf(context.models.ae);
  return {
    id: 'weight-summary',
    caption:
      "Measures of the first encoder layer that reads the lattice, beside the same measures of the scheme's ideal filter in that " +
      "layer's shape; the model whose value is closer to its ideal's is the more RG-like.",
    columns: ['measure', rg, `ideal filter in the shape of ${rg}`, ae, `ideal filter in the shape of ${ae}`, 'closer to the ideal filter'],
    rows: SUMMARY_MEASURES.map(({ key, name }) => [
      name,
      ...inputs.flatMap((input) => [cell(input?.trained[key]), cell(idealValue(input, key))]),
      leaderName(context, closerToIdeal(inputs, key)),
    ]),
  };
}

function filterPanels(measures: TensorMeasures & { layer: InputLayer }): HeatmapPanel[] {
  const { tensor, layer } = measures;
  const panels: HeatmapPanel[] = [];
  for (let unit = 0; unit < outputUnits(layer) && panels.length < MAX_PANELS; unit++) {
    for (let channel = 0; channel < layer.inChannels && panels.length < MAX_PANELS; channel++) {
      const label = layer.inChannels > 1 ? `unit ${unit}, channel ${channel}` : `unit ${unit}`;
      panels.push({ label, matrix: filterImage(tensor, layer, unit, channel) });
    }
  }
  return panels;
}

function filterFigure(model: ModelArtefacts, measures: TensorMeasures | undefined): FigureSpec | undefined {
  if (measures === undefined || measures.layer === null) return undefined;
  const layer = measures.layer;
  const content = layer.kind === 'conv' ? 'convolution filters' : 'receptive fields of the first output units on the L×L lattice';
  return {
    id: `weights-${model.key}`,
    caption: `${labelOf(model)}: ${content} of "${measures.tensor.name}" (at most ${MAX_PANELS} panels, one shared diverging colour scale).`,
    spec: facetedHeatmaps({ title: `${labelOf(model)} encoder weights`, panels: filterPanels({ ...measures, layer }), diverging: true, colorTitle: 'weight' }),
  };
}

function summaryFigure(context: StudyContext, inputs: Array<InputMeasures | undefined>): FigureSpec {
  const data = [
    ...MODEL_KEYS.flatMap((key, k) =>
      SUMMARY_MEASURES.map(({ key: measure, name }) => ({ measure: name.split(' (')[0], value: cell(inputs[k]?.trained[measure]), model: labelOf(context.models[key]) })),
    ),
    ...SUMMARY_MEASURES.map(({ key: measure, name }) => ({ measure: name.split(' (')[0], value: cell(idealValue(inputs[0], measure)), model: 'ideal filter' })),
  ];
  return {
    id: 'weight-summary',
    caption: `Sparsity, locality and ideal-filter similarity of the first encoder layer of both models, and of the ideal filter in the shape of ${labelOf(context.models.rg)}'s layer.`,
    spec: barChart({ title: 'Encoder weight measures', data, category: 'measure', value: 'value', color: 'model', categoryTitle: 'measure', valueTitle: 'value' }),
  };
}

async function run(context: StudyContext): Promise<StudyTestResult> {
  const geometry: LatticeGeometry = {
    linearSize: context.config.linearSize,
    channels: context.lattice.channels,
    block: context.config.blockSize ** context.config.levels,
  };
  const ideal = idealFilterOf(context.scheme.id);
  const measured = MODEL_KEYS.map((key) => measureModel(context.models[key], geometry, ideal));
  const inputs = measured.map((list) => inputMeasures(list, geometry, ideal));

  const figures = [summaryFigure(context, inputs)];
  MODEL_KEYS.forEach((key, k) => {
    const figure = filterFigure(context.models[key], inputs[k]?.trained);
    if (figure !== undefined) figures.push(figure);
  });

  const scalars: StudyTestResult['scalars'] = { idealFilter: ideal ?? 'unknown', block: geometry.block };
  MODEL_KEYS.forEach((key, k) => {
    for (const { key: measure } of SUMMARY_MEASURES) {
      putScalars(scalars, {
        [`${key}.${measure}`]: cell(inputs[k]?.trained[measure]) ?? undefined,
        [`${key}.ideal.${measure}`]: cell(inputs[k]?.ideal?.[measure]) ?? undefined,
      });
    }
  });

  return {
    id: ID,
    title: TITLE,
    verdict: verdictOf(context, inputs, ideal),
    scalars,
    tables: [summaryTable(context, inputs), measuresTable(context, measured)],
    figures,
  };
}

/** Finds a model's input layer and measures the ideal filter in its shape. */
function inputMeasures(list: TensorMeasures[], geometry: LatticeGeometry, ideal: IdealFilter | null): InputMeasures | undefined {
  const trained = list.find((m) => m.layer !== null);
  if (trained === undefined || trained.layer === null) return undefined;
  if (ideal === null) return { trained, ideal: undefined };
  return { trained, ideal: measureTensor(idealTensor(trained.layer, geometry.block, ideal), trained.layer, geometry, ideal) };
}

function verdictOf(context: StudyContext, inputs: Array<InputMeasures | undefined>, ideal: IdealFilter | null): string {
  const [rg, ae] = inputs;
  if (rg === undefined || ae === undefined) {
    const missing = MODEL_KEYS.filter((_, k) => inputs[k] === undefined).map((key) => labelOf(context.models[key]));
    return `No encoder layer that reads the lattice was found for ${missing.join(' and ')}, so the weights could not be compared.`;
  }

  const leaders = SUMMARY_MEASURES.map(({ key }) => closerToIdeal(inputs, key));
  const decided = leaders.filter((leader) => leader !== 'undecided').length;
  const rgWins = leaders.filter((leader) => leader === 'rg').length;
  const aeWins = leaders.filter((leader) => leader === 'ae').length;
  const numbers = SUMMARY_MEASURES.map(({ key, name }) => {
    const [rgIdeal, aeIdeal] = [idealValue(rg, key), idealValue(ae, key)].map((value) => formatNumber(value));
    const target = rgIdeal === aeIdeal ? rgIdeal : `${rgIdeal} / ${aeIdeal}`;
    return `${name.split(' (')[0]} ${formatNumber(rg.trained[key])} vs ${formatNumber(ae.trained[key])}, ideal ${target}`;
  });
  const filter = ideal === null ? 'the ideal filter' : `the ideal ${ideal} filter`;

  if (rgWins === aeWins) return `Neither encoder is closer to ${filter}: each leads on ${rgWins} of ${decided} measures (${numbers.join('; ')}).`;
  const winner = rgWins > aeWins ? labelOf(context.models.rg) : labelOf(context.models.ae);
  return `${winner}'s encoder is closer to ${filter} on ${Math.max(rgWins, aeWins)} of ${decided} measures (${numbers.join('; ')}).`;
}

/**
 * Test `weights`: encoder weights as images, their Hoyer sparsity and share of near-zero weights, the locality of
 * the layer that reads the lattice, and its similarity to the scheme's ideal block filter.
 */
export const weightsTest: StudyTestDefinition<StudyContext> = {
  id: ID,
  title: TITLE,
  description:
    'Encoder weights of both models as images; Hoyer sparsity and the share of |w| < 1e-2·max|w| per kernel; for the first layer ' +
    'that reads the lattice, locality (share of Σ|w| inside each output\'s RG block: the B×B window of a conv kernel under ' +
    "'same' padding with stride B, or the B×B block under a dense output's coarse site) and |cos| to the scheme's ideal filter " +
    '(uniform over the block for majority and block average, the top-left site for decimation). Each measure is compared with ' +
    "the same measure of the ideal filter in the layer's shape, and the model closer to it is the more RG-like.",
  supports: () => true,
  run,
};
