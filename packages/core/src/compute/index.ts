export * from './kernel-choice.js';
