/**
 * The corpus worker (see ./corpus.ts): loads the rules from their sources, checks the ones it was given on
 * their claims kept on disk, and posts their results once, as plain data. Its rules read no document
 * (`Rule.checkReadsDocuments: false`): they are given none.
 */
import { workerData } from 'node:worker_threads';
import type { CorpusDocument } from '../rules/types.js';
import { SIGNAL_DOCUMENTS, SIGNAL_REPLIES, SIGNAL_SHARDS, type CorpusReply, type CorpusWorkerSetup } from './protocol.js';
import { describeError, loadWorkerRules } from './worker-common.js';

const setup = workerData as CorpusWorkerSetup;
const signal = new Int32Array(setup.signal);

/** A sign of life as a rule reads its summaries (`shardsRead` 0) and claims, and a count of its shards read. */
function shardRead(shardsRead: number): void {
  Atomics.add(signal, SIGNAL_DOCUMENTS, 1);
  if (shardsRead > 0) Atomics.add(signal, SIGNAL_SHARDS, 1);
}

async function checkRules(): Promise<CorpusReply> {
  const [rules, { spilledSource }, { checkRule, counted }] = await Promise.all([loadWorkerRules(setup.sources, setup.ruleIds), import('../claims/store.js'), import('../pipeline.js')]);
  const documents = new Map<string, CorpusDocument>();
  const ctx = { lexicon: setup.lexicon };
  const results = setup.checkIds.map((id) => {
    const rule = rules.find((r) => r.meta.id === id)!;
    Atomics.add(signal, SIGNAL_DOCUMENTS, 1);
    return checkRule(rule, counted(spilledSource(setup.spillDir, rules, rule), shardRead), documents, ctx);
  });
  return { ok: true, results };
}

function reply(message: CorpusReply): void {
  try {
    setup.replies.postMessage(message);
  } catch (error) {
    setup.replies.postMessage({ ok: false, error: describeError(error) } satisfies CorpusReply);
  }
  Atomics.add(signal, SIGNAL_REPLIES, 1);
  Atomics.notify(signal, SIGNAL_REPLIES);
}

checkRules().then(reply, (error: unknown) => reply({ ok: false, error: describeError(error) }));
