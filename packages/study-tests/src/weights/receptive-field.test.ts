import type { WeightTensor } from '@rgae/core';
import { describe, expect, it } from 'vitest';
import { blockWindow, idealFilterOf, idealFilterSimilarity, inputLayerOf, locality, type InputLayer } from './receptive-field.js';

const geometry = { linearSize: 4, channels: 1, block: 2 };
const tensor = (shape: number[], values: number[]): WeightTensor => ({ name: 'kernel', shape, values: Float32Array.from(values) });

/** Dense [16, 4] matrix of a 4×4 lattice onto 2×2 coarse sites: w_ij = inside(i, j) or outside(i, j). */
function denseMatrix(inside: number, outside: number): WeightTensor {
  const values: number[] = [];
  for (let site = 0; site < 16; site++) {
    const coarseSite = Math.floor(Math.floor(site / 4) / 2) * 2 + Math.floor((site % 4) / 2);
    for (let j = 0; j < 4; j++) values.push(j === coarseSite ? inside : outside);
  }
  return tensor([16, 4], values);
}

describe('inputLayerOf', () => {
  it('classifies conv kernels, dense matrices and the rest', () => {
    expect(inputLayerOf(tensor([2, 2, 1, 3], new Array(12).fill(0)), geometry)?.kind).toBe('conv');
    expect(inputLayerOf(denseMatrix(1, 0), geometry)).toEqual({ kind: 'dense', linearSize: 4, coarseSize: 2, inChannels: 1, outChannels: 1 });
    expect(inputLayerOf(tensor([1, 1, 16, 1], new Array(16).fill(0)), geometry)).toBeNull();
    expect(inputLayerOf(tensor([16, 3], new Array(48).fill(0)), geometry)).toBeNull();
  });
});

describe('blockWindow', () => {
  it('centres the block in a larger kernel', () => {
    expect(blockWindow(4, 2)).toEqual({ start: 1, size: 2 });
    expect(blockWindow(3, 2)).toEqual({ start: 0, size: 2 });
    expect(blockWindow(2, 2)).toEqual({ start: 0, size: 2 });
    expect(blockWindow(1, 2)).toEqual({ start: 0, size: 1 });
  });
});

describe('locality', () => {
  it('is the block share of a uniform 4×4 kernel', () => {
    const kernel = tensor([4, 4, 1, 1], new Array(16).fill(1));
    expect(locality(kernel, inputLayerOf(kernel, geometry) as InputLayer, 2)).toBeCloseTo(4 / 16, 12);
  });

  it('is 1/l² for a uniform dense matrix and 1 for a block matrix', () => {
    const uniform = denseMatrix(1, 1);
    const blocks = denseMatrix(0.5, 0);
    const layer = inputLayerOf(uniform, geometry) as InputLayer;
    expect(locality(uniform, layer, 2)).toBeCloseTo(1 / 4, 12);
    expect(locality(blocks, layer, 2)).toBeCloseTo(1, 12);
  });
});

describe('idealFilterSimilarity', () => {
  it('scores a uniform kernel 1 against majority and 1/2 against decimation', () => {
    const kernel = tensor([2, 2, 1, 1], [0.7, 0.7, 0.7, 0.7]);
    const layer = inputLayerOf(kernel, geometry) as InputLayer;
    expect(idealFilterSimilarity(kernel, layer, 2, 'uniform').best).toBeCloseTo(1, 12);
    expect(idealFilterSimilarity(kernel, layer, 2, 'single-site').best).toBeCloseTo(0.5, 12);
  });

  it('ignores the sign and averages over units', () => {
    // Filter 0 is −(uniform), filter 1 is one-hot at the top-left; kernel index ((ky·2 + kx)·1 + 0)·2 + unit.
    const kernel = tensor([2, 2, 1, 2], [-1, 1, -1, 0, -1, 0, -1, 0]);
    const similarity = idealFilterSimilarity(kernel, inputLayerOf(kernel, geometry) as InputLayer, 2, 'uniform');
    expect(similarity.best).toBeCloseTo(1, 12);
    expect(similarity.mean).toBeCloseTo((1 + 0.5) / 2, 12);
  });

  it('scores the block matrix of a dense layer 1', () => {
    const blocks = denseMatrix(0.25, 0);
    const similarity = idealFilterSimilarity(blocks, inputLayerOf(blocks, geometry) as InputLayer, 2, 'uniform');
    expect(similarity).toEqual({ best: expect.closeTo(1, 12), mean: expect.closeTo(1, 12) });
  });
});

describe('idealFilterOf', () => {
  it('maps the built-in schemes', () => {
    expect(idealFilterOf('majority')).toBe('uniform');
    expect(idealFilterOf('block-average')).toBe('uniform');
    expect(idealFilterOf('decimation')).toBe('single-site');
    expect(idealFilterOf('acme/wavelet')).toBeNull();
  });
});
