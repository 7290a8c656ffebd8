export * from './tokens.js';
export * from './define-plugin.js';
export * from './registry.js';
