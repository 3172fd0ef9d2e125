import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as chrono from 'chrono-node';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus, writeCorpus } from '../../bench/generate.js';
import { runPeers } from '../../bench/peers.js';
import { extractTimes } from '../../src/extract/time/index.js';
import { bundled } from '../helpers.js';

describe('bench/peers: the passes timed beside a check', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-peers-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const options = { count: 30, seed: 5 };
  const gold = writeCorpus(dir, options);
  const peers = runPeers(join(dir, 'articles'));

  it('reads every article, and every pass finds something in them', () => {
    expect(peers.bytes).toBe(gold.bytes);
    for (const pass of [peers.chrono, peers.timeGrammar, peers.segmenter, peers.regex]) {
      expect(pass.found).toBeGreaterThan(0);
      expect(pass.wallMs).toBeGreaterThanOrEqual(0);
    }
  });

  it("counts the time grammar's expressions and chrono-node's dates over the same whole articles, with the same reference date", () => {
    const { lexicon } = bundled();
    const reference = new Date(Date.UTC(2025, 0, 1));
    const published = { value: '2025-01-01', precision: 'day' as const, how: 'bench' };
    const articles = generateCorpus(options).files.map((f) => ({ lang: f.name.endsWith('-fr.txt') ? ('fr' as const) : ('en' as const), text: f.text }));
    const times = articles.reduce((n, a) => n + extractTimes(a.text, [0, a.text.length], { lang: a.lang, lexicon: lexicon.locales[a.lang]!, published }).length, 0);
    const dates = articles.reduce((n, a) => n + (a.lang === 'fr' ? chrono.fr : chrono.en).parse(a.text, reference).length, 0);
    expect(peers.timeGrammar.found).toBe(times);
    expect(peers.chrono.found).toBe(dates);
  });
});
