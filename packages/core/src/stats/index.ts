export * from './estimate.js';
export * from './autocorrelation.js';
export * from './jackknife.js';
export * from './observables.js';
export * from './chi-square.js';
