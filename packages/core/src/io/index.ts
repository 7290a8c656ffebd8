export * from './atomic-write.js';
export * from './make-folder.js';
export * from './npy.js';
export * from './ensemble-files.js';
