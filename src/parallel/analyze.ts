import { availableParallelism } from 'node:os';
import type { AnalysisCache } from '../cache/store.js';
import type { Configuration } from '../check.js';
import type { Document, Lang } from '../model/document.js';
import { ingest, type IngestProblem } from '../ingest/read.js';
import { analyzeDocument, type DocumentResult } from '../pipeline.js';
import { analyzeInWorkers } from './pool.js';
import { analyzeDocumentTimed, emptyStageTimes, timed, type StageListener, type StageTimes } from './stages.js';

/**
 * Below this many article files, `jobs: 'auto'` stays in one thread: starting a worker (loading the rules
 * and lexicons again) costs about what analysing a few hundred articles does.
 */
export const AUTO_PARALLEL_MIN_FILES = 400;

export interface AnalyzeArticlesOptions {
  lang?: Lang;
  cache?: AnalysisCache;
  onProgress?: (done: number, total: number) => void;
  onStage?: StageListener;
  /**
   * Threads that read and analyse articles: 1 (the default) runs in this thread; N > 1 starts N worker
   * threads; 'auto' uses every core when there are at least AUTO_PARALLEL_MIN_FILES files. Results are the
   * same whatever the number.
   */
  jobs?: number | 'auto';
}

/** The documents as read, the files that could not be, and each document's analysis (same order). */
export interface AnalysedArticles {
  documents: Document[];
  problems: IngestProblem[];
  results: DocumentResult[];
}

/** How many threads a run uses. Workers rebuild the configuration from its sources: without them, one. */
export function resolveJobs(jobs: AnalyzeArticlesOptions['jobs'], files: number, configuration: Configuration): number {
  if (!configuration.sources || files < 2) return 1;
  if (jobs === 'auto') return files >= AUTO_PARALLEL_MIN_FILES ? Math.min(availableParallelism(), files) : 1;
  return Math.max(1, Math.min(Math.floor(jobs ?? 1), files));
}

/** Reads and analyses article files, in this thread or in workers; the corpus-level half comes after. */
export function analyzeArticles(files: readonly string[], configuration: Configuration, options: AnalyzeArticlesOptions = {}): AnalysedArticles {
  const jobs = resolveJobs(options.jobs, files.length, configuration);
  if (jobs === 1) {
    const times = options.onStage ? emptyStageTimes() : undefined;
    const analysed = analyzeInProcess(files, configuration, { ...options, times });
    if (times) for (const stage of ['ingest', 'extract', 'claims'] as const) options.onStage!(stage, times[stage]);
    return analysed;
  }
  return analyzeInWorkers(files, configuration, { ...options, jobs });
}

/** One thread: `ingest`, then each document in order (from the cache when there is one). */
export function analyzeInProcess(
  files: readonly string[],
  configuration: Configuration,
  options: Pick<AnalyzeArticlesOptions, 'lang' | 'cache' | 'onProgress'> & { times?: StageTimes },
): AnalysedArticles {
  const { times, cache } = options;
  const read = () => ingest(files, { lexicon: configuration.lexicon, lang: options.lang });
  const { documents, problems } = times ? timed(times, 'ingest', read) : read();
  const results: DocumentResult[] = [];
  for (const doc of documents) {
    // The cache hashes the rules themselves, so it is given them untouched (and timed as a whole).
    if (cache) results.push(times ? timed(times, 'extract', () => cache.analyze(doc, configuration)) : cache.analyze(doc, configuration));
    else results.push(times ? analyzeDocumentTimed(doc, configuration, times) : analyzeDocument(doc, configuration));
    options.onProgress?.(results.length, documents.length);
  }
  return { documents, problems, results };
}
