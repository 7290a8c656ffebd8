import type { WeightTensor } from '@rgae/core';

/** The filter an RG scheme applies to a block: all sites equally (majority, block average) or the top-left site (decimation). */
export type IdealFilter = 'uniform' | 'single-site';

/** Returns the ideal filter of a built-in scheme, or null for a scheme whose block filter is not known here. */
export function idealFilterOf(schemeId: string): IdealFilter | null {
  if (schemeId === 'majority' || schemeId === 'block-average') return 'uniform';
  if (schemeId === 'decimation') return 'single-site';
  return null;
}

/** Lattice geometry that maps an input layer's weights to sites: L, spin channels and the block side B = b^k. */
export interface LatticeGeometry {
  linearSize: number;
  channels: number;
  block: number;
}

/**
 * An encoder weight tensor that reads the lattice directly, so its weights belong to sites:
 * a convolution kernel [kh, kw, channels, out], or a dense matrix [L²·channels, l²·out] (l = L/B) whose
 * rows and columns follow the NHWC order of fine and coarse sites.
 */
export type InputLayer =
  | { kind: 'conv'; kernelHeight: number; kernelWidth: number; inChannels: number; outChannels: number }
  | { kind: 'dense'; linearSize: number; coarseSize: number; inChannels: number; outChannels: number };

/** Classifies a weight tensor as an input layer, or returns null (a bias, a 1×1 mixing kernel on hidden channels, …). */
export function inputLayerOf(tensor: WeightTensor, geometry: LatticeGeometry): InputLayer | null {
  const { shape } = tensor;
  if (shape.length === 4 && shape[2] === geometry.channels) {
    return { kind: 'conv', kernelHeight: shape[0], kernelWidth: shape[1], inChannels: shape[2], outChannels: shape[3] };
  }

  const coarseSize = geometry.linearSize / geometry.block;
  const coarseSites = coarseSize * coarseSize;
  const spatial = Number.isInteger(coarseSize) && shape.length === 2 && shape[0] === geometry.linearSize ** 2 * geometry.channels;
  if (spatial && shape[1] % coarseSites === 0) {
    return { kind: 'dense', linearSize: geometry.linearSize, coarseSize, inChannels: geometry.channels, outChannels: shape[1] / coarseSites };
  }
  return null;
}

/**
 * Returns the rows (or columns) of a kernel of side `kernelSide` that see the RG block of side `block`. With stride B and
 * 'same' padding, an output site reads input offsets −⌊(k − B)/2⌋ … so its block sits at kernel offset
 * ⌊(k − B)/2⌋; with k = B ('valid') that is the whole kernel, and a kernel smaller than the block lies inside it.
 */
export function blockWindow(kernelSide: number, block: number): { start: number; size: number } {
  return { start: Math.max(0, Math.floor((kernelSide - block) / 2)), size: Math.min(block, kernelSide) };
}

/** Calls `visit(index, inside)` for every weight, `inside` telling whether its input site lies in its output's RG block. */
function forEachWeight(layer: InputLayer, block: number, visit: (index: number, inside: boolean) => void): void {
  if (layer.kind === 'conv') {
    const rows = blockWindow(layer.kernelHeight, block);
    const columns = blockWindow(layer.kernelWidth, block);
    const perSite = layer.inChannels * layer.outChannels;
    for (let ky = 0; ky < layer.kernelHeight; ky++) {
      for (let kx = 0; kx < layer.kernelWidth; kx++) {
        const inside = ky >= rows.start && ky < rows.start + rows.size && kx >= columns.start && kx < columns.start + columns.size;
        const offset = (ky * layer.kernelWidth + kx) * perSite;
        for (let k = 0; k < perSite; k++) visit(offset + k, inside);
      }
    }
    return;
  }

  const { linearSize, coarseSize, inChannels, outChannels } = layer;
  const nOut = coarseSize * coarseSize * outChannels;
  for (let site = 0; site < linearSize * linearSize; site++) {
    const blockRow = Math.floor(Math.floor(site / linearSize) / block);
    const blockColumn = Math.floor((site % linearSize) / block);
    for (let c = 0; c < inChannels; c++) {
      const row = (site * inChannels + c) * nOut;
      for (let j = 0; j < nOut; j++) {
        const coarseSite = Math.floor(j / outChannels);
        visit(row + j, coarseSite === blockRow * coarseSize + blockColumn);
      }
    }
  }
}

/**
 * Computes the locality, the share of the weight mass Σ|w| that connects each output to an input site inside
 * its own RG block. For a conv kernel the block is the B×B window of `blockWindow`, so a kernel no larger than
 * the block has locality 1 by construction. For a dense matrix it is the B×B block of fine sites under the
 * output's coarse site. 1 is perfectly local, a dense matrix with uniform weights has 1/l², and all-zero
 * weights give NaN.
 */
export function locality(tensor: WeightTensor, layer: InputLayer, block: number): number {
  let inside = 0;
  let total = 0;
  forEachWeight(layer, block, (index, isInside) => {
    const magnitude = Math.abs(tensor.values[index]);
    total += magnitude;
    if (isInside) inside += magnitude;
  });
  return total === 0 ? NaN : inside / total;
}

/** Weight of the ideal filter at a site inside (or outside) the block, at (or away from) its top-left corner. */
function idealWeight(ideal: IdealFilter, inside: boolean, corner: boolean): number {
  const selected = ideal === 'uniform' ? inside : corner;
  return selected ? 1 : 0;
}

/**
 * Returns the tensor index of every weight of output unit `unit` on input channel `channel`, over kernel
 * positions (conv, row-major kh×kw) or fine sites (dense, row-major L×L).
 */
