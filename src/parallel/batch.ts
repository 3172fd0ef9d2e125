import type { AnalysisCache } from '../cache/store.js';
import type { Configuration } from '../check.js';
import type { Lang } from '../model/document.js';
import { SpillWriter } from '../claims/store.js';
import { analyzeInProcess } from './in-process.js';
import type { BatchReply, BatchRequest } from './protocol.js';
import { emptyStageTimes, STAGES } from './stages.js';

export type BatchRunner = (request: BatchRequest) => Extract<BatchReply, { ok: true }>;

/**
 * Reads and analyses one batch of files as a reply: what a worker posts back, and what the main thread
 * makes of the batches it takes itself. One clock for the session, read and reset after each batch; cache
 * counts are this batch's only. With `spill`, claims go to the spill folder (files of this thread), written
 * whole before the reply.
 */
export function batchRunner(
  configuration: Configuration,
  options: {
    lang?: Lang;
    cache?: AnalysisCache;
    timed: boolean;
    onDocument: () => void;
    onFileRead?: () => void;
    spill?: { dir: string; thread: string };
    /** The main thread's batches, when their claims go to disk: texts kept as bytes (a worker's are stored as its reply arrives). */
    storeTexts?: boolean;
  },
): BatchRunner {
  const { cache } = options;
  const times = options.timed ? emptyStageTimes() : undefined;
  const writer = options.spill ? new SpillWriter(options.spill.dir, options.spill.thread, configuration.rules) : undefined;
  return (request) => {
    const cacheBefore = cache ? { ...cache.stats } : undefined;
    const spill = writer ? { writer, batch: request.batch } : undefined;
    const analysed = analyzeInProcess(request.files, configuration, { lang: options.lang, cache, times, onProgress: options.onDocument, onFileRead: options.onFileRead, spill, storeTexts: options.storeTexts });
    const ingestedPublished: Array<{ index: number; published: (typeof analysed.documents)[number]['published'] }> = [];
    analysed.documents.forEach((doc, index) => {
      if (analysed.results[index]!.analysis.doc !== doc) ingestedPublished.push({ index, published: doc.published });
    });
    const spent = times ? { ...times } : undefined;
    if (times) for (const stage of STAGES) times[stage] = 0;
    const counted = cache && cacheBefore ? { ...cache.stats } : undefined;
    if (counted && cacheBefore) for (const key of Object.keys(counted) as Array<keyof typeof counted>) counted[key] -= cacheBefore[key];
    return { batch: request.batch, ok: true, results: analysed.results, ingestedPublished, problems: analysed.problems, times: spent, cache: counted };
  };
}
