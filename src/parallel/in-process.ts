import type { AnalysisCache, CachedResult } from '../cache/store.js';
import type { Configuration } from '../check.js';
import type { Document, Lang } from '../model/document.js';
import { ingest, type IngestProblem } from '../ingest/read.js';
import { analyzeDocument, type DocumentResult } from '../pipeline.js';
import { SpillWriter } from '../claims/store.js';
import type { Rule } from '../rules/types.js';
import { analyzeDocumentTimed, timed, type StageTimes } from './stages.js';

/** The documents as read, the files that could not be, and each document's analysis (same order). */
export interface AnalysedArticles {
  documents: Document[];
  problems: IngestProblem[];
  results: DocumentResult[];
}

/** Where a thread puts its articles' claims when they are kept on disk: its writer, and the batch it analyses. */
export interface SpillTarget {
  writer: SpillWriter;
  batch: number;
}

/** A whole run in one thread spilling to `dir`: one writer, one batch (undefined keeps claims in memory). */
export function oneThreadSpill(dir: string | undefined, rules: readonly Rule[]): SpillTarget | undefined {
  return dir === undefined ? undefined : { writer: new SpillWriter(dir, 'main', rules), batch: 0 };
}

/**
 * One thread: `ingest`, then each document in order (from the cache when there is one). With `spill`, each
 * article's claims go to disk as soon as it is analysed and its result keeps none.
 */
export function analyzeInProcess(
  files: readonly string[],
  configuration: Configuration,
  options: {
    lang?: Lang;
    cache?: AnalysisCache;
    onProgress?: (done: number, total: number) => void;
    times?: StageTimes;
    spill?: SpillTarget;
    onFileRead?: () => void;
  },
): AnalysedArticles {
  const { times, cache } = options;
  // With a cache, an article served from an entry takes the language kept there, never detected.
  const read = () => ingest(files, { lexicon: configuration.lexicon, lang: options.lang, onFileRead: options.onFileRead, deferLanguage: cache !== undefined });
  const { documents, problems } = times ? timed(times, 'ingest', read) : read();
  const results: DocumentResult[] = [];
  const { spill } = options;
  // Writing claims is part of producing them: timed as the claims stage.
  const writing = (write: () => void) => (times ? timed(times, 'claims', write) : write());
  // Spilling, the cache gives claims prepared for the spill: served from an entry, they are never unpacked.
  const cacheOptions = { prepared: spill !== undefined };
  for (const doc of documents) {
    let result: CachedResult;
    // The cache hashes the rules themselves, so it is given them untouched (and timed as a whole).
    if (cache) result = times ? timed(times, 'extract', () => cache.analyze(doc, configuration, cacheOptions)) : cache.analyze(doc, configuration, cacheOptions);
    else result = times ? analyzeDocumentTimed(doc, configuration, times) : analyzeDocument(doc, configuration);
    if (spill) {
      const { claims, prepared } = result;
      const order = [spill.batch, results.length] as const;
      writing(() => (prepared ? spill.writer.writePrepared(order, prepared) : spill.writer.write(order, claims)));
      result = { analysis: result.analysis, claims: [], findings: result.findings };
    }
    results.push(result);
    options.onProgress?.(results.length, documents.length);
  }
  if (spill) writing(() => spill.writer.flush());
  return { documents, problems, results };
}
