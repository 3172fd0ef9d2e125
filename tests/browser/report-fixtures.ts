import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Report, type Finding, type Severity, type Side } from '../../src/model/index.js';
import type { FormatContext } from '../../src/report/types.js';

/** Sample reports for the formatter tests: hand-written fixtures and a generator for the scale check. */

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURES = path.join(REPO_ROOT, 'tests/fixtures/reports');

export interface ReportFixture {
  report: Report;
  context: FormatContext;
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(path.join(FIXTURES, file), 'utf8'));
}

/** The report of `seeds/` as written by hand: 4 findings, 3 agreed facts; texts are the seed files. */
export function seedsFixture(outDir = 'reports'): ReportFixture {
  const report = Report.parse(readJson('seeds-report.json'));
  const documents = new Map(
    report.documents.map((doc) => [doc.id, { path: doc.path, text: readFileSync(path.join(REPO_ROOT, doc.path), 'utf8') }]),
  );
  return { report, context: { documents, outDir } };
}

/** Quotes, titles and ids full of `<`, `&`, `"` and `|`; one side cites a document with no text. */
export function escapingFixture(outDir = 'reports'): ReportFixture {
  const report = Report.parse(readJson('escaping-report.json'));
  const texts = readJson('escaping-texts.json') as Record<string, string>;
  const documents = new Map(report.documents.map((doc) => [doc.id, { path: doc.path, text: texts[doc.id] ?? '' }]));
  return { report, context: { documents, outDir } };
}

const SEVERITY_CYCLE: readonly Severity[] = ['error', 'warning', 'warning', 'info', 'info'];
const RULES = ['event-date', 'plan-vs-held', 'event-count', 'event-place', 'name-spelling'] as const;

/** A year written in a seed text, with its sentence: the raw material of generated sides. */
interface YearMention {
  doc: string;
  start: number;
  year: string;
  quote: string;
  line: number;
  column: number;
}

function yearMentions(context: FormatContext): YearMention[] {
  const mentions: YearMention[] = [];
  for (const [doc, { text }] of [...context.documents].sort(([a], [b]) => a.localeCompare(b))) {
    for (const match of text.matchAll(/\b(?:19|20)\d\d\b/g)) {
      const start = match.index;
      const sentenceStart = Math.max(text.lastIndexOf('. ', start) + 2, text.lastIndexOf('\n', start) + 1);
      const stops = ['. ', '.\n', '\n'].map((stop) => text.indexOf(stop, start)).filter((at) => at >= 0);
      const sentenceEnd = stops.length > 0 ? Math.min(...stops) + 1 : text.length;
      const before = text.slice(0, start).split('\n');
      mentions.push({
        doc,
        start,
        year: match[0],
        quote: text.slice(sentenceStart, sentenceEnd).trim(),
        line: before.length,
        column: (before.at(-1) ?? '').length + 1,
      });
    }
  }
  return mentions;
}

/** Normalised values of every shape the timeline draws: year, month, day, range, and an unplaceable one. */
function valueFor(year: string, variant: number): string {
  const shapes = [year, `${year}-06`, `${year}-03-14`, `${year}-11-09/${year}-11-10`, `${year}-01/${year}-04`, 'next Thursday'];
  return shapes[variant % shapes.length] ?? year;
}

/**
 * The seeds fixture with `count` generated findings (default 1,000) over the seed texts, for the scale
 * check. Deterministic: the same count gives the same report.
 */
export function generatedFixture(count = 1000, outDir = 'reports'): ReportFixture {
  const base = seedsFixture(outDir);
  const pool = yearMentions(base.context);
  const findings: Finding[] = [];
  for (let i = 0; i < count; i++) {
    const sides: Side[] = [0, 1, 2].slice(0, 2 + (i % 2)).map((k) => {
      const mention = pool[(i * 7 + k * 13) % pool.length]!;
      return {
        doc: mention.doc,
        values: [valueFor(mention.year, i + k)],
        modality: (i + k) % 3 === 0 ? 'planned' : 'held',
        span: [mention.start, mention.start + 4],
        line: mention.line,
        column: mention.column,
        quote: mention.quote,
      };
    });
    // Rules change every 5 findings and severities every finding, so each rule has every severity.
    const rule = RULES[Math.floor(i / 5) % RULES.length]!;
    findings.push({
      id: `generated-${String(i).padStart(4, '0')}`,
      ruleId: rule,
      severity: SEVERITY_CYCLE[i % SEVERITY_CYCLE.length]!,
      fact: `Generated fact number ${i} (${rule})`,
      message: `Sources disagree on generated fact ${i}: ${sides.map((side) => side.values.join(', ')).join(' vs ')}.`,
      hint: i % 4 === 0 ? 'Likely typo in one source.' : undefined,
      confidence: ((i * 37) % 100) / 100,
      fingerprint: `gen${i.toString(16).padStart(6, '0')}`,
      sides,
    });
  }
  const report = Report.parse({ ...base.report, findings });
  return { report, context: base.context };
}
