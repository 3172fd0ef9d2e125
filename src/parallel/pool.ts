import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { Configuration } from '../check.js';
import type { Document } from '../model/document.js';
import { CrosscheckError } from '../model/errors.js';
import { KeptDocument, type DocumentResult, type KeptDocumentData } from '../pipeline.js';
import { withChanges } from '../model/stored-text.js';
import type { AnalyzeArticlesOptions } from './analyze.js';
import { clearSpill } from '../claims/store.js';
import { analyzeInProcess, oneThreadSpill, type AnalysedArticles } from './in-process.js';
import { batchRunner, type BatchRunner } from './batch.js';
import { batchSize, cutBatches } from './batches.js';
import { SIGNAL_DOCUMENTS, SIGNAL_REPLIES, type BatchReply, type BatchRequest, type WorkerSetup } from './protocol.js';
import { rebuildError } from './worker-common.js';
import { compiledModule } from '../util/compiled.js';
import { countRead } from '../ingest/read-ahead.js';
import { ARTICLE_STAGES, emptyStageTimes, STAGES } from './stages.js';

/** Batches each worker holds at once, so it never waits for the main thread between two. */
const IN_FLIGHT = 2;
/** With no article finished by any worker for this long, a worker has died (out of memory, killed). */
const STALL_MS = 5 * 60_000;
/** How often the main thread wakes while it waits, to move the progress bar and watch for a stall. */
const TICK_MS = 100;

interface PooledWorker {
  worker: Worker;
  replies: MessagePort;
}

/**
 * Reads and analyses the files on `jobs` threads, this one and `jobs - 1` workers, and returns what one
 * thread would, in the same order: files are cut into contiguous batches, results are put back in batch
 * order. The main thread analyses batches too (its results need no copying between threads, which costs
 * about a third of the analysis itself), and between two of its own batches takes the workers' replies
 * with receiveMessageOnPort and sends them more; when no batch is left it sleeps on a shared counter
 * (Atomics.wait). Synchronous, so that `check()` stays synchronous. A worker's error is thrown here (a
 * CrosscheckError stays one). With `onWorkerCpu`, tells the CPU time the workers used, where the system
 * tells a thread's own.
 */
export function analyzeInWorkers(files: readonly string[], configuration: Configuration, options: AnalyzeArticlesOptions & { jobs: number; readAheadState?: SharedArrayBuffer }): AnalysedArticles {
  const started = performance.now();
  const batches = cutBatches(files, batchSize(files.length, options.jobs), options.jobs);
  const signal = new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT);
  const setup: Omit<WorkerSetup, 'replies' | 'thread'> = {
    sources: configuration.sources!,
    lexicon: configuration.lexicon,
    ruleIds: configuration.rules.map((rule) => rule.meta.id),
    lang: options.lang,
    cacheDir: options.cache?.dir,
    spillDir: options.spillDir,
    timed: options.onStage !== undefined,
    readAhead: options.readAheadState,
    signal,
  };
  const counters = new Int32Array(signal);
  const local = batchRunner(configuration, {
    lang: options.lang,
    cache: options.cache,
    timed: setup.timed,
    onDocument: () => Atomics.add(counters, SIGNAL_DOCUMENTS, 1),
    onFileRead: options.readAheadState === undefined ? undefined : countRead(options.readAheadState),
    spill: options.spillDir === undefined ? undefined : { dir: options.spillDir, thread: 'main' },
    // Claims this thread keeps in memory hold slices of their article's text: storing it would only add to it.
    storeTexts: options.spillDir !== undefined,
  });
  const pool = Array.from({ length: Math.min(options.jobs - 1, batches.length - 1) }, (_, k) => startWorker({ ...setup, thread: `w${k}` }));
  let replies: Array<Extract<BatchReply, { ok: true }>>;
  const workerCpu = new Map<PooledWorker, number | undefined>();
  try {
    replies = collectReplies(pool, local, files, batches, counters, options.onProgress, workerCpu);
  } finally {
    for (const member of pool) void member.worker.terminate();
  }
  const merged = mergeReplies(replies);
  // Batches keep same-id files together, so ids are unique across them; should that ever not hold (ids
  // read differently), one thread gives the exact answer, duplicate reported where a single run reports it.
  if (new Set(merged.documents.map((d) => d.id)).size !== merged.documents.length) {
    // What the workers spilled goes too: the one-thread run writes every claim again.
    if (options.spillDir !== undefined) clearSpill(options.spillDir);
    return analyzeInProcess(files, configuration, { lang: options.lang, cache: options.cache, spill: oneThreadSpill(options.spillDir, configuration.rules), storeTexts: options.spillDir !== undefined });
  }
  if (options.cache) {
    for (const reply of replies) for (const [key, value] of Object.entries(reply.cache ?? {})) options.cache.stats[key as keyof typeof options.cache.stats] += value;
  }
  if (options.onStage) {
    const times = emptyStageTimes();
    for (const reply of replies) for (const stage of STAGES) times[stage] += reply.times?.[stage] ?? 0;
    for (const stage of ARTICLE_STAGES) options.onStage(stage, times[stage]);
    options.onStage('workers', performance.now() - started);
  }
  const cpu = [...workerCpu.values()];
  if (options.onWorkerCpu && cpu.length > 0 && cpu.every((ms) => ms !== undefined)) options.onWorkerCpu(cpu.reduce((sum, ms) => sum + ms!, 0));
  return merged;
}

