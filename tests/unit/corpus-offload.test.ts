import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import { ingest, listArticleFiles } from '../../src/ingest/read.js';
import type { Claim } from '../../src/model/claim.js';
import { rulesForWorker, WORKER_BYTES_PER_SPILLED_BYTE, workerFits } from '../../src/parallel/corpus.js';
import { analyzeDocument, checkCorpus, type CorpusOffload } from '../../src/pipeline.js';
import type { CheckResult, Rule } from '../../src/rules/types.js';
import { bundled } from '../helpers.js';

const SEEDS = resolve(import.meta.dirname, '..', '..', 'seeds');

function rule(id: string, readsDocuments: boolean): Rule {
  return { meta: { id } as Rule['meta'], checkReadsDocuments: readsDocuments ? undefined : false, check: () => ({ findings: [], corroborated: [] }) };
}

describe('sharing the corpus checks between two threads', () => {
  it('shares the rules that read no document out by size, largest first, each to the thread with less', () => {
    const [a, b, c, d] = [rule('a', true), rule('b', false), rule('c', false), rule('d', false)];
    // The main thread starts with what only it can check (a: 10); b (50) goes to the worker, c (30) and d (20) to the main thread.
    expect(rulesForWorker([a, b, c, d], new Map([[a, 10], [b, 50], [c, 30], [d, 20]]))).toEqual([b]);
    // On a tie the main thread takes the rule, so the largest stays there when all can go; the others come back in the run's order.
    const [e, f, g, h] = [rule('e', false), rule('f', false), rule('g', false), rule('h', false)];
    expect(rulesForWorker([e, f, g, h], new Map([[e, 1], [f, 40], [g, 10], [h, 20]]))).toEqual([e, g, h]);
    // A rule that may read documents never goes, and one rule alone stays.
    expect(rulesForWorker([a], new Map([[a, 100]]))).toEqual([]);
    expect(rulesForWorker([b], new Map([[b, 100]]))).toEqual([]);
  });

  it('starts the worker only when what it would hold fits in half the memory free', () => {
    const GB = 1e9;
    // A million articles: about 2.3 GB of the worker's claims on disk, held as about three times that.
    expect(workerFits(2.3 * GB, 16 * GB)).toBe(true);
    expect(workerFits(2.3 * GB, 12 * GB)).toBe(false);
    expect(workerFits(1e6, 1e6 * WORKER_BYTES_PER_SPILLED_BYTE * 2)).toBe(true);
    expect(workerFits(1e6 + 1, 1e6 * WORKER_BYTES_PER_SPILLED_BYTE * 2)).toBe(false);
  });

  it('merges what was checked elsewhere in rule order: the same result as one thread', () => {
    const configuration = bundled();
    const { documents } = ingest(listArticleFiles([SEEDS]), { lexicon: configuration.lexicon });
    const results = documents.map((doc) => analyzeDocument(doc, configuration));
    const claimsOf = (r: Rule): Claim[] => results.flatMap((result) => result.claims.filter((claim) => claim.ruleId === r.meta.id));
    const alone = checkCorpus(results, configuration);
    // Checked "elsewhere": here, by the same rules on the same claims, as a worker would on the spilled ones.
    const started: string[] = [];
    const offload: CorpusOffload = {
      start(rules) {
        const away = rules.filter((r) => r.checkReadsDocuments === false).slice(0, 3);
        started.push(...away.map((r) => r.meta.id));
        return {
          away,
          results: (): CheckResult[] => away.map((r) => (r.check ? r.check(claimsOf(r), new Map(), { lexicon: configuration.lexicon }) : { findings: [], corroborated: [] })),
          cancel: () => undefined,
        };
      },
    };
    const progress: string[] = [];
    const shared = checkCorpus(results, configuration, undefined, (_done, _total, id) => progress.push(id), offload);
    expect(started).toHaveLength(3);
    expect(JSON.stringify(shared)).toBe(JSON.stringify(alone));
    expect(alone.findings.length).toBeGreaterThan(0);
    // Progress names the main thread's rules, then the first rule checked elsewhere when its results are awaited.
    expect(progress.at(-1)).toBe(started[0]);
  });

  it('stops what it checks elsewhere when a rule of the main thread fails', () => {
    const failing: Rule = { meta: { id: 'failing' } as Rule['meta'], check: () => { throw new Error('rule failed'); } };
    const movable = rule('movable', false);
    const calls: string[] = [];
    const offload: CorpusOffload = {
      start: (rules) => ({ away: rules.filter((r) => r.checkReadsDocuments === false), results: () => (calls.push('results'), []), cancel: () => calls.push('cancel') }),
    };
    expect(() => checkCorpus([], { lexicon: bundled().lexicon, rules: [failing, movable] }, undefined, undefined, offload)).toThrow('rule failed');
    expect(calls).toEqual(['cancel']);
  });

  it('checks, with two threads and the claims on disk, some rules in a worker thread, and writes the same report', () => {
    const one = check([SEEDS], { jobs: 1, spill: 'always' }, bundled());
    const two = check([SEEDS], { jobs: 2, spill: 'always' }, bundled());
    expect(one.checkedInWorker).toEqual([]);
    expect(two.checkedInWorker.length).toBeGreaterThan(0);
    // Only rules that say they read no document.
    for (const id of two.checkedInWorker) expect(two.rules.find((r) => r.meta.id === id)?.checkReadsDocuments).toBe(false);
    expect(JSON.stringify(two.report)).toBe(JSON.stringify(one.report));
    // Claims in memory: nothing to read from another thread.
    expect(check([SEEDS], { jobs: 2, spill: 'never' }, bundled()).checkedInWorker).toEqual([]);
  });

  it("tells the progress of the worker's rules as one, under the first of them, as the worker reads their shards", () => {
    const calls: Array<[number, number, string, number]> = [];
    const run = check([SEEDS], { jobs: 2, spill: 'always', onCorpusProgress: (...call) => calls.push(call) }, bundled());
    const first = run.checkedInWorker[0]!;
    expect(first).toBeDefined();
    const waiting = calls.filter((call) => call[2] === first);
    // Begun (0), then counts of shards read there, rising; no call names another rule the worker checks.
    expect(waiting[0]![3]).toBe(0);
    const counts = waiting.slice(1).map((call) => call[3]);
    // At least the last count, once the results are in.
    expect(counts.length).toBeGreaterThan(0);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(new Set(counts).size).toBe(counts.length);
    for (const id of run.checkedInWorker.slice(1)) expect(calls.some((call) => call[2] === id)).toBe(false);
    // Every call of the wait comes after the main thread's own rules.
    expect(calls.slice(calls.indexOf(waiting[0]!)).every((call) => call[2] === first)).toBe(true);
  });
});
