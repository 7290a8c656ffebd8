import type { Plugin } from '@rgae/core';
import isingPlugin from '@rgae/plugin-ising';
import xyPlugin from '@rgae/plugin-xy';
import rgSchemesPlugin from '@rgae/rg-schemes';
import modelsPlugin from '@rgae/models';
import studyTestsPlugin from '@rgae/study-tests';

/** Plugins shipped with rgae; they go through the same `Registry.load` as third-party plugins. */
export const BUILTIN_PLUGINS: readonly Plugin[] = [isingPlugin, xyPlugin, rgSchemesPlugin, modelsPlugin, studyTestsPlugin];
