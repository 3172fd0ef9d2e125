export * from './fold.js';
export * from './line-index.js';
export * from './sentences.js';
export * from './words.js';
