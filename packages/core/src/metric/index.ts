export * from './study-test.js';
export * from './figure-specs.js';
