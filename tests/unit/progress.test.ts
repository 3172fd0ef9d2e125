import { describe, expect, it } from 'vitest';
import { duration, ESTIMATE_AFTER_MS, progressReporter } from '../../src/cli/progress.js';
import type { Io } from '../../src/cli/io.js';
import { check } from '../../src/check.js';
import { bundled } from '../helpers.js';
import { resolve } from 'node:path';

const io: Io = { print: () => undefined, error: () => undefined, isTTY: true };

/** A reporter on a clock the test moves, what it wrote, and the texts it drew (without the bar and the control codes). */
function reporter() {
  let clock = 0;
  const written: string[] = [];
  const progress = progressReporter(io, () => clock, (text) => written.push(text), () => 80);
  const texts = () => written.map((text) => text.replace(/\r|\u001b\[K/g, '').replace(/^\[[#.]+\] /, ''));
  return { progress, written, texts, at: (ms: number) => (clock = ms) };
}

describe('progressReporter', () => {
  it('stays quiet for the first second, then draws articles and the corpus checks rule by rule', () => {
    const { progress, written, at } = reporter();
    progress.update(1, 4);
    expect(written).toEqual([]);
    at(1500);
    progress.update(2, 4);
    at(1550);
    progress.update(3, 4); // within 100 ms of the last draw: skipped
    progress.update(4, 4); // the last article is always drawn
    progress.corpus(0, 2, 'event/visit', 0);
    progress.corpus(1, 2, 'generic/values', 0);
    progress.done();
    const lines = written.map((text) => text.replace(/\r|\u001b\[K/g, ''));
    expect(lines).toEqual([
      '[##########..........] 2/4 articles',
      '[####################] 4/4 articles',
      '[....................] corpus check 1/2: event/visit',
      '[##########..........] corpus check 2/2: generic/values',
      '',
    ]);
  });

  it('gives each corpus check the time it has taken so far as its shards are read, from its own start', () => {
    const { progress, texts, at } = reporter();
    at(5000);
    progress.corpus(0, 2, 'event/visit', 0);
    at(5900);
    progress.corpus(0, 2, 'event/visit', 1); // under a second: no time yet
    at(5950);
    progress.corpus(0, 2, 'event/visit', 2); // within 100 ms of the last draw: skipped
    at(7200);
    progress.corpus(0, 2, 'event/visit', 3);
    at(8000);
    progress.corpus(1, 2, 'generic/values', 0); // a new rule: its own clock, drawn at once
    at(8000 + 65_000);
    progress.corpus(1, 2, 'generic/values', 40);
    const lines = texts();
    expect(lines).toEqual(['corpus check 1/2: event/visit', 'corpus check 1/2: event/visit', 'corpus check 1/2: event/visit, 2 s', 'corpus check 2/2: generic/values', 'corpus check 2/2: generic/values, 1 min 05 s']);
  });

  it('keeps a corpus check\'s clock while it reads its summaries (told 0 again and again), and starts it anew for the next rule', () => {
    const { progress, texts, at } = reporter();
    at(5000);
    progress.corpus(0, 2, 'generic/values', 0);
    at(6500);
    progress.corpus(0, 2, 'generic/values', 0); // summaries read, no shard yet
    at(9000);
    progress.corpus(0, 2, 'generic/values', 0);
    at(9400);
    progress.corpus(0, 2, 'generic/values', 1);
    at(9450);
    progress.corpus(1, 2, 'event/visit', 0); // a new rule: drawn at once, however soon
    at(10_700);
    progress.corpus(1, 2, 'event/visit', 0);
    const lines = texts();
    expect(lines).toEqual([
      'corpus check 1/2: generic/values',
      'corpus check 1/2: generic/values, 2 s',
      'corpus check 1/2: generic/values, 4 s',
      'corpus check 1/2: generic/values, 4 s',
      'corpus check 2/2: event/visit',
      'corpus check 2/2: event/visit, 1 s',
    ]);
  });

  it('gives the rate and the time left once articles have been counted for a few seconds, measured from the first one', () => {
    const { progress, texts, at } = reporter();
    // Loading the rules and listing the files took 5 s: not counted in the rate.
    at(5000);
    progress.update(100, 10_000);
    at(5000 + ESTIMATE_AFTER_MS - 1);
    progress.update(400, 10_000);
    at(5000 + 4000);
    progress.update(500, 10_000); // 400 articles in 4 s: 100/s, 9,500 to go
    at(5000 + 20_000);
    progress.update(10_000, 10_000); // all read: nothing left to estimate
    const lines = texts();
    expect(lines).toEqual(['100/10000 articles', '400/10000 articles', '500/10000 articles, 100/s, about 1 min 35 s left', '10000/10000 articles']);
  });

  it('gives a slow rate with a decimal', () => {
    const { progress, written, at } = reporter();
    at(2000);
    progress.update(1, 40);
    at(2000 + 4000);
    progress.update(10, 40); // 9 articles in 4 s
    expect(written.at(-1)).toContain('10/40 articles, 2.3/s, about 13 s left');
  });

  it('fits its longest lines in 80 columns, and cuts them to a narrower terminal', () => {
    type Send = (progress: ReturnType<typeof progressReporter>, at: (ms: number) => void) => void;
    const draw = (columns: number | undefined, send: Send) => {
      let clock = 0;
      const written: string[] = [];
      const progress = progressReporter(io, () => clock, (text) => written.push(text.replace(/^\r\u001b\[K/, '')), () => columns);
      progress.update(1, 1_000_000);
      clock = 2000 + ESTIMATE_AFTER_MS;
      send(progress, (ms) => (clock = ms));
      return written.at(-1)!;
    };
    const slowest: Send = (progress) => progress.update(3_000, 1_000_000); // 2,999 in 5 s: 600/s, 27 min 42 s to go
    const rule: Send = (progress, at) => {
      progress.corpus(2, 6, 'consistency/weekday-date', 0);
      at(2000 + ESTIMATE_AFTER_MS + 725_000);
      progress.corpus(2, 6, 'consistency/weekday-date', 50);
    };
    expect(draw(undefined, slowest)).toBe('[....................] 3000/1000000 articles, 600/s, about 27 min 42 s left');
    expect(draw(undefined, rule)).toBe('[#######.............] corpus check 3/6: consistency/weekday-date, 12 min 05 s');
    for (const send of [slowest, rule]) expect(draw(80, send).length).toBeLessThan(80);
    expect(draw(40, slowest)).toBe('[....................] 3000/1000000 art');
  });

  it('writes nothing at all for a run shorter than a second', () => {
    const { progress, written } = reporter();
    progress.update(1, 1);
    progress.corpus(0, 1, 'event/visit', 0);
    progress.done();
    expect(written).toEqual([]);
  });
});

describe('duration', () => {
  it('reads as seconds, minutes or hours', () => {
    expect(duration(0.2)).toBe('1 s');
    expect(duration(45)).toBe('45 s');
    expect(duration(59.6)).toBe('1 min 00 s');
    expect(duration(169)).toBe('2 min 49 s');
    expect(duration(3599)).toBe('59 min 59 s');
    expect(duration(3900)).toBe('1 h 05 min');
    expect(duration(26 * 3600)).toBe('26 h 00 min');
  });
});

describe('check() and the progress of the articles', () => {
  it('tells onProgress after each article, counting every file, with one thread', () => {
    const events: string[] = [];
    const seeds = resolve(import.meta.dirname, '..', '..', 'seeds');
    const run = check([seeds], { jobs: 1, onProgress: (done, total) => events.push(`${done}/${total}`) }, bundled());
    const total = run.documents.length;
    expect(total).toBeGreaterThan(3);
    expect(events).toEqual(Array.from({ length: total }, (_, i) => `${i + 1}/${total}`));
  });
});

describe('check() and the corpus stage', () => {
  it('tells onCorpusProgress before each rule that checks the corpus, in the rules\' order, then after each shard of its claims read', () => {
    const configuration = bundled();
    const calls: Array<[number, number, string, number]> = [];
    check([resolve(import.meta.dirname, '..', '..', 'seeds')], { onCorpusProgress: (...call) => calls.push(call) }, configuration);
    const checking = configuration.rules.filter((rule) => rule.check || rule.checkBlocks).map((rule) => rule.meta.id);
    expect(checking.length).toBeGreaterThan(3);
    // Before each rule: shardsRead 0.
    expect(calls.filter((call) => call[3] === 0)).toEqual(checking.map((ruleId, done) => [done, checking.length, ruleId, 0]));
    // Claims in memory are one shard a rule: read once, by every rule that has claims.
    const reads = calls.filter((call) => call[3] > 0);
    expect(reads.length).toBeGreaterThan(3);
    for (const [done, total, ruleId, shardsRead] of reads) {
      expect(shardsRead).toBe(1);
      expect([done, total, ruleId]).toEqual([checking.indexOf(ruleId), checking.length, ruleId]);
      expect(calls.indexOf(calls.find((call) => call[2] === ruleId && call[3] === 0)!)).toBe(calls.findIndex((call) => call[2] === ruleId && call[3] === 1) - 1);
    }
  });
});
