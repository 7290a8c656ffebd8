export * from './study-test.js';
