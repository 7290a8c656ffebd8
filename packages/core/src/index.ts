export * from './errors/index.js';
export * from './random/index.js';
export * from './stats/index.js';
export * from './logging/index.js';
export * from './lattice/index.js';
export * from './sampler/index.js';
export * from './rg/index.js';
export * from './model/index.js';
export * from './metric/index.js';
export * from './compute/index.js';
export * from './io/index.js';
export * from './di/index.js';

/** Version of the @rgae/core package, stored with every result. */
export const CORE_VERSION = '0.1.0';
export * from './study/index.js';
