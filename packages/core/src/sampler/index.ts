export * from './sampler.js';
export * from './generate-ensemble.js';
export * from './validate.js';
