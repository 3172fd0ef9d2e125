/**
 * Crosscheck's public API. `check()` runs the whole pipeline; the stage functions and the model schemas
 * are exported for tools that build on it.
 */
export { check, finishCheck, loadConfiguration, type CheckOptions, type CheckRun, type Configuration } from './check.js';
export * from './model/index.js';
export { extractDocument, type Extraction } from './extract/index.js';
export { analyzeDocument, checkCorpus } from './pipeline.js';
export { ingest, listArticleFiles, parseDocumentText } from './ingest/read.js';
export { loadLexicon } from './rules/lexicon.js';
export { BUNDLED_RULES_DIR, loadRules } from './rules/load.js';
export type { Rule, RuleMeta, RuleContext, DocumentAnalysis, CheckResult } from './rules/types.js';
export { FORMATTERS, FORMAT_NAMES, type FormatName } from './report/formatters.js';
export { VERSION } from './version.js';
