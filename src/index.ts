/**
 * Crosscheck's public API. `check()` runs the whole pipeline; the stage functions and the model schemas
 * are exported for tools that build on it.
 */
export {
  check,
  finishCheck,
  loadConfiguration,
  loadConfigurationAsync,
  type CheckOptions,
  type CheckRun,
  type Configuration,
  type ConfigurationOptions,
} from './check.js';
export * from './model/index.js';
export { extractDocument, type Extraction } from './extract/index.js';
export { analyzeDocument, checkCorpus, type CorpusProgress } from './pipeline.js';
export { ingest, listArticleFiles, parseDocumentText } from './ingest/read.js';
export { loadLexicon } from './rules/lexicon.js';
export { BUNDLED_RULES_DIR, loadRules, loadRulesAsync, type RuleEntry, type SeverityOverride } from './rules/load.js';
export type { Rule, RuleMeta, RuleContext, DocumentAnalysis, CheckResult } from './rules/types.js';
// Custom rules: defineRule() for TypeScript rules, zod for their options; RuleTester is in 'crosscheck/testing'
// (it needs vitest, so the main entry does not load it).
export {
  defineRule,
  type DefinedRule,
  type RuleDefinition,
  type RuleDefinitionMeta,
  type ExtractContext,
  type CompareContext,
  type ClaimInit,
  type ReportDescriptor,
  type OptionsOf,
} from './rules/define.js';
export type { RuleTester, RuleTesterConfig, RuleTesterCases, ValidCase, InvalidCase, ExpectedFinding, ArticleInit } from './rules/tester.js';
export { RuleFile } from './rules/schema.js';
export { ConfigFile, CONFIG_FILE_NAMES } from './rules/config.js';
export { compileSafeRegex, assertSafeRegex, UnsafeRegexError } from './rules/regex.js';
export { z } from 'zod';
export { FORMATTERS, FORMAT_NAMES, type FormatName } from './report/formatters.js';
// CI: check(paths, { against, cache, baseline }); the gate, the baseline file, inline suppressions, the cache.
export { AnalysisCache, DEFAULT_CACHE_DIR, type CacheStats } from './cache/store.js';
export { BASELINE_FILE, createBaseline, parseBaseline, pruneBaseline, readBaseline, serializeBaseline, type Baseline, type BaselineEntry } from './report/baseline.js';
export { gate, type FailOn, type GateOptions, type GateResult } from './report/gate.js';
export { selectReport, type Selection, type SelectOptions } from './report/select.js';
export { parseSuppressions, applySuppressions, type Suppression } from './report/suppressions.js';
export { VERSION } from './version.js';
