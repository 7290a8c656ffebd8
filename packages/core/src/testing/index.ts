export * from './sampler-conformance.js';
export * from './exact-distribution-check.js';
export * from './conformance-checks.js';
