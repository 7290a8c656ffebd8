import { definePlugin } from '@rgae/core';
import { xyModel } from './lattice/xy-model.js';
import { xyMetropolisSampler } from './sampler/xy-metropolis.js';
import { xyOverrelaxationSampler } from './sampler/xy-overrelaxation.js';
import { xyWolffSampler } from './sampler/xy-wolff.js';

/** The XY plugin: the `xy` lattice model and its samplers `metropolis`, `overrelaxation` and `wolff`. */
export const xyPlugin = definePlugin({
  name: '@rgae/plugin-xy',
  version: '0.1.0',
  register(binders) {
    binders.lattice(xyModel);
    binders.sampler(xyMetropolisSampler);
    binders.sampler(xyOverrelaxationSampler);
    binders.sampler(xyWolffSampler);
  },
});
