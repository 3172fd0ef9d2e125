import { readdirSync, statSync } from 'node:fs';
import { freemem } from 'node:os';
import { join } from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { Configuration } from '../check.js';
import { CrosscheckError } from '../model/errors.js';
import type { CorpusOffload } from '../pipeline.js';
import type { CheckResult, Rule } from '../rules/types.js';
import { compiledModule } from '../util/compiled.js';
import { SIGNAL_DOCUMENTS, SIGNAL_REPLIES, SIGNAL_SHARDS, type CorpusReply, type CorpusWorkerSetup } from './protocol.js';
import { rebuildError } from './worker-common.js';

/**
 * The corpus checks on two threads. In a run with several threads, the article workers are gone by the time
 * the corpus is checked, and the main thread checks one rule after another. When the claims are on disk, a
 * worker can read a rule's claims as well as the main thread can: so the rules that read no document
 * (`Rule.checkReadsDocuments: false`) may be checked in a worker while the main thread checks the others.
 *
 * The rules are shared out by the size of their claims on disk, which reading them costs in proportion:
 * largest first, each to the thread with less so far, the main thread on a tie; a rule that reads documents
 * stays in the main thread. So the largest rule stays there: one new article against a 100,000-article
 * archive (warm cache) took 27–31 s with the values rule in the main thread and the five others in the
 * worker, 28–30 s the other way round, but peaked at 1.3 GB against 1.6–1.7 GB (the largest rule's working
 * set then sat beside all the documents). Results come back in rule order: the same report.
 */

/**
 * What the worker holds, per byte of its rules' claims on disk: it reads a rule's claims whole, and they
 * are held beside the main thread's at the same time. Measured with the bundled rules (the five that are
 * not the values rule): 0.27–0.3 GB more at 100,000 articles, 4.5 GB more at a million (12.5 GB against
 * 8.0 GB), for about 0.19 and 2.3 GB of claims on disk; rounded up.
 */
export const WORKER_BYTES_PER_SPILLED_BYTE = 3;

/** The worker is started only when what it would hold is at most this share of the memory free. */
const FREE_MEMORY_SHARE = 0.5;

/** With no shard read in the worker for this long, it has died (out of memory, killed). */
const STALL_MS = 15 * 60_000;
/** How often the main thread wakes while it waits. */
const TICK_MS = 100;

/** A CorpusOffload that says, once started, which rules it checked. */
export type WorkerOffload = CorpusOffload & { checkedInWorker: string[] };

/** The corpus worker for a run whose claims are in `spillDir`; undefined when the rules' sources are unknown (a worker could not load them). */
export function corpusOffload(configuration: Configuration, spillDir: string): WorkerOffload | undefined {
  const sources = configuration.sources;
  if (!sources) return undefined;
  const checkedInWorker: string[] = [];
  return {
    checkedInWorker,
    start(rules) {
      const bytes = spilledBytes(spillDir, configuration.rules);
      let away = rulesForWorker(rules, bytes);
      // A machine without the memory for both working sets checks one rule after another, as one thread does.
      if (!workerFits(away.reduce((sum, rule) => sum + (bytes.get(rule) ?? 0), 0), freemem())) away = [];
      if (away.length === 0) return { away, results: () => [], cancel: () => undefined };
      checkedInWorker.push(...away.map((rule) => rule.meta.id));
      const { port1, port2 } = new MessageChannel();
      const signal = new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT);
      const setup: CorpusWorkerSetup = {
        sources,
        lexicon: configuration.lexicon,
        ruleIds: configuration.rules.map((rule) => rule.meta.id),
        checkIds: away.map((rule) => rule.meta.id),
        spillDir,
        signal,
        replies: port2,
      };
      const worker = new Worker(workerEntry(), { workerData: setup, transferList: [port2] });
      // Errors come back as the reply; this only keeps a late one (after terminate) from crashing the process.
      worker.on('error', () => undefined);
      worker.unref();
      const stop = () => {
        port1.close();
        void worker.terminate();
      };
      return { away, results: (onShard) => awaitReply(port1, new Int32Array(signal), stop, onShard), cancel: stop };
    },
  };
}

/** The rules the worker checks: see the module comment. */
export function rulesForWorker(rules: readonly Rule[], bytes: ReadonlyMap<Rule, number>): Rule[] {
  const size = (rule: Rule) => bytes.get(rule) ?? 0;
  let main = 0;
  let worker = 0;
  const away: Rule[] = [];
  for (const rule of rules) if (rule.checkReadsDocuments !== false) main += size(rule);
  const movable = rules.filter((rule) => rule.checkReadsDocuments === false).sort((a, b) => size(b) - size(a));
  for (const rule of movable) {
    if (worker < main) {
      away.push(rule);
      worker += size(rule);
    } else main += size(rule);
  }
  // In the run's order, as results are merged.
  return rules.filter((rule) => away.includes(rule));
}

/** Whether a worker checking rules with this many bytes of claims on disk fits in the memory free. */
export function workerFits(spilled: number, free: number): boolean {
  return spilled * WORKER_BYTES_PER_SPILLED_BYTE <= free * FREE_MEMORY_SHARE;
}

/** Bytes of each rule's claims and summaries on disk (spill files are named `r<rule index>-…`). */
function spilledBytes(dir: string, rules: readonly Rule[]): Map<Rule, number> {
  const bytes = new Map<Rule, number>();
  for (const name of readdirSync(dir)) {
    const rule = rules[Number(/^r(\d+)-/.exec(name)?.[1] ?? -1)];
    if (rule) bytes.set(rule, (bytes.get(rule) ?? 0) + statSync(join(dir, name)).size);
  }
  return bytes;
}

/**
 * The worker's results, waited for in this thread (`check` is synchronous), `onShard` told as its shards are
 * read; `stop` ends the worker once they are in, or on a failure.
 */
function awaitReply(port: MessagePort, signal: Int32Array, stop: () => void, onShard?: (shardsRead: number) => void): CheckResult[] {
  try {
    let alive = Atomics.load(signal, SIGNAL_DOCUMENTS);
    let shards = 0;
    let lastSign = Date.now();
    for (;;) {
      const seen = Atomics.load(signal, SIGNAL_REPLIES);
      const message = receiveMessageOnPort(port);
      // Read after the reply was looked for: with the results in, every shard the worker read is counted.
      const read = Atomics.load(signal, SIGNAL_SHARDS);
      if (read !== shards) onShard?.((shards = read));
      if (message) {
        const reply = message.message as CorpusReply;
        if (!reply.ok) throw rebuildError(reply.error);
        return reply.results;
      }
      const now = Atomics.load(signal, SIGNAL_DOCUMENTS);
      if (now !== alive) [alive, lastSign] = [now, Date.now()];
      else if (Date.now() - lastSign > STALL_MS) throw new Error(`the corpus worker stopped answering (no claims read in ${STALL_MS / 60_000} minutes); run with --jobs 1 to see why`);
      Atomics.wait(signal, SIGNAL_REPLIES, seen, TICK_MS);
    }
  } finally {
    stop();
  }
}

/** The compiled corpus worker next to this module; from TypeScript sources (tests), the one under dist/. */
function workerEntry(): URL {
  const url = compiledModule(import.meta.url, 'parallel/corpus-worker.js');
  if (url) return url;
  throw new CrosscheckError('the corpus worker (dist/parallel/corpus-worker.js) is not built: run `npm run build`, or check with --jobs 1', { code: 'usage' });
}