function sliceIndices(layer: InputLayer, unit: number, channel: number): Int32Array {
  if (layer.kind === 'conv') {
    const { kernelHeight, kernelWidth, inChannels, outChannels } = layer;
    return Int32Array.from({ length: kernelHeight * kernelWidth }, (_, position) => (position * inChannels + channel) * outChannels + unit);
  }
  const nOut = layer.coarseSize * layer.coarseSize * layer.outChannels;
  return Int32Array.from({ length: layer.linearSize * layer.linearSize }, (_, site) => (site * layer.inChannels + channel) * nOut + unit);
}

/** Builds the ideal filter of output unit `unit` over the positions of `sliceIndices`: 1 on its block (or the block's top-left site), 0 elsewhere. */
function idealSlice(layer: InputLayer, block: number, ideal: IdealFilter, unit: number): Float64Array {
  if (layer.kind === 'conv') {
    const { kernelHeight, kernelWidth } = layer;
    const rows = blockWindow(kernelHeight, block);
    const columns = blockWindow(kernelWidth, block);
    const target = new Float64Array(kernelHeight * kernelWidth);
    for (let ky = 0; ky < kernelHeight; ky++) {
      for (let kx = 0; kx < kernelWidth; kx++) {
        const inside = ky >= rows.start && ky < rows.start + rows.size && kx >= columns.start && kx < columns.start + columns.size;
        const corner = ky === rows.start && kx === columns.start;
        target[ky * kernelWidth + kx] = idealWeight(ideal, inside, corner);
      }
    }
    return target;
  }

  const { linearSize, coarseSize, outChannels } = layer;
  const coarseSite = Math.floor(unit / outChannels);
  const blockRow = Math.floor(coarseSite / coarseSize);
  const blockColumn = coarseSite % coarseSize;
  const target = new Float64Array(linearSize * linearSize);
  for (let site = 0; site < linearSize * linearSize; site++) {
    const y = Math.floor(site / linearSize);
    const x = site % linearSize;
    const inside = Math.floor(y / block) === blockRow && Math.floor(x / block) === blockColumn;
    const corner = y === blockRow * block && x === blockColumn * block;
    target[site] = idealWeight(ideal, inside, corner);
  }
  return target;
}

function weightSlice(tensor: WeightTensor, layer: InputLayer, unit: number, channel: number): Float64Array {
  return Float64Array.from(sliceIndices(layer, unit, channel), (index) => tensor.values[index]);
}

/**
 * Builds the scheme's ideal filter in the shape of an input layer: every output unit carries the ideal of its
 * block on input channel (unit mod channels) and zeros elsewhere. Its measures are the targets the trained
 * weights are compared with.
 */
export function idealTensor(layer: InputLayer, block: number, ideal: IdealFilter): WeightTensor {
  const size = layer.kind === 'conv' ? layer.kernelHeight * layer.kernelWidth : layer.linearSize * layer.linearSize;
  const values = new Float32Array(size * layer.inChannels * outputUnits(layer));
  for (let unit = 0; unit < outputUnits(layer); unit++) {
    const indices = sliceIndices(layer, unit, unit % layer.inChannels);
    const target = idealSlice(layer, block, ideal, unit);
    indices.forEach((index, position) => (values[index] = target[position]));
  }
  const shape = layer.kind === 'conv' ? [layer.kernelHeight, layer.kernelWidth, layer.inChannels, layer.outChannels] : [size * layer.inChannels, outputUnits(layer)];
  return { name: `ideal ${ideal} filter`, shape, values };
}

/** |cos| between two vectors, 0 when either is zero. */
export function absoluteCosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    aa += a[i] * a[i];
    bb += b[i] * b[i];
  }
  return aa === 0 || bb === 0 ? 0 : Math.abs(dot) / Math.sqrt(aa * bb);
}

/** Number of output units of an input layer: conv filters, or coarse sites × channels of a dense matrix. */
export function outputUnits(layer: InputLayer): number {
  return layer.kind === 'conv' ? layer.outChannels : layer.coarseSize * layer.coarseSize * layer.outChannels;
}

/**
 * Similarity of each output unit's filter to the scheme's ideal filter: |cos| between the unit's weights on
 * one input channel and the ideal (1 on the block's sites, or on its top-left site, 0 elsewhere), the best
 * input channel counting. The absolute value is taken because the next layer can undo a sign. Returns the
 * best unit's and the mean over units.
 */
export function idealFilterSimilarity(tensor: WeightTensor, layer: InputLayer, block: number, ideal: IdealFilter): { best: number; mean: number } {
  const nUnits = outputUnits(layer);
  let best = 0;
  let sum = 0;
  for (let unit = 0; unit < nUnits; unit++) {
    let unitBest = 0;
    const target = idealSlice(layer, block, ideal, unit);
    for (let channel = 0; channel < layer.inChannels; channel++) {
      unitBest = Math.max(unitBest, absoluteCosine(weightSlice(tensor, layer, unit, channel), target));
    }
    best = Math.max(best, unitBest);
    sum += unitBest;
  }
  return { best, mean: sum / nUnits };
}

/** Returns the weights of output unit `unit` on input channel `channel` as a matrix (kernel or L×L sites), for figures. */
export function filterImage(tensor: WeightTensor, layer: InputLayer, unit: number, channel: number): { data: Float64Array; shape: [number, number] } {
  const shape: [number, number] = layer.kind === 'conv' ? [layer.kernelHeight, layer.kernelWidth] : [layer.linearSize, layer.linearSize];
  return { data: weightSlice(tensor, layer, unit, channel), shape };
}
