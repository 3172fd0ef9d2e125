import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { extractAll } from '../fixtures/extraction/lexicon.js';

/**
 * Scores the time and number grammar on the annotated sentences of tests/fixtures/extraction/{fr,en}.yaml
 * (span conventions in their header). A found mention is a hit when kind, exact span and value all match.
 */
const Kind = z.enum(['time', 'duration', 'number', 'ordinal']);
type Kind = z.infer<typeof Kind>;
const Fixture = z.strictObject({
  lang: z.enum(['fr', 'en']),
  items: z.array(
    z.strictObject({
      text: z.string(),
      published: z.string().optional(),
      expect: z.array(z.strictObject({ kind: Kind, text: z.string(), value: z.string(), n: z.number().int().positive().optional() })),
    }),
  ),
});

const KINDS = Kind.options;
const MIN_TIME_PRECISION = 0.95;
const MIN_TIME_RECALL = 0.9;

interface Labelled {
  kind: Kind;
  start: number;
  end: number;
  value: string;
}

function load(lang: 'fr' | 'en') {
  const path = fileURLToPath(new URL(`../fixtures/extraction/${lang}.yaml`, import.meta.url));
  return Fixture.parse(parse(readFileSync(path, 'utf8')));
}

function nthIndex(text: string, needle: string, n: number): number {
  let at = -1;
  for (let i = 0; i < n; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) return -1;
  }
  return at;
}

function score(lang: 'fr' | 'en') {
  const fixture = load(lang);
  const counts = Object.fromEntries(KINDS.map((k) => [k, { hits: 0, found: 0, gold: 0 }])) as Record<Kind, { hits: number; found: number; gold: number }>;
  const errors: string[] = [];
  fixture.items.forEach((item, index) => {
    const gold: Labelled[] = item.expect.map((e) => {
      const start = nthIndex(item.text, e.text, e.n ?? 1);
      if (start < 0) throw new Error(`${lang}.yaml item ${index + 1}: "${e.text}" (occurrence ${e.n ?? 1}) is not in the text`);
      return { kind: e.kind, start, end: start + e.text.length, value: e.value };
    });
    const found: Labelled[] = extractAll(lang, item.text, item.published ?? null)
      .filter((m): m is typeof m & { kind: Kind } => (KINDS as readonly string[]).includes(m.kind))
      .map((m) => ({ kind: m.kind, start: m.span[0], end: m.span[1], value: m.value }));
    const same = (a: Labelled, b: Labelled) => a.kind === b.kind && a.start === b.start && a.end === b.end && a.value === b.value;
    for (const g of gold) {
      counts[g.kind].gold++;
      if (found.some((f) => same(f, g))) counts[g.kind].hits++;
      else errors.push(`${lang}#${index + 1} missed  ${g.kind} "${item.text.slice(g.start, g.end)}"=${g.value}  in: ${item.text}`);
    }
    for (const f of found) {
      counts[f.kind].found++;
      if (!gold.some((g) => same(f, g))) errors.push(`${lang}#${index + 1} wrong   ${f.kind} "${item.text.slice(f.start, f.end)}"=${f.value}  in: ${item.text}`);
    }
  });
  return { counts, errors, items: fixture.items.length };
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

function table(lang: string, result: ReturnType<typeof score>): string {
  const rows = KINDS.map((kind) => {
    const { hits, found, gold } = result.counts[kind];
    const p = ratio(hits, found).toFixed(3);
    const r = ratio(hits, gold).toFixed(3);
    return `| ${lang} | ${kind.padEnd(8)} | ${String(gold).padStart(4)} | ${String(found).padStart(5)} | ${String(hits).padStart(4)} | ${p} | ${r} |`;
  });
  return ['| lang | kind     | gold | found | hits | precision | recall |', '| --- | --- | --- | --- | --- | --- | --- |', ...rows].join('\n');
}

describe.each(['fr', 'en'] as const)('annotated %s sentences', (lang) => {
  const result = score(lang);

  test('the set is large enough to mean something', () => {
    expect(result.items).toBeGreaterThanOrEqual(150);
  });

  test(`time precision ≥ ${MIN_TIME_PRECISION} and recall ≥ ${MIN_TIME_RECALL}`, () => {
    console.log(`${table(lang, result)}\n\n${result.errors.join('\n')}`);
    const { hits, found, gold } = result.counts.time;
    expect(ratio(hits, found), 'time precision').toBeGreaterThanOrEqual(MIN_TIME_PRECISION);
    expect(ratio(hits, gold), 'time recall').toBeGreaterThanOrEqual(MIN_TIME_RECALL);
  });
});
