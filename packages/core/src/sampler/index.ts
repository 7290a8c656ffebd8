export * from './sampler.js';
export * from './generate-ensemble.js';
