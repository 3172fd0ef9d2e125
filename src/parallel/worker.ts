/**
 * A worker thread of a parallel check: loads the rules once from their sources (the lexicon comes as data
 * from the main thread, which has parsed it already), then reads and analyses the batches of files it is
 * sent, and posts each batch's results as plain data. Everything but node:worker_threads and the small
 * ./worker-common.js is imported inside `openSession`, so that even a failure to load the code reaches the
 * main thread as a reply instead of leaving it waiting.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { BatchReply, BatchRequest, WorkerSetup } from './protocol.js';
import { SIGNAL_DOCUMENTS, SIGNAL_REPLIES } from './protocol.js';
import { describeError, loadWorkerRules } from './worker-common.js';

const setup = workerData as WorkerSetup;
const signal = new Int32Array(setup.signal);

async function openSession(): Promise<(request: BatchRequest) => BatchReply> {
  const [rules, { batchRunner }, { AnalysisCache }, { countRead }, { threadCpuMs }] = await Promise.all([
    loadWorkerRules(setup.sources, setup.ruleIds),
    import('./batch.js'),
    import('../cache/store.js'),
    import('../ingest/read-ahead.js'),
    import('../util/thread-cpu.js'),
  ]);
  const run = batchRunner(
    // The sources are part of the cache key: without them the worker's analyses would not be cached.
    { lexicon: setup.lexicon, rules, sources: setup.sources },
    {
      lang: setup.lang,
      // The main thread's cache removes the entries of configurations no longer used (once, counted).
      cache: setup.cacheDir === undefined ? undefined : new AnalysisCache(setup.cacheDir, { evict: false }),
      timed: setup.timed,
      spill: setup.spillDir === undefined ? undefined : { dir: setup.spillDir, thread: setup.thread },
      onDocument: () => Atomics.add(signal, SIGNAL_DOCUMENTS, 1),
      onFileRead: setup.readAhead === undefined ? undefined : countRead(setup.readAhead),
    },
  );
  // Each reply carries the thread's CPU time so far: the last tells what the worker used (--timings).
  return (request) => ({ ...run(request), cpuMs: threadCpuMs() });
}

function reply(message: BatchReply): void {
  try {
    setup.replies.postMessage(message);
  } catch (error) {
    setup.replies.postMessage({ batch: message.batch, ok: false, error: describeError(error) } satisfies BatchReply);
  }
  Atomics.add(signal, SIGNAL_REPLIES, 1);
  Atomics.notify(signal, SIGNAL_REPLIES);
}

const session = openSession();
// A failed start is reported with each batch; this keeps it from also being an unhandled rejection.
session.catch(() => undefined);

parentPort!.on('message', (request: BatchRequest) => {
  session.then(
    (run) => {
      let message: BatchReply;
      try {
        message = run(request);
      } catch (error) {
        message = { batch: request.batch, ok: false, error: describeError(error) };
      }
      reply(message);
    },
    (error: unknown) => reply({ batch: request.batch, ok: false, error: describeError(error) }),
  );
});
