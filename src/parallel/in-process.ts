import type { AnalysisCache, CachedResult } from '../cache/store.js';
import type { Configuration } from '../check.js';
import type { Document, Lang } from '../model/document.js';
import { ingestEach, type IngestProblem } from '../ingest/read.js';
import { withChanges } from '../model/stored-text.js';
import { analyzeDocument, keptWithStoredText, type DocumentResult } from '../pipeline.js';
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
 * One thread: each file read, then analysed (from the cache when there is one) before the next is read.
 * With `spill`, each article's claims go to disk as soon as it is analysed and its result keeps none. With
 * `storeTexts` (a thread that keeps the results until the report, not a worker that posts them, and whose
 * claims do not stay in memory holding slices of the text), each article's text is kept as UTF-8 bytes once
 * it is analysed (see model/stored-text.ts): no more than one article's text is held as a string at a time.
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
    storeTexts?: boolean;
  },
): AnalysedArticles {
  const { times, cache, spill } = options;
  const documents: Document[] = [];
  const results: DocumentResult[] = [];
  // Writing claims is part of producing them: timed as the claims stage.
  const writing = (write: () => void) => (times ? timed(times, 'claims', write) : write());
  // Spilling, the cache gives claims prepared for the spill: served from an entry, they are never unpacked.
  const cacheOptions = { prepared: spill !== undefined };
  // Reading is timed as what the loop took beyond the analyses.
  const started = performance.now();
  let analysing = 0;
  const analyse = (doc: Document) => {
    const from = performance.now();
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
    let ingested = doc;
    if (options.storeTexts) {
      const analysis = keptWithStoredText(result.analysis);
      // The document as read is the analysed one, or differs in its date only (analysis refined it).
      ingested = doc === result.analysis.doc ? analysis.doc : withChanges(analysis.doc, { published: doc.published });
      result = { ...result, analysis };
    }
    documents.push(ingested);
    results.push(result);
    options.onProgress?.(results.length, files.length);
    analysing += performance.now() - from;
  };
  const problems = ingestEach(
    files,
    { lexicon: configuration.lexicon, lang: options.lang, onFileRead: options.onFileRead, deferLanguage: cache !== undefined },
    analyse,
  );
  if (times) times.ingest += performance.now() - started - analysing;
  if (spill) writing(() => spill.writer.flush());
  return { documents, problems, results };
}
