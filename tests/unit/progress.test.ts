import { describe, expect, it } from 'vitest';
import { progressReporter } from '../../src/cli/progress.js';
import type { Io } from '../../src/cli/io.js';
import { check } from '../../src/check.js';
import { bundled } from '../helpers.js';
import { resolve } from 'node:path';

const io: Io = { print: () => undefined, error: () => undefined, isTTY: true };

/** A reporter on a clock the test moves, and what it wrote. */
function reporter() {
  let clock = 0;
  const written: string[] = [];
  const progress = progressReporter(io, () => clock, (text) => written.push(text));
  return { progress, written, at: (ms: number) => (clock = ms) };
}

describe('progressReporter', () => {
  it('stays quiet for the first second, then draws files read, articles and the corpus checks rule by rule', () => {
    const { progress, written, at } = reporter();
    progress.reading(2, 4);
    expect(written).toEqual([]);
    at(1200);
    progress.reading(3, 4);
    at(1250);
    progress.reading(4, 4); // within 100 ms of the last draw: skipped
    progress.update(1, 4);
    at(1500);
    progress.update(2, 4);
    at(1550);
    progress.update(3, 4); // within 100 ms of the last draw: skipped
    progress.update(4, 4); // the last article is always drawn
    progress.corpus(0, 2, 'event/visit');
    progress.corpus(1, 2, 'generic/values');
    progress.done();
    const lines = written.map((text) => text.replace(/\r|\u001b\[K/g, ''));
    expect(lines).toEqual([
      '[#######################.......] reading articles: 3/4',
      '[###############...............] 2/4 articles',
      '[##############################] 4/4 articles',
      '[..............................] checking the corpus: rule 1/2 (event/visit)',
      '[###############...............] checking the corpus: rule 2/2 (generic/values)',
      '',
    ]);
  });

  it('writes nothing at all for a run shorter than a second', () => {
    const { progress, written } = reporter();
    progress.update(1, 1);
    progress.corpus(0, 1, 'event/visit');
    progress.done();
    expect(written).toEqual([]);
  });
});

describe('check() and the progress of reading', () => {
  it('tells onReadProgress after each file read, before any article is analysed, with one thread', () => {
    const events: string[] = [];
    const seeds = resolve(import.meta.dirname, '..', '..', 'seeds');
    check([seeds], { jobs: 1, onReadProgress: (done, total) => events.push(`read ${done}/${total}`), onProgress: (done) => events.push(`analysed ${done}`) }, bundled());
    const reads = events.filter((event) => event.startsWith('read'));
    const total = events.filter((event) => event.startsWith('analysed')).length;
    expect(total).toBeGreaterThan(3);
    expect(reads).toEqual(Array.from({ length: total }, (_, i) => `read ${i + 1}/${total}`));
    expect(events.slice(0, total)).toEqual(reads);
  });
});

describe('check() and the corpus stage', () => {
  it('tells onCorpusProgress before each rule that checks the corpus, in the rules\' order', () => {
    const configuration = bundled();
    const calls: Array<[number, number, string]> = [];
    check([resolve(import.meta.dirname, '..', '..', 'seeds')], { onCorpusProgress: (done, total, ruleId) => calls.push([done, total, ruleId]) }, configuration);
    const checking = configuration.rules.filter((rule) => rule.check || rule.checkBlocks).map((rule) => rule.meta.id);
    expect(checking.length).toBeGreaterThan(3);
    expect(calls).toEqual(checking.map((ruleId, done) => [done, checking.length, ruleId]));
  });
});
