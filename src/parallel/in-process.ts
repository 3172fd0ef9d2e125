import type { AnalysisCache } from '../cache/store.js';
import type { Configuration } from '../check.js';
import type { Document, Lang } from '../model/document.js';
import { ingest, type IngestProblem } from '../ingest/read.js';
import { analyzeDocument, type DocumentResult } from '../pipeline.js';
import { analyzeDocumentTimed, timed, type StageTimes } from './stages.js';

/** The documents as read, the files that could not be, and each document's analysis (same order). */
export interface AnalysedArticles {
  documents: Document[];
  problems: IngestProblem[];
  results: DocumentResult[];
}

/** One thread: `ingest`, then each document in order (from the cache when there is one). */
export function analyzeInProcess(
  files: readonly string[],
  configuration: Configuration,
  options: { lang?: Lang; cache?: AnalysisCache; onProgress?: (done: number, total: number) => void; times?: StageTimes },
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
