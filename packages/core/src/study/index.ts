export * from './stable-hash.js';
export * from './value-list.js';
export * from './study-config.js';
export * from './study-file.js';
export * from './run-directory.js';
export * from './stage-runner.js';
export * from './study-context.js';
export * from './stages/index.js';
