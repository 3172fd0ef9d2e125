export * from './time.js';
export * from './document.js';
export * from './mention.js';
export * from './claim.js';
export * from './finding.js';
export * from './report.js';
export * from './errors.js';
export * from './lexicon.js';
