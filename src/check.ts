import { relative, resolve } from 'node:path';
import type { Document } from './model/document.js';
import type { Lexicon } from './model/lexicon.js';
import type { Finding } from './model/finding.js';
import type { Report } from './model/report.js';
import type { AnalysisCache } from './cache/store.js';
import type { RuleSourcesDigest } from './cache/key.js';
import { CrosscheckError } from './model/errors.js';
import { textIncludes } from './model/stored-text.js';
import { listArticleFiles } from './ingest/read.js';
import { alignmentClock } from './align/facts.js';
import { analyzeArticles, resolveJobs } from './parallel/analyze.js';
import { corpusOffload } from './parallel/corpus.js';
import type { StageListener } from './parallel/stages.js';
import { checkCorpus, type ClaimSources, type CorpusOffload, type CorpusProgress, type DocumentResult } from './pipeline.js';
import { makeSpillDir, removeSpill, shouldSpill, spilledSource, type SpillChoice } from './claims/store.js';
import { buildReport } from './report/build.js';
import type { Baseline, BaselineEntry } from './report/baseline.js';
import { selectReport } from './report/select.js';
import { parseSuppressions, SUPPRESSION_MARK, type Suppression } from './report/suppressions.js';
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
  /** Called once the files are listed, before any is read (a throw stops the check with nothing to clean up). */
  onFiles?: (count: number) => void;
  /** Called after each document is read and analysed (for progress bars); one thread reads each article just before analysing it. */
  onProgress?: (done: number, total: number) => void;
  /** Called before each rule checks the whole corpus (on a large archive this stage takes a while too). */
  onCorpusProgress?: CorpusProgress;
  /**
   * Threads that read and analyse articles: 1 (default) this thread alone, N this thread and N - 1 worker
   * threads, or 'auto' (every core from 5,000 articles on). Same report whatever the number. Workers load the rules from the
   * configuration's sources, so a configuration assembled by hand (no `sources`) runs in this thread.
   */
  jobs?: number | 'auto';
  /**
   * From 5,000 files on, threads read the files shortly ahead of the run so that its reads find them in
   * the page cache (a cold archive is read several times faster). On by default; false turns it off.
   */
  readAhead?: boolean;
  /** Told how long each stage took (ingest, extract, claims, align, compare, report; `workers` when parallel). */
  onStage?: StageListener;
  /** Told once, after a run with worker threads, the CPU time they used in all (milliseconds; Linux only). */
  onWorkerCpu?: (ms: number) => void;
  /**
   * The archive: files or folders the articles in `paths` are checked against. Both are read and
   * analysed, but only findings with at least one side in `paths` are reported (an article in both
   * counts as new), and `report.documents` lists the new articles plus the archive articles cited.
   */
  against?: readonly string[];
  /** Reuse per-article analyses kept on disk (`new AnalysisCache(dir)`); results are identical with or without it. */
  cache?: AnalysisCache;
  /** Accepted findings (`crosscheck-baseline.json`, see readBaseline): left out of the report. */
  baseline?: Baseline;
  /** Apply the articles' `<!-- crosscheck-disable… -->` comments and `crosscheck:` front-matter keys (default true). */
  inlineSuppressions?: boolean;
  /**
   * Keep the claims on disk (a temporary folder, removed after the run) between reading the articles and
   * checking them across the corpus, so memory stays bounded on a large archive: 'auto' (the default) from
   * 20,000 articles on (1,000 with a `cache`, whose entries then go to disk without being unpacked),
   * 'always', or 'never'. Same report either way.
   */
  spill?: SpillChoice;
}

export interface CheckRun {
  report: Report;
  /** The documents as analysed (publication dates found in the text filled in). */
  documents: Document[];
  lexicon: Lexicon;
  rules: Rule[];
  /** Findings hidden by inline suppressions, and by the baseline. */
  suppressed: Finding[];
  baselined: Finding[];
  /** Baseline entries that matched no finding: fixed, or changed (a changed value is a new fingerprint). */
  unmatchedBaseline: BaselineEntry[];
  /** How many articles were checked as new, and read as the archive they were checked against. */
  scope: { new: number; archive: number };
  /** Whether the claims were kept on disk between reading the articles and the corpus checks (`spill`). */
  spilled: boolean;
  /** The rules whose corpus check ran in a worker thread, beside the main thread's (see parallel/corpus.ts). */
  checkedInWorker: string[];
}

export interface Configuration {
  lexicon: Lexicon;
  rules: Rule[];
  /** Where the rules came from; the result cache keys on it (a configuration without it is not cached). */
  sources?: RuleSourcesDigest;
}

export type ConfigurationOptions = Pick<CheckOptions, 'rules' | 'noBundledRules' | 'overrides' | 'options' | 'config'>;

/**
 * Loads the rule pack(s) and lexicons; throws CrosscheckError (code 'config') on a bad file. Synchronous, so
 * YAML rules only: a folder with TypeScript/JavaScript rules needs {@link loadConfigurationAsync}.
 */
export function loadConfiguration(options: ConfigurationOptions = {}): Configuration {
  const sources = resolveRuleSources({ bundledDir: BUNDLED_RULES_DIR, ...options });
  return { lexicon: loadLexicon(sources.dirs), rules: loadRules(sources.dirs, sources.overrides, sources), sources: digestOf(sources) };
}

/** Loads YAML rules, TypeScript/JavaScript rules (`defineRule`) and lexicons; what the CLI uses. */
export async function loadConfigurationAsync(options: ConfigurationOptions = {}): Promise<Configuration> {
  const sources = resolveRuleSources({ bundledDir: BUNDLED_RULES_DIR, ...options });
  const lexicon = loadLexicon(sources.dirs);
  return { lexicon, rules: await loadRulesAsync(sources.dirs, sources.overrides, sources), sources: digestOf(sources) };
}

