/**
 * A worker thread of a parallel check: loads the rules once from their sources (the lexicon comes as data
 * from the main thread, which has parsed it already), then reads and analyses the batches of files it is
 * sent, and posts each batch's results as plain data. Everything but node:worker_threads is imported inside
 * `openSession`, so that even a failure to load the code reaches the main thread as a reply instead of
 * leaving it waiting.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { RuleOptions, SeverityOverride } from '../rules/load.js';
import type { BatchReply, BatchRequest, WorkerError, WorkerSetup } from './protocol.js';
import { SIGNAL_DOCUMENTS, SIGNAL_REPLIES } from './protocol.js';

const setup = workerData as WorkerSetup;
const signal = new Int32Array(setup.signal);

async function openSession(): Promise<(request: BatchRequest) => BatchReply> {
  const [{ loadRulesAsync }, { batchRunner }, { AnalysisCache }, { countRead }] = await Promise.all([
    import('../rules/load.js'),
    import('./batch.js'),
    import('../cache/store.js'),
    import('../ingest/read-ahead.js'),
  ]);
  const { dirs, overrides, options } = setup.sources;
  const loaded = await loadRulesAsync(dirs, overrides as Record<string, SeverityOverride>, { options: options as RuleOptions });
  const rules = setup.ruleIds.map((id) => {
    const rule = loaded.find((r) => r.meta.id === id);
    if (!rule) throw new Error(`rule ${id} is not in the worker's configuration`);
    return rule;
  });
  return batchRunner(
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
}

function describeError(error: unknown): WorkerError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const described: WorkerError = { name: error.name, message: error.message, stack: error.stack };
  if (error.name === 'CrosscheckError') {
    const { file, line, column, code } = error as Error & { file?: string; line?: number; column?: number; code: 'input' | 'config' | 'usage' };
    described.crosscheck = { file, line, column, code };
  }
  return described;
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
