import type { Document } from './model/document.js';
import type { Lexicon } from './model/lexicon.js';
import type { Span } from './model/mention.js';
import type { Report } from './model/report.js';
import { ingest, listArticleFiles } from './ingest/read.js';
import { analyzeDocument, checkCorpus, type DocumentResult } from './pipeline.js';
import { buildReport } from './report/build.js';
import { loadLexicon } from './rules/lexicon.js';
import { resolveRuleSources } from './rules/config.js';
import { BUNDLED_RULES_DIR, loadRules, loadRulesAsync, type RuleOptions, type SeverityOverride } from './rules/load.js';
import type { Rule } from './rules/types.js';
import { VERSION } from './version.js';

export interface CheckOptions {
  /** Extra rule folders (YAML rules and lexicons), after the bundled pack. */
  rules?: readonly string[];
  /** Leave out the bundled rule pack. */
  noBundledRules?: boolean;
  /** Severity overrides by rule id, or "off" (they win over the config file's). */
  overrides?: Readonly<Record<string, SeverityOverride>>;
  /** Rule options by rule id (they win over the config file's). */
  options?: RuleOptions;
  /** A config file (crosscheck.config.{json,yaml}): its rule folders, severities and options. */
  config?: string;
  /** Force the language of every article instead of detecting it. */
  lang?: 'fr' | 'en';
  /** Called after each document is read and analysed (for progress bars). */
  onProgress?: (done: number, total: number) => void;
}

export interface CheckRun {
  report: Report;
  /** The documents as analysed (publication dates found in the text filled in). */
  documents: Document[];
  lexicon: Lexicon;
  rules: Rule[];
}

export interface Configuration {
  lexicon: Lexicon;
  rules: Rule[];
}

export type ConfigurationOptions = Pick<CheckOptions, 'rules' | 'noBundledRules' | 'overrides' | 'options' | 'config'>;

/**
 * Loads the rule pack(s) and lexicons; throws CrosscheckError (code 'config') on a bad file. Synchronous, so
 * YAML rules only: a folder with TypeScript/JavaScript rules needs {@link loadConfigurationAsync}.
 */
export function loadConfiguration(options: ConfigurationOptions = {}): Configuration {
  const sources = resolveRuleSources({ bundledDir: BUNDLED_RULES_DIR, ...options });
  return { lexicon: loadLexicon(sources.dirs), rules: loadRules(sources.dirs, sources.overrides, sources) };
}

/** Loads YAML rules, TypeScript/JavaScript rules (`defineRule`) and lexicons; what the CLI uses. */
export async function loadConfigurationAsync(options: ConfigurationOptions = {}): Promise<Configuration> {
  const sources = resolveRuleSources({ bundledDir: BUNDLED_RULES_DIR, ...options });
  const lexicon = loadLexicon(sources.dirs);
  return { lexicon, rules: await loadRulesAsync(sources.dirs, sources.overrides, sources) };
}

/**
 * Checks articles against each other: the whole pipeline, files in, Report out. A path that does not exist
 * throws; a file that cannot be read is listed in `report.problems` and the others are still checked.
 */
export function check(paths: readonly string[], options: CheckOptions = {}, configuration?: Configuration): CheckRun {
  const { lexicon, rules } = configuration ?? loadConfiguration(options);
  const files = listArticleFiles(paths);
  const { documents, problems } = ingest(files, { lexicon, lang: options.lang });
  const results: DocumentResult[] = [];
  for (const doc of documents) {
    results.push(analyzeDocument(doc, { lexicon, rules }));
    options.onProgress?.(results.length, documents.length);
  }
  return { ...finishCheck(results, problems, { lexicon, rules }), lexicon, rules };
}

/** The corpus-level half of a check, shared with the parallel runner. */
export function finishCheck(
  results: readonly DocumentResult[],
  problems: ReadonlyArray<{ path: string; line?: number; message: string }>,
  configuration: Configuration,
): { report: Report; documents: Document[] } {
  const corpus = checkCorpus(results, configuration);
  const analysed = results.map((r) => r.analysis.doc);
  const sentences = new Map<string, Span[]>(results.map((r) => [r.analysis.doc.id, r.analysis.sentences]));
  const report = buildReport({ documents: analysed, sentences, ...corpus, problems, version: VERSION });
  return { report, documents: analysed };
}
