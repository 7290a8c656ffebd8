export * from './sampler-conformance.js';
export * from './exact-distribution-check.js';
export * from './conformance-checks.js';
export * from './study-context-fixture.js';
export * from './study-test-conformance.js';
export * from './scheme-conformance.js';
export * from './architecture-conformance.js';
