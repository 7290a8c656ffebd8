/** src/index.ts of a generated plugin: the default export rgae loads. */
export function indexTemplate(packageName: string): string {
  return `import { definePlugin } from '@rgae/core';
import { spinsModel } from './lattice.js';
import { heatBathSampler } from './sampler.js';
import { decimationScheme } from './scheme.js';

export { spinsModel, bondSum } from './lattice.js';
export { heatBathSampler } from './sampler.js';
export { decimationScheme } from './scheme.js';

/** Registers the example lattice, its sampler and an RG scheme; rgae loads this default export. */
export default definePlugin({
  name: '${packageName}',
  version: '0.1.0',
  register(bind) {
    bind.lattice(spinsModel);
    bind.sampler(heatBathSampler);
    bind.scheme(decimationScheme);
  },
});
`;
}
