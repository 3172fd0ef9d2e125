/**
 * The peers of `crosscheck check` on the same articles, each timed alone in this process (files are read
 * first, outside the timings): chrono-node parsing every article (chrono.fr or chrono.en by the corpus's
 * language tag, the peer of the extraction stage), and two word-tokeniser passes, the floor of any text
 * tool: Intl.Segmenter (word granularity) and a `\p{L}+` regular expression. Prints one JSON object.
 *
 *   node dist-bench/peers.js <articles-dir>
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chrono from 'chrono-node';

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
  const chronoTiming = time(() => articles.reduce((n, a) => n + (a.lang === 'fr' ? chrono.fr : chrono.en).parse(a.text, reference).length, 0));
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });
  const segmenterTiming = time(() => {
    let words = 0;
    for (const a of articles) for (const segment of segmenter.segment(a.text)) if (segment.isWordLike) words++;
    return words;
  });
  const regexTiming = time(() => articles.reduce((n, a) => n + (a.text.match(/\p{L}+/gu)?.length ?? 0), 0));
  return { bytes, chrono: chronoTiming, segmenter: segmenterTiming, regex: regexTiming };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: node dist-bench/peers.js <articles-dir>');
  process.stdout.write(`${JSON.stringify(runPeers(dir))}\n`);
}
