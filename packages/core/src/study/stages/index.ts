export * from './ensemble-stage.js';
export * from './import-dataset.js';
export * from './coarsen-stage.js';
export * from './tests-stage.js';