function digestOf(sources: RuleSourcesDigest): RuleSourcesDigest {
  return { dirs: sources.dirs, overrides: sources.overrides, options: sources.options };
}

/**
 * Checks articles against each other: the whole pipeline, files in, Report out. A path that does not exist
 * throws; a file that cannot be read is listed in `report.problems` and the others are still checked.
 */
export function check(paths: readonly string[], options: CheckOptions = {}, configuration?: Configuration): CheckRun {
  const loaded = configuration ?? loadConfiguration(options);
  const { lexicon, rules } = loaded;
  const newFiles = listArticleFiles(paths);
  const archiveFiles = options.against ? archiveOnly(listArticleFiles(options.against), newFiles) : [];
  // One sorted list, so `check a.md --against dir/` analyses in the same order as `check dir/`.
  const files = [...newFiles, ...archiveFiles].sort();
  options.onFiles?.(files.length);
  const spillDir = shouldSpill(options.spill, files.length, options.cache !== undefined) ? makeSpillDir() : undefined;
  let analysed: ReturnType<typeof analyzeArticles>;
  let finished: ReturnType<typeof finishCheck>;
  let suppressions: Suppression[];
  let offload: ReturnType<typeof corpusOffload>;
  try {
    const jobs = resolveJobs(options.jobs, files.length, loaded);
    analysed = analyzeArticles(files, loaded, { ...options, jobs, spillDir });
    // Before the report: an invalid suppression key is a problem of its article, listed in the report.
    suppressions = options.inlineSuppressions === false ? [] : readSuppressions(analysed.documents, analysed.problems);
    const sources: ClaimSources | undefined = spillDir === undefined ? undefined : (rule) => spilledSource(spillDir, rules, rule);
    // With several threads and the claims on disk, rules that read no document are checked beside the others.
    offload = spillDir !== undefined && jobs > 1 ? corpusOffload(loaded, spillDir) : undefined;
    finished = finishCheck(analysed.results, analysed.problems, loaded, options.onStage, sources, options.onCorpusProgress, offload);
  } finally {
    if (spillDir !== undefined) removeSpill(spillDir);
  }
  const { documents } = analysed;
  const shownNew = new Set(newFiles.map((file) => relative(process.cwd(), file) || file)); // as ingest shows paths
  const newDocs = new Set(documents.filter((doc) => shownNew.has(doc.path)).map((doc) => doc.id));
  const { report, ...selection } = selectReport(finished.report, {
    newDocs: options.against ? newDocs : undefined,
    suppressions,
    baseline: options.baseline,
  });
  return { report, documents: finished.documents, lexicon, rules, ...selection, scope: { new: newDocs.size, archive: documents.length - newDocs.size }, spilled: spillDir !== undefined, checkedInWorker: offload?.checkedInWorker ?? [] };
}

/**
 * The archive's files that are not among the new ones. A function of its own, so that the resolved paths
 * are let go before the check: a run holds what its scope holds to the end, and the Set of 100,000 resolved
 * paths (each, in V8, a tree of concatenated slices) was 0.8 million objects for every full collection.
 */
function archiveOnly(archive: readonly string[], newFiles: readonly string[]): string[] {
  const isNew = new Set(newFiles.map((file) => resolve(file)));
  return archive.filter((file) => !isNew.has(resolve(file)));
}

/** Every article's inline suppressions; an invalid `crosscheck:` front-matter key becomes a problem of that article. */
function readSuppressions(documents: readonly Document[], problems: Array<{ path: string; line?: number; message: string }>): Suppression[] {
  return documents.flatMap((doc) => {
    // Most articles have none: their text (held as bytes, see model/stored-text.ts) is not even decoded.
    if (doc.meta.crosscheck === undefined && !textIncludes(doc, SUPPRESSION_MARK)) return [];
    try {
      return parseSuppressions(doc.id, doc.text, doc.meta.crosscheck);
    } catch (error) {
      if (!(error instanceof CrosscheckError)) throw error;
      problems.push({ path: doc.path, line: error.line, message: error.message });
      return [];
    }
  });
}

/** The corpus-level half of a check: claims from the results, or from `sources` when they were spilled. */
export function finishCheck(
  results: readonly DocumentResult[],
  problems: ReadonlyArray<{ path: string; line?: number; message: string }>,
  configuration: Configuration,
  onStage?: StageListener,
  sources?: ClaimSources,
  onCorpusProgress?: CorpusProgress,
  offload?: CorpusOffload,
): { report: Report; documents: Document[] } {
  const corpusStarted = performance.now();
  const alignedBefore = alignmentClock.ms;
  const corpus = checkCorpus(results, configuration, sources, onCorpusProgress, offload);
  // Rules align claims inside their `check`; the alignment clock tells that share apart from comparing.
  const aligning = alignmentClock.ms - alignedBefore;
  onStage?.('align', aligning);
  onStage?.('compare', performance.now() - corpusStarted - aligning);
  const reportStarted = performance.now();
  const analysed = results.map((r) => r.analysis.doc);
  // Sentences are rebuilt only for the documents a finding quotes without its own sentence.
  const byId = new Map(results.map((r) => [r.analysis.doc.id, r.analysis]));
  const report = buildReport({ documents: analysed, sentences: { get: (id) => byId.get(id)?.sentences }, ...corpus, problems, version: VERSION });
  onStage?.('report', performance.now() - reportStarted);
  return { report, documents: analysed };
}
