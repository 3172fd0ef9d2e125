import { z } from 'zod';
import { CrosscheckError, type Finding, type Span } from '../model/index.js';
import { LineIndex } from '../text/line-index.js';
import { fingerprintFinding } from './fingerprint.js';

/**
 * Inline suppressions written in an article by its editor:
 *
 *   <!-- crosscheck-disable-next-line event-date, plan-vs-held -- the agency corrected itself -->
 *   <!-- crosscheck-disable event-date -- quoted from the 2001 archive --> … <!-- crosscheck-enable event-date -->
 *   front matter:  crosscheck: { disable: [event-date], reason: "…" }
 *
 * A directive without rule ids covers every rule. A range without its `enable` runs to the end of the
 * article; a bare `crosscheck-enable` closes every open range.
 */
export interface Suppression {
  doc: string;
  kind: 'next-line' | 'range' | 'document';
  /** Rules it silences; empty means every rule. */
  ruleIds: string[];
  /** Why, from after ` -- ` (or the front matter's `reason`); '' when missing. */
  reason: string;
  /** Where the directive is written (1-based), its offsets and its text verbatim. */
  line: number;
  column: number;
  span: Span;
  text: string;
  /** The article lines it covers, inclusive; `toLine` is Infinity for "to the end". Empty when from > to. */
  fromLine: number;
  toLine: number;
}

const DIRECTIVE = /<!--\s*crosscheck-(disable-next-line|disable|enable)(?=\s|-->)([\s\S]*?)-->/g;

/** What every directive contains: an article without it (and without the front-matter key) has no suppression. */
export const SUPPRESSION_MARK = 'crosscheck-';

/** The `crosscheck` key of an article's front matter (user input, so strict). */
const FrontMatterSuppression = z.strictObject({
  disable: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
  reason: z.string().optional(),
});

/** Reads the suppressions of one article. Pure; `frontMatterValue` is the parsed `crosscheck` front-matter key, if any. */
export function parseSuppressions(docId: string, text: string, frontMatterValue?: unknown): Suppression[] {
  const lines = new LineIndex(text);
  const suppressions: Suppression[] = [];
  if (frontMatterValue !== undefined && frontMatterValue !== null) {
    suppressions.push(frontMatterSuppression(docId, text, lines, frontMatterValue));
  }

  const directives = [...text.matchAll(DIRECTIVE)].map((match) => {
    const start = match.index;
    const end = start + match[0].length;
    const [rulesPart = '', ...reasonParts] = (match[2] ?? '').split(/\s--(?:\s|$)/);
    return {
      verb: match[1] as 'disable-next-line' | 'disable' | 'enable',
      ruleIds: rulesPart.split(/[\s,]+/).filter((id) => id !== ''),
      reason: reasonParts.join(' -- ').trim(),
      span: [start, end] as Span,
      text: match[0],
      ...lines.position(start),
      endLine: lines.position(end).line,
    };
  });
  const codeLines = linesWithContent(text, directives.map((directive) => directive.span));

  const open: Suppression[] = [];
  for (const directive of directives) {
    const { verb, endLine, ...rest } = directive;
    if (verb === 'disable-next-line') {
      const target = codeLines.find((line) => line > endLine) ?? 0;
      suppressions.push({ doc: docId, kind: 'next-line', ...rest, fromLine: target || 1, toLine: target });
    } else if (verb === 'disable') {
      // One range per rule, so `enable a` can close a while b stays disabled.
      for (const ruleIds of directive.ruleIds.length > 0 ? directive.ruleIds.map((id) => [id]) : [[]]) {
        const range: Suppression = { doc: docId, kind: 'range', ...rest, ruleIds, fromLine: directive.line, toLine: Infinity };
        suppressions.push(range);
        open.push(range);
      }
    } else {
      for (let index = open.length - 1; index >= 0; index--) {
        const range = open[index] as Suppression;
        const closes = directive.ruleIds.length === 0 || (range.ruleIds.length > 0 && directive.ruleIds.includes(range.ruleIds[0] as string));
        if (closes) {
          range.toLine = directive.line;
          open.splice(index, 1);
        }
      }
    }
  }
  return suppressions;
}

function frontMatterSuppression(docId: string, text: string, lines: LineIndex, value: unknown): Suppression {
  const keyAt = frontMatterKeyOffset(text);
  const at = lines.position(keyAt);
  const parsed = FrontMatterSuppression.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CrosscheckError(
      `front matter key "crosscheck" is invalid (${issue ? `${issue.path.join('.') || 'crosscheck'}: ${issue.message}` : 'unknown problem'}); expected crosscheck: { disable: [rule-id, …], reason: "why" }`,
      { file: docId, line: at.line, code: 'input' },
    );
  }
  const lineEnd = text.indexOf('\n', keyAt);
  const end = lineEnd < 0 ? text.length : lineEnd;
  const disable = parsed.data.disable;
  return {
    doc: docId,
    kind: 'document',
    ruleIds: typeof disable === 'string' ? [disable] : [...disable],
    reason: parsed.data.reason?.trim() ?? '',
    line: at.line,
    column: at.column,
    span: [keyAt, end],
    text: text.slice(keyAt, end),
    fromLine: 1,
    toLine: Infinity,
  };
}

/** Offset of the `crosscheck:` key in a leading `---` front-matter block, or 0 when it cannot be found. */
function frontMatterKeyOffset(text: string): number {
  const block = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (!block) return 0;
  const key = /^crosscheck\s*:/m.exec(block[1] ?? '');
  return key ? block[0].indexOf(block[1] ?? '') + key.index : 0;
}

