import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CrosscheckError, Finding, Report, type Side } from '../../src/model/index.js';
import {
  SUPPRESSION_WITHOUT_REASON,
  UNUSED_SUPPRESSION,
  applySuppressions,
  parseSuppressions,
} from '../../src/report/suppressions.js';

const report = Report.parse(JSON.parse(readFileSync(new URL('../fixtures/reports/ci-sample.json', import.meta.url), 'utf8')));
const template = report.findings[0]!;

const article = [
  '---', // 1
  'title: Accord ferroviaire', // 2
  'crosscheck:', // 3
  '  disable: [plan-vs-held]', // 4
  '  reason: "l\'article d\'archive annonçait le projet"', // 5
  '---', // 6
  '# Strasbourg : l’accord est signé', // 7
  '', // 8
  '<!-- crosscheck-disable-next-line event-date, event-count -- l’agence a corrigé la date -->', // 9
  '', // 10
  'L’accord a été signé le 14 mars 2024 à Strasbourg.', // 11
  '', // 12
  '<!-- crosscheck-disable event-count -->', // 13
  'Selon la préfecture : moins de 50 manifestants.', // 14
  'Une autre phrase.', // 15
  '<!-- crosscheck-enable event-count -->', // 16
  'Après la plage, 400 manifestants selon la police.', // 17
  '<!-- crosscheck-disable-next-line name-spelling -- orthographe de l’agence -->', // 18
  'Fin.', // 19
  '',
].join('\n');
const frontMatter = { disable: ['plan-vs-held'], reason: "l'article d'archive annonçait le projet" };
const suppressions = parseSuppressions('fr-article', article, frontMatter);

function side(doc: string, line: number): Side {
  return { ...template.sides[0]!, doc, line, column: 1 };
}

function finding(ruleId: string, sides: Side[]): Finding {
  return { ...template, id: `${ruleId}-${sides.map((s) => `${s.doc}:${s.line}`).join('-')}`, ruleId, sides };
}

describe('parseSuppressions', () => {
  it('reads the front matter, next-line comments and ranges, with their lines and reasons', () => {
    expect(
      suppressions.map(({ kind, ruleIds, reason, line, fromLine, toLine }) => ({ kind, ruleIds, reason, line, fromLine, toLine })),
    ).toEqual([
      { kind: 'document', ruleIds: ['plan-vs-held'], reason: "l'article d'archive annonçait le projet", line: 3, fromLine: 1, toLine: Infinity },
      { kind: 'next-line', ruleIds: ['event-date', 'event-count'], reason: 'l’agence a corrigé la date', line: 9, fromLine: 11, toLine: 11 },
      { kind: 'range', ruleIds: ['event-count'], reason: '', line: 13, fromLine: 13, toLine: 16 },
      { kind: 'next-line', ruleIds: ['name-spelling'], reason: 'orthographe de l’agence', line: 18, fromLine: 19, toLine: 19 },
    ]);
  });

  it('keeps each comment verbatim with its offsets, for problems to quote', () => {
    const range = suppressions[2]!;
    expect(range.text).toBe('<!-- crosscheck-disable event-count -->');
    expect(article.slice(range.span[0], range.span[1])).toBe(range.text);
    expect(range.column).toBe(1);
  });

  it('points disable-next-line past blank lines and other directives, even from a multi-line comment', () => {
    const text = [
      '<!-- crosscheck-disable-next-line a -- x -->',
      '<!--',
      '  crosscheck-disable-next-line b',
      '  -- y',
      '-->',
      '',
      '   ',
      'The sentence.',
    ].join('\n');
    expect(parseSuppressions('d', text).map((s) => [s.ruleIds, s.reason, s.fromLine, s.toLine])).toEqual([
      [['a'], 'x', 8, 8],
      [['b'], 'y', 8, 8],
    ]);
  });

  it('closes only the named rule on enable, and a bare enable closes every range', () => {
    const text = ['<!-- crosscheck-disable a, b -- r -->', 'x', '<!-- crosscheck-enable a -->', 'y', '<!-- crosscheck-disable -- all -->', 'z', '<!-- crosscheck-enable -->', 'w'].join('\n');
    expect(parseSuppressions('d', text).map((s) => [s.ruleIds, s.fromLine, s.toLine])).toEqual([
      [['a'], 1, 3],
      [['b'], 1, 7],
      [[], 5, 7],
    ]);
  });

  it('runs an unclosed range to the end of the article', () => {
    expect(parseSuppressions('d', 'a\n<!-- crosscheck-disable event-date -- archive -->\nb\nc')[0]).toMatchObject({ fromLine: 2, toLine: Infinity });
  });

  it('ignores comments that are not directives', () => {
    expect(parseSuppressions('d', '<!-- crosscheck-disabled a -->\n<!-- a note about crosscheck-disable -->\n<!--crosscheck-enablex-->')).toEqual([]);
  });

  it('accepts a single rule id as a string in the front matter', () => {
    expect(parseSuppressions('d', 'text', { disable: 'event-date' })[0]).toMatchObject({ kind: 'document', ruleIds: ['event-date'], reason: '', line: 1 });
  });

  it('rejects a malformed front-matter value, naming the article and the line of the key', () => {
    const text = '---\ntitle: x\ncrosscheck:\n  disabel: [event-date]\n---\nBody';
    let caught: unknown;
    try {
      parseSuppressions('articles/x.md', text, { disabel: ['event-date'] });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CrosscheckError);
    expect(caught).toMatchObject({ file: 'articles/x.md', line: 3, code: 'input' });
    expect((caught as Error).message).toMatch(/expected crosscheck: \{ disable: \[rule-id, …\], reason: "why" \}/);
  });
});