/**
 * Keeps every worker IN_FLIGHT batches ahead and takes replies as they come; the main thread analyses
 * the next unsent batch itself whenever no reply is waiting, and sleeps on the shared counter once none
 * is left. Returns the replies in batch order. Throws a worker's error, or after STALL_MS without any
 * article analysed (a worker that died never answers).
 */
function collectReplies(
  pool: readonly PooledWorker[],
  local: BatchRunner,
  files: readonly string[],
  batches: ReadonlyArray<{ start: number; end: number }>,
  counters: Int32Array,
  onProgress: AnalyzeArticlesOptions['onProgress'],
  /** Each worker's CPU time as its latest reply gave it. */
  workerCpu: Map<PooledWorker, number | undefined>,
): Array<Extract<BatchReply, { ok: true }>> {
  const replies: Array<Extract<BatchReply, { ok: true }>> = new Array(batches.length);
  let next = 0;
  const send = (member: PooledWorker) => {
    const { start, end } = batches[next]!;
    member.worker.postMessage({ batch: next, files: files.slice(start, end) } satisfies BatchRequest);
    next += 1;
  };
  for (let round = 0; round < IN_FLIGHT; round++) for (const member of pool) if (next < batches.length) send(member);
  let received = 0;
  let lastDocuments = 0;
  let lastActivity = Date.now();
  while (received < batches.length) {
    const seen = Atomics.load(counters, SIGNAL_REPLIES);
    let got = false;
    for (const member of pool) {
      for (let message = receiveMessageOnPort(member.replies); message; message = receiveMessageOnPort(member.replies)) {
        const reply = message.message as BatchReply;
        if (!reply.ok) throw rebuildError(reply.error);
        replies[reply.batch] = kept(reply);
        workerCpu.set(member, reply.cpuMs);
        received += 1;
        got = true;
        if (next < batches.length) send(member);
      }
    }
    const documents = Atomics.load(counters, SIGNAL_DOCUMENTS);
    if (got || documents !== lastDocuments) {
      lastActivity = Date.now();
      lastDocuments = documents;
      onProgress?.(Math.min(documents, files.length), files.length);
    } else if (Date.now() - lastActivity > STALL_MS) {
      throw new Error(`worker threads stopped answering (no article analysed in ${STALL_MS / 60_000} minutes); run with --jobs 1 to see why`);
    }
    if (!got && next < batches.length) {
      const { start, end } = batches[next]!;
      // This thread's batches count on the cache object itself; only the workers' counts are added later.
      replies[next] = { ...local({ batch: next, files: files.slice(start, end) }), cache: undefined };
      next += 1;
      received += 1;
      lastActivity = Date.now();
    } else if (!got) Atomics.wait(counters, SIGNAL_REPLIES, seen, TICK_MS);
  }
  return replies;
}

function startWorker(setup: Omit<WorkerSetup, 'replies'>): PooledWorker {
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(workerEntry(), { workerData: { ...setup, replies: port2 } satisfies WorkerSetup, transferList: [port2] });
  // Errors come back as replies; this only keeps a late one (after terminate) from crashing the process.
  worker.on('error', () => undefined);
  worker.unref();
  return { worker, replies: port1 };
}

/** The compiled worker next to this module; from TypeScript sources (tests), the one under dist/. */
function workerEntry(): URL {
  const url = compiledModule(import.meta.url, 'parallel/worker.js');
  if (url) return url;
  throw new CrosscheckError('the parallel worker (dist/parallel/worker.js) is not built: run `npm run build`, or check with --jobs 1', { code: 'usage' });
}

/**
 * A worker's reply as the main thread keeps it until the report: each result a kept document again (it was
 * cloned as plain data), its text held as bytes (see model/stored-text.ts), as soon as it arrives. Its
 * claims, if any, were cloned too: none of their strings is a slice of the text.
 */
function kept(reply: Extract<BatchReply, { ok: true }>): Extract<BatchReply, { ok: true }> {
  for (const result of reply.results) result.analysis = KeptDocument.revive(result.analysis as KeptDocument | KeptDocumentData).withStoredText();
  return reply;
}

/** Concatenates batch replies in order; a document is the analysed one unless analysis refined its date. */
function mergeReplies(replies: ReadonlyArray<Extract<BatchReply, { ok: true }>>): AnalysedArticles {
  const merged: AnalysedArticles = { documents: [], problems: [], results: [] };
  for (const reply of replies) {
    const published = new Map(reply.ingestedPublished.map((entry) => [entry.index, entry.published]));
    reply.results.forEach((result: DocumentResult, index) => {
      // Kept as it arrived (a worker's) or by this thread's own batches: a kept document, its text stored.
      const analysed = result.analysis.doc;
      const ingested: Document = published.has(index) ? withChanges(analysed, { published: published.get(index)! }) : analysed;
      merged.documents.push(ingested);
      merged.results.push(result);
    });
    merged.problems.push(...reply.problems);
  }
  return merged;
}
