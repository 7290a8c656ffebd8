export * from './atomic-write.js';
export * from './npy.js';
export * from './ensemble-files.js';
