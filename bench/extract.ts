/**
 * Compares Crosscheck's time grammar with chrono-node on the same text: the annotated sentences of
 * tests/fixtures/extraction/{fr,en}.yaml (gold spans and values) and, when present, the development
 * articles under ../shared/devset/<cluster>/*.txt (no gold: counts and agreement only). Prints a table.
 *
 * Build, then run from the repository root:
 *   npm run build && tsc -p tsconfig.bench.json && node dist-bench/extract.js
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chrono from 'chrono-node';
import { parse } from 'yaml';
import { extractTimes } from '../dist/extract/time/index.js';
import type { Mention } from '../dist/model/mention.js';
import type { PublicationDate } from '../dist/model/time.js';
import { loadLexicon } from '../dist/rules/lexicon.js';

type Lang = 'fr' | 'en';
interface GoldTime {
  start: number;
  end: number;
  value: string;
}
interface Sample {
  lang: Lang;
  text: string;
  published: string | null;
  /** Time expressions (points in time, clock times included), or null when the text has no gold. */
  gold: GoldTime[] | null;
}
/** What a tool found, reduced to what can be compared across tools: a span and a value. */
interface Found {
  start: number;
  end: number;
  /** A function telling whether the reading agrees with a gold value written in Crosscheck's notation. */
  agrees(gold: string): boolean;
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const lexicon = loadLexicon([join(ROOT, 'rules')]);

function publicationOf(value: string | null): PublicationDate | null {
  if (value === null) return null;
  return { value, precision: value.length === 10 ? 'day' : value.length === 7 ? 'month' : 'year', how: 'bench' };
}

function annotatedSamples(lang: Lang): Sample[] {
  const file = parse(readFileSync(join(ROOT, 'tests/fixtures/extraction', `${lang}.yaml`), 'utf8')) as {
    items: Array<{ text: string; published?: string; expect: Array<{ kind: string; text: string; value: string; n?: number }> }>;
  };
  return file.items.map((item) => ({
    lang,
    text: item.text,
    published: item.published ?? null,
    gold: item.expect
      .filter((e) => e.kind === 'time')
      .map((e) => {
        let at = -1;
        for (let i = 0; i < (e.n ?? 1); i++) at = item.text.indexOf(e.text, at + 1);
        return { start: at, end: at + e.text.length, value: e.value };
      }),
  }));
}

function devsetSamples(): Sample[] {
  const root = join(ROOT, '..', 'shared', 'devset');
  if (!existsSync(root)) return [];
  const samples: Sample[] = [];
  for (const entry of readdirSync(root, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (!entry.isDirectory()) continue;
    const dir = join(root, entry.name);
    const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
    for (const file of files) {
      const lang: Lang = /\.fr(?:-[A-Z]{2})?\.txt$/.test(file) ? 'fr' : 'en';
      samples.push({ lang, text: readFileSync(join(dir, file), 'utf8'), published: null, gold: null });
    }
  }
  return samples;
}

// ---- Crosscheck ----------------------------------------------------------------------------------

function crosscheck(sample: Sample): Found[] {
  const locale = lexicon.locales[sample.lang]!;
  const ctx = { lang: sample.lang, lexicon: locale, published: publicationOf(sample.published) };
  return extractTimes(sample.text, [0, sample.text.length], ctx)
    .filter((m: Mention) => m.kind === 'time')
    .map((m: Mention) => ({ start: m.span[0], end: m.span[1], agrees: (gold: string) => gold === m.value }));
}

// ---- chrono-node ---------------------------------------------------------------------------------

const pad = (n: number | null | undefined, width = 2) => String(n ?? 0).padStart(width, '0');

/** chrono's reading at the precision the gold asks for ("2016", "2016-03", "2016-03-05", "T18:06", ranges). */
function chronoAgrees(result: chrono.ParsedResult, gold: string): boolean {
  if (gold === '') return true;
  const day = (c: chrono.ParsedComponents) => `${pad(c.get('year'), 4)}-${pad(c.get('month'))}-${pad(c.get('day'))}`;
  const at = (c: chrono.ParsedComponents, value: string): boolean => {
    if (value.startsWith('T')) return c.isCertain('hour') && `T${pad(c.get('hour'))}:${pad(c.get('minute'))}` === value;
    if (/^\d{3}X$/.test(value)) return String(c.get('year')).slice(0, 3) === value.slice(0, 3);
    if (/-(spring|summer|autumn|winter)$/.test(value)) return pad(c.get('year'), 4) === value.slice(0, 4);
    return day(c).startsWith(value);
  };
  const [from, to] = gold.split('/');
  if (to === undefined) return at(result.start, gold);
  return at(result.start, from!) && result.end !== null && result.end !== undefined && at(result.end, to);
}

function chronoFound(sample: Sample): Found[] {
  const parser = sample.lang === 'fr' ? chrono.fr : chrono.en;
  const reference = sample.published ? new Date(`${publicationOf(sample.published)!.value.padEnd(10, '-01').slice(0, 10)}T12:00:00`) : new Date();
  return parser.parse(sample.text, reference).map((result) => ({
    start: result.index,
    end: result.index + result.text.length,
    agrees: (gold: string) => chronoAgrees(result, gold),
  }));
}

// ---- Scoring -------------------------------------------------------------------------------------

interface Score {
  gold: number;
  found: number;
  /** Gold expressions overlapped by a found one. */
  located: number;
  /** ... whose value is also right (unresolved gold values only need to be found). */
  valued: number;
  /** ... with exactly the gold span as well. */
  exact: number;
  /** Found expressions that overlap no gold expression. */
  spurious: number;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

function score(samples: readonly Sample[], tool: (s: Sample) => Found[]): Score {
  const total: Score = { gold: 0, found: 0, located: 0, valued: 0, exact: 0, spurious: 0 };
  for (const sample of samples) {
    const found = tool(sample);
    const gold = sample.gold ?? [];
    total.gold += gold.length;
    total.found += found.length;
    for (const g of gold) {
      const near = found.filter((f) => overlaps(f, g));
      if (near.length === 0) continue;
      total.located++;
      if (near.some((f) => f.agrees(g.value))) total.valued++;
      if (near.some((f) => f.start === g.start && f.end === g.end && f.agrees(g.value))) total.exact++;
    }
    total.spurious += found.filter((f) => !gold.some((g) => overlaps(f, g))).length;
  }
  return total;
}

function speed(samples: readonly Sample[], tool: (s: Sample) => Found[]): number {
  const bytes = samples.reduce((sum, s) => sum + Buffer.byteLength(s.text, 'utf8'), 0);
  for (const sample of samples.slice(0, 20)) tool(sample);
  let rounds = 0;
  const started = process.hrtime.bigint();
  let elapsed = 0;
  do {
    for (const sample of samples) tool(sample);
    rounds++;
    elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  } while (elapsed < 1.5);
  return (bytes * rounds) / elapsed / 1e6;
}

const percent = (a: number, b: number) => (b === 0 ? '   -  ' : `${((100 * a) / b).toFixed(1).padStart(5)}%`);

function main(): void {
  const tools = [
    { name: 'crosscheck', run: crosscheck },
    { name: 'chrono-node', run: chronoFound },
  ];
  const rows: string[] = [
    '| set | tool | gold | found | recall (overlap) | value right | exact span+value | spurious | MB/s |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const lang of ['fr', 'en'] as const) {
    const samples = annotatedSamples(lang);
    for (const tool of tools) {
      const s = score(samples, tool.run);
      rows.push(
        `| annotated ${lang} (${samples.length}) | ${tool.name} | ${s.gold} | ${s.found} | ${percent(s.located, s.gold)} | ${percent(s.valued, s.gold)} | ${percent(s.exact, s.gold)} | ${s.spurious} | ${speed(samples, tool.run).toFixed(2)} |`,
      );
    }
  }
  const devset = devsetSamples();
  for (const lang of ['fr', 'en'] as const) {
    const samples = devset.filter((s) => s.lang === lang);
    if (samples.length === 0) continue;
    const mb = samples.reduce((sum, s) => sum + Buffer.byteLength(s.text, 'utf8'), 0) / 1e6;
    const ours = samples.map(crosscheck);
    const theirs = samples.map(chronoFound);
    const agreeing = (mine: Found[][], other: Found[][]) =>
      mine.reduce((sum, found, i) => sum + found.filter((f) => other[i]!.some((t) => overlaps(f, t))).length, 0);
    for (const [tool, found, other, run] of [
      ['crosscheck', ours, theirs, crosscheck],
      ['chrono-node', theirs, ours, chronoFound],
    ] as const) {
      const count = found.reduce((sum, f) => sum + f.length, 0);
      rows.push(
        `| devset ${lang} (${samples.length} files, ${mb.toFixed(2)} MB, no gold) | ${tool} | - | ${count} | - | - | - | ${count - agreeing(found, other)} not found by the other | ${speed(samples, run).toFixed(2)} |`,
      );
    }
  }
  console.log(rows.join('\n'));
}

main();
