import { availableParallelism } from 'node:os';
import type { AnalysisCache } from '../cache/store.js';
import type { Configuration } from '../check.js';
import type { Lang } from '../model/document.js';
import { analyzeInProcess, oneThreadSpill, type AnalysedArticles } from './in-process.js';
import { analyzeInWorkers } from './pool.js';
import { countRead, startReadAhead } from '../ingest/read-ahead.js';
import { ARTICLE_STAGES, emptyStageTimes, type StageListener } from './stages.js';

export type { AnalysedArticles } from './in-process.js';

/**
 * Below this many article files, `jobs: 'auto'` stays in one thread. Each worker loads the code and the
 * rules and warms up its own compiler, and warming up two at once on two cores is slow: measured on 2 vCPUs
 * (reports/bench.md), two threads lose below about 4,000 articles and win from about 6,000 (1.31× at 10k,
 * 1.63× at 100k).
 */
export const AUTO_PARALLEL_MIN_FILES = 5000;

export interface AnalyzeArticlesOptions {
  lang?: Lang;
  cache?: AnalysisCache;
  onProgress?: (done: number, total: number) => void;
  onStage?: StageListener;
  /**
   * Told once, after a run with worker threads, the CPU time they used in all (milliseconds), where the
   * system tells a thread's own (Linux; see util/thread-cpu.ts).
   */
  onWorkerCpu?: (ms: number) => void;
  /**
   * Threads that read and analyse articles: 1 (the default) runs in this thread; N > 1 adds N - 1 worker
   * threads (this one analyses batches too); 'auto' uses every core from AUTO_PARALLEL_MIN_FILES files on.
   * Results are the same whatever the number.
   */
  jobs?: number | 'auto';
  /**
   * Keep the claims on disk in this folder (see claims/store) instead of in the results, which then hold
   * none: read them back with `spilledSource`. The folder should be empty; the caller removes it.
   */
  spillDir?: string;
  /**
   * Whether threads read the files shortly ahead of the run, so that its own reads find them in the page
   * cache (ingest/read-ahead.ts): true by default; it only ever starts from READ_AHEAD_MIN_FILES files.
   */
  readAhead?: boolean;
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
  const readAhead = options.readAhead === false ? undefined : startReadAhead(files);
  try {
    if (jobs === 1) {
      const times = options.onStage ? emptyStageTimes() : undefined;
      const spill = oneThreadSpill(options.spillDir, configuration.rules);
      const onFileRead = readAhead && countRead(readAhead.state);
      // Claims kept in memory hold slices of their article's text, which keep it alive: bytes would only add to it.
      const analysed = analyzeInProcess(files, configuration, { ...options, times, spill, onFileRead, storeTexts: spill !== undefined });
      if (times) for (const stage of ARTICLE_STAGES) options.onStage!(stage, times[stage]);
      return analysed;
    }
    return analyzeInWorkers(files, configuration, { ...options, jobs, readAheadState: readAhead?.state });
  } finally {
    readAhead?.stop();
  }
}