/**
 * Lines (1-based, ascending) that hold something besides whitespace and directives: the lines a
 * `disable-next-line` can point at, so stacked directives and blank lines are skipped.
 */
function linesWithContent(text: string, directiveSpans: readonly Span[]): number[] {
  let blanked = text;
  for (const [start, end] of directiveSpans) {
    blanked = blanked.slice(0, start) + text.slice(start, end).replace(/[^\n]/g, ' ') + blanked.slice(end);
  }
  return blanked
    .split('\n')
    .map((line, index) => (line.trim() === '' ? 0 : index + 1))
    .filter((line) => line > 0);
}

export interface SuppressionOutcome {
  kept: Finding[];
  suppressed: Finding[];
  /** New findings about the suppressions themselves: missing reasons (warning), unused ones (info). */
  problems: Finding[];
}

export const SUPPRESSION_WITHOUT_REASON = 'crosscheck/suppression-without-reason';
export const UNUSED_SUPPRESSION = 'crosscheck/unused-suppression';

/**
 * Applies suppressions to findings. A finding is suppressed when at least one of its sides lies on a
 * line its own document suppresses for that rule: a contradiction involves several articles, and the
 * editor of one of them must be able to accept it (the archive it contradicts may be read-only).
 * A suppression without a reason still applies, and is reported. Pure; orders are kept.
 */
export function applySuppressions(findings: readonly Finding[], suppressions: readonly Suppression[]): SuppressionOutcome {
  const used = new Set<string>();
  const kept: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const finding of findings) {
    let hit = false;
    suppressions.forEach((suppression, index) => {
      const rule = suppression.ruleIds.length === 0 ? '*' : suppression.ruleIds.includes(finding.ruleId) ? finding.ruleId : undefined;
      if (rule === undefined) return;
      const covers = finding.sides.some(
        (side) => side.doc === suppression.doc && side.line >= suppression.fromLine && side.line <= suppression.toLine,
      );
      if (covers) {
        hit = true;
        used.add(`${index}\u0000${rule}`);
      }
    });
    (hit ? suppressed : kept).push(finding);
  }

  const problems: Finding[] = [];
  const reasonReported = new Set<string>();
  suppressions.forEach((suppression, index) => {
    const comment = `${suppression.doc}\u0000${suppression.span[0]}`;
    if (suppression.reason === '' && !reasonReported.has(comment)) {
      reasonReported.add(comment);
      problems.push(
        problemFinding(SUPPRESSION_WITHOUT_REASON, 'warning', suppression, suppression.ruleIds, {
          message: `${directiveName(suppression)} for ${describeRules(suppression.ruleIds)} gives no reason.`,
          hint: suppression.kind === 'document' ? 'Add reason: "…" next to disable in the front matter.' : 'Say why after " -- ", e.g. <!-- crosscheck-disable-next-line event-date -- quoted from the archive -->.',
        }),
      );
    }
    for (const rule of suppression.ruleIds.length === 0 ? ['*'] : suppression.ruleIds) {
      if (used.has(`${index}\u0000${rule}`)) continue;
      const ruleIds = rule === '*' ? [] : [rule];
      problems.push(
        problemFinding(UNUSED_SUPPRESSION, 'info', suppression, ruleIds, {
          message: `${directiveName(suppression)} for ${describeRules(ruleIds)} suppresses nothing: no such finding ${coverage(suppression)}.`,
          hint: 'Remove it, or check the rule id.',
        }),
      );
    }
  });
  return { kept, suppressed, problems };
}

function problemFinding(
  ruleId: string,
  severity: 'warning' | 'info',
  suppression: Suppression,
  ruleIds: readonly string[],
  text: { message: string; hint: string },
): Finding {
  const values = ruleIds.length > 0 ? [...ruleIds] : ['*'];
  const fact = `Suppression (${suppression.kind}) for ${describeRules(ruleIds)}`;
  const fingerprint = fingerprintFinding({ ruleId, fact, sides: [{ doc: suppression.doc, values }] });
  return {
    id: `${ruleId.replace(/\W+/g, '-')}-${fingerprint}`,
    ruleId,
    severity,
    fact,
    message: text.message,
    hint: text.hint,
    sides: [
      {
        doc: suppression.doc,
        values,
        modality: 'held',
        span: suppression.span,
        line: suppression.line,
        column: suppression.column,
        quote: suppression.text,
      },
    ],
    confidence: 1,
    fingerprint,
  };
}

function directiveName(suppression: Suppression): string {
  if (suppression.kind === 'document') return 'The front-matter suppression';
  return suppression.kind === 'next-line' ? 'crosscheck-disable-next-line' : 'crosscheck-disable';
}

function describeRules(ruleIds: readonly string[]): string {
  return ruleIds.length === 0 ? 'every rule' : ruleIds.join(', ');
}

function coverage(suppression: Suppression): string {
  if (suppression.kind === 'document') return 'in this article';
  if (suppression.fromLine > suppression.toLine) return 'after it (no line follows)';
  if (suppression.kind === 'next-line') return `on line ${suppression.toLine}`;
  return suppression.toLine === Infinity
    ? `from line ${suppression.fromLine} to the end of the article`
    : `between lines ${suppression.fromLine} and ${suppression.toLine}`;
}
