export * from './rg-scheme.js';
