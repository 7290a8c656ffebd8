export * from './rgae-error.js';
export * from './suggest.js';
