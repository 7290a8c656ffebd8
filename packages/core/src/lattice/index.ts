export * from './spin-batch.js';
export * from './lattice-model.js';