describe('applySuppressions', () => {
  const other = 'en-article';

  it('suppresses a finding when one of its sides is on a suppressed line of its own document, for that rule', () => {
    const onLine11 = finding('event-date', [side('fr-article', 11), side(other, 30)]);
    const { kept, suppressed } = applySuppressions([onLine11], suppressions);
    expect(suppressed).toEqual([onLine11]);
    expect(kept).toEqual([]);
  });

  it('keeps a finding of another rule, on another line, or whose side on that line is in another document', () => {
    const otherRule = finding('name-spelling', [side('fr-article', 11), side(other, 2)]);
    const otherLine = finding('event-date', [side('fr-article', 12), side(other, 2)]);
    const otherDocument = finding('event-date', [side('fr-article', 2), side(other, 11)]);
    expect(applySuppressions([otherRule, otherLine, otherDocument], suppressions).kept).toEqual([otherRule, otherLine, otherDocument]);
  });

  it('applies ranges up to their enable line, and the front matter to the whole article', () => {
    const inRange = finding('event-count', [side('fr-article', 14), side(other, 9)]);
    const afterRange = finding('event-count', [side('fr-article', 17), side(other, 9)]);
    const planned = finding('plan-vs-held', [side(other, 3), side('fr-article', 19)]);
    const outcome = applySuppressions([inRange, afterRange, planned], suppressions);
    expect(outcome.suppressed).toEqual([inRange, planned]);
    expect(outcome.kept).toEqual([afterRange]);
  });

  it('reports a missing reason as a warning citing the comment, and still suppresses', () => {
    const inRange = finding('event-count', [side('fr-article', 14), side(other, 9)]);
    const { problems, suppressed } = applySuppressions([inRange], suppressions);
    expect(suppressed).toEqual([inRange]);
    const noReason = problems.filter((problem) => problem.ruleId === SUPPRESSION_WITHOUT_REASON);
    expect(noReason).toHaveLength(1);
    expect(noReason[0]).toMatchObject({
      severity: 'warning',
      message: 'crosscheck-disable for event-count gives no reason.',
      sides: [{ doc: 'fr-article', line: 13, column: 1, quote: '<!-- crosscheck-disable event-count -->', values: ['event-count'] }],
    });
  });

  it('reports each suppression, rule by rule, that silenced nothing as info', () => {
    const dateOnly = finding('event-date', [side('fr-article', 11), side(other, 30)]);
    const unused = applySuppressions([dateOnly], suppressions).problems.filter((problem) => problem.ruleId === UNUSED_SUPPRESSION);
    expect(unused.map((problem) => [problem.severity, problem.sides[0]?.line, problem.message])).toEqual([
      ['info', 3, 'The front-matter suppression for plan-vs-held suppresses nothing: no such finding in this article.'],
      ['info', 9, 'crosscheck-disable-next-line for event-count suppresses nothing: no such finding on line 11.'],
      ['info', 13, 'crosscheck-disable for event-count suppresses nothing: no such finding between lines 13 and 16.'],
      ['info', 18, 'crosscheck-disable-next-line for name-spelling suppresses nothing: no such finding on line 19.'],
    ]);
  });

  it('says when a disable-next-line has no line after it', () => {
    const [problem] = applySuppressions([], parseSuppressions('d', 'Text.\n<!-- crosscheck-disable-next-line a -- r -->\n')).problems;
    expect(problem?.message).toBe('crosscheck-disable-next-line for a suppresses nothing: no such finding after it (no line follows).');
  });

  it('makes problems that are valid findings with stable fingerprints', () => {
    const first = applySuppressions([], suppressions).problems;
    expect(first.length).toBeGreaterThan(0);
    for (const problem of first) expect(() => Finding.parse(problem)).not.toThrow();
    const moved = parseSuppressions('fr-article', article.replace('# Strasbourg', '\n\n# Strasbourg'), frontMatter);
    const again = applySuppressions([], moved).problems;
    expect(again.map((problem) => problem.fingerprint)).toEqual(first.map((problem) => problem.fingerprint));
    expect(again.map((problem) => problem.sides[0]?.line)).not.toEqual(first.map((problem) => problem.sides[0]?.line));
  });

  it('treats a directive without rule ids as covering every rule', () => {
    const all = parseSuppressions('d', '<!-- crosscheck-disable-next-line -- reviewed -->\nLine.');
    const anything = finding('whatever-rule', [side('d', 2)]);
    const outcome = applySuppressions([anything], all);
    expect(outcome.suppressed).toEqual([anything]);
    expect(outcome.problems).toEqual([]);
  });
});
