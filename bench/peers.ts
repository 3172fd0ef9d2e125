/**
 * The peers of `crosscheck check` on the same articles, each timed alone in this process (files are read
 * first, outside the timings): chrono-node parsing every article (chrono.fr or chrono.en by the corpus's
 * language tag, the peer of the extraction stage); Crosscheck's own time grammar on the same text, alone
 * (the part of the extraction stage that does what chrono-node does); and two word-tokeniser passes, the
 * floor of any text tool: Intl.Segmenter (word granularity) and a `\p{L}+` regular expression. Prints one
 * JSON object.
 *
 *   node dist-bench/peers.js <articles-dir>
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chrono from 'chrono-node';
import { extractTimes } from '../dist/extract/time/index.js';
import { loadLexicon } from '../dist/rules/lexicon.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface PeerTiming {
  /** Wall-clock and CPU milliseconds of the pass alone. */
  wallMs: number;
  cpuMs: number;
  /** What the pass found (parsed dates, words), to show it did the work. */
  found: number;
}

export interface PeerResults {
  bytes: number;
  chrono: PeerTiming;
  /** Crosscheck's time grammar (extractTimes over each whole article: folding, parsing, resolving). */
  timeGrammar: PeerTiming;
  segmenter: PeerTiming;
  regex: PeerTiming;
}

function time(pass: () => number): PeerTiming {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const found = pass();
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { wallMs: Math.round(wallMs), cpuMs: Math.round((used.user + used.system) / 1000), found };
}

export function runPeers(dir: string): PeerResults {
  const names = readdirSync(dir).filter((name) => name.endsWith('.txt')).sort();
  const articles = names.map((name) => ({ lang: /-fr\.txt$/.test(name) ? 'fr' : 'en', text: readFileSync(join(dir, name), 'utf8') }));
  const bytes = articles.reduce((sum, a) => sum + Buffer.byteLength(a.text), 0);
  const reference = new Date(Date.UTC(2025, 0, 1));
  const dates = (a: { lang: string; text: string }) => (a.lang === 'fr' ? chrono.fr : chrono.en).parse(a.text, reference).length;
  // The time grammar reads the same reference date as a publication date, with the bundled lexicon.
  const lexicon = loadLexicon([join(ROOT, 'rules')]);
  const published = { value: reference.toISOString().slice(0, 10), precision: 'day' as const, how: 'bench' };
  const times = (a: { lang: string; text: string }) => extractTimes(a.text, [0, a.text.length], { lang: a.lang as 'fr' | 'en', lexicon: lexicon.locales[a.lang]!, published }).length;
  // Both compile their patterns on first use: once each, before the timings.
  for (const lang of ['fr', 'en']) {
    const sample = { lang, text: 'le 1 janvier 2020, on 1 January 2020' };
    dates(sample);
    times(sample);
  }
  const chronoTiming = time(() => articles.reduce((n, a) => n + dates(a), 0));
  const timeGrammarTiming = time(() => articles.reduce((n, a) => n + times(a), 0));
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });
  const segmenterTiming = time(() => {
    let words = 0;
    for (const a of articles) for (const segment of segmenter.segment(a.text)) if (segment.isWordLike) words++;
    return words;
  });
  const regexTiming = time(() => articles.reduce((n, a) => n + (a.text.match(/\p{L}+/gu)?.length ?? 0), 0));
  return { bytes, chrono: chronoTiming, timeGrammar: timeGrammarTiming, segmenter: segmenterTiming, regex: regexTiming };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: node dist-bench/peers.js <articles-dir>');
  process.stdout.write(`${JSON.stringify(runPeers(dir))}\n`);
}
