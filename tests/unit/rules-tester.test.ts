import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CrosscheckError } from '../../src/model/errors.js';
import { defineRule } from '../../src/rules/define.js';
import { RuleTester, RuleTesterError } from '../../src/rules/tester.js';
import { tempFolder } from '../helpers.js';

/** A small TypeScript rule: the number of people missing, compared across articles. */
const missing = defineRule({
  meta: {
    id: 'toll/missing',
    description: 'Articles agree on how many people are missing.',
    severity: 'warning',
    messages: { differs: '{{a}} reports {{aValue}} missing, {{b}} reports {{bValue}}.' },
    schema: z.object({ tolerance: z.number().int().min(0).default(0) }),
    triggers: { fr: ['disparus', 'disparues'], en: ['missing'] },
  },
  extract(_analysis, context) {
    return context.triggers.flatMap((trigger) => {
      const sentence = context.sentenceOf(trigger.span);
      const number = sentence ? context.mentionsIn([sentence[0], trigger.span[0]], 'number').at(-1) : undefined;
      return number ? [context.claim({ trigger, values: [number], attribute: 'count' })] : [];
    });
  },
  compare(claims, context) {
    const firsts = [...context.groupBy(claims, (claim) => claim.doc).values()].map((group) => group[0]!);
    for (const [i, a] of firsts.entries()) {
      for (const b of firsts.slice(i + 1)) {
        if (Math.abs(a.values[0]!.number! - b.values[0]!.number!) <= context.options.tolerance) continue;
        context.report({
          messageId: 'differs',
          data: { a: a.doc, aValue: a.values[0]!.value, b: b.doc, bValue: b.values[0]!.value },
          fact: 'number of people missing',
          sides: [context.side(a), context.side(b)],
          hint: 'Counts of the missing change as people are found.',
        });
      }
    }
  },
});

const THREE_VS_FIVE = {
  'en.txt': 'Five people remain missing after the collapse in Lisbon.',
  'fr.txt': 'Trois personnes sont toujours portées disparues à Lisbonne.',
};

const tester = new RuleTester();

// The tester used as users use it: one vitest test per case.
tester.run('toll/missing (a defineRule rule)', missing, {
  valid: [
    { articles: { 'en.txt': 'Five people remain missing.', 'fr.txt': 'Cinq personnes sont portées disparues.' } },
    { name: 'within the tolerance given as an option', articles: THREE_VS_FIVE, options: { tolerance: 2 } },
  ],
  invalid: [
    {
      articles: THREE_VS_FIVE,
      findings: [
        {
          messageId: 'differs',
          message: 'en reports 5 missing, fr reports 3.',
          severity: 'warning',
          fact: 'number of people missing',
          sides: [
            { doc: 'en', values: ['5'], quote: 'Five people remain missing' },
            { doc: 'fr.txt', values: ['3'], quote: 'portées disparues' },
          ],
        },
      ],
    },
  ],
});

// A per-article check: it sees the article's mentions (a year in the future of its own publication date).
const futureYear = defineRule({
  meta: { id: 'style/future-year', description: 'A year after the article was published.', severity: 'warning', messages: { future: '{{year}} is after {{published}}.' } },
  checkDocument(analysis, context) {
    const published = analysis.doc.published?.value.slice(0, 4);
    for (const m of analysis.mentions) {
      if (m.kind !== 'time' || m.precision !== 'year' || !published || m.value <= published) continue;
      context.report({ messageId: 'future', data: { year: m.value, published }, fact: `year ${m.value}`, sides: [{ doc: analysis.doc.id, values: [m.value], modality: 'held', span: m.span }] });
    }
  },
});

tester.run('style/future-year (a defineRule rule with checkDocument)', futureYear, {
  valid: [{ articles: { 'a.md': '---\ndate: 2020-05-01\n---\nThe bridge was opened in 2019.\n' } }],
  invalid: [
    {
      articles: { 'a.md': '---\ndate: 2020-05-01\n---\nThe bridge was opened in 2029.\n' },
      findings: [{ messageId: 'future', message: '2029 is after 2020.', severity: 'warning', sides: [{ doc: 'a', values: ['2029'], quote: '2029' }] }],
    },
  ],
});

describe('RuleTester is strict', () => {
  it('rejects a valid case that reports, listing what was reported', async () => {
    await expect(tester.verifyValid(missing, { articles: THREE_VS_FIVE })).rejects.toThrow(
      /a valid case must yield no finding, but the rule reported 1:\n {2}warning toll\/missing \[differs\]: en reports 5 missing, fr reports 3\./,
    );
  });

  it('rejects an invalid case that does not report', async () => {
    const same = { 'en.txt': 'Five people remain missing.', 'fr.txt': 'Cinq personnes sont portées disparues.' };
    await expect(tester.verifyInvalid(missing, { articles: same, findings: [{ sides: [{ doc: 'en' }] }] })).rejects.toThrow(
      'an invalid case must yield findings, but the rule reported none',
    );
  });

  it('rejects an expected messageId the rule does not have', async () => {
    await expect(tester.verifyInvalid(missing, { articles: THREE_VS_FIVE, findings: [{ messageId: 'differ', sides: [{ doc: 'en' }, { doc: 'fr' }] }] })).rejects.toThrow(
      'unknown messageId "differ": rule toll/missing has messages "differs"',
    );
  });

  it('rejects wrong counts, sides, values, quotes, messages and hints, saying which', async () => {
    const check = (finding: Record<string, unknown>) => tester.verifyInvalid(missing, { articles: THREE_VS_FIVE, findings: [finding as never] });
    await expect(tester.verifyInvalid(missing, { articles: THREE_VS_FIVE, findings: [{ sides: [{ doc: 'en' }, { doc: 'fr' }] }, { sides: [{ doc: 'en' }] }] })).rejects.toThrow(
      /expected 2 finding\(s\), the rule reported 1/,
    );
    await expect(check({ sides: [{ doc: 'fr' }, { doc: 'en' }] })).rejects.toThrow(/side #1 cites "en", expected "fr"/);
    await expect(check({ sides: [{ doc: 'en' }] })).rejects.toThrow(/cites 2 side\(s\) \(en, fr\), expected 1 \(en\)/);
    await expect(check({ sides: [{ doc: 'en', values: ['3'] }, { doc: 'fr' }] })).rejects.toThrow(/side #1 values are \["5"\], expected \["3"\]/);
    await expect(check({ sides: [{ doc: 'en', quote: 'Six people' }, { doc: 'fr' }] })).rejects.toThrow(/side #1 quotes "Five people remain missing after the collapse in Lisbon\."/);
    await expect(check({ message: /reports 4/, sides: [{ doc: 'en' }, { doc: 'fr' }] })).rejects.toThrow(/message is "en reports 5 missing, fr reports 3\.", expected \/reports 4\//);
    await expect(check({ hint: /typo/, sides: [{ doc: 'en' }, { doc: 'fr' }] })).rejects.toThrow(/hint is "Counts of the missing change as people are found\.", expected \/typo\//);
    await expect(check({ hint: 'Counts of the missing change as people are found.', sides: [{ doc: 'en' }, { doc: 'fr' }] })).resolves.toBeUndefined();
    await expect(check({ severity: 'error', sides: [{ doc: 'en' }, { doc: 'fr' }] })).rejects.toThrow(/severity is warning, expected error/);
  });

  it('rejects a rule that reports an unknown messageId or leaves a placeholder unfilled', async () => {
    const base = { ...missing.meta, id: 'toll/broken' };
    const reportWith = (descriptor: { messageId: string; data: Record<string, string> }) =>
      defineRule({
        meta: base,
        extract: missing.extract,
        compare(claims, context) {
          if (claims.length > 1) context.report({ ...descriptor, messageId: descriptor.messageId as 'differs', fact: 'f', sides: [context.side(claims[0]!)] });
        },
      });
    await expect(tester.findings(reportWith({ messageId: 'nope', data: {} }), THREE_VS_FIVE)).rejects.toThrow(/reported unknown messageId `nope`; its messages are `differs`/);
    await expect(tester.findings(reportWith({ messageId: 'differs', data: { a: 'x' } }), THREE_VS_FIVE)).rejects.toThrow(
      /message `differs`: message placeholder \{\{aValue\}\} has no value \(pass it in `data`\)/,
    );
    await expect(tester.findings(reportWith({ messageId: 'differs', data: { a: 'x' } }), THREE_VS_FIVE)).rejects.toBeInstanceOf(CrosscheckError);
  });

  it('rejects malformed and duplicate cases before running anything', () => {
    expect(() => tester.run('x', missing, { valid: [{ articles: THREE_VS_FIVE }, { articles: THREE_VS_FIVE }], invalid: [] })).toThrow(RuleTesterError);
    expect(() => tester.run('x', missing, { valid: [], invalid: [{ articles: THREE_VS_FIVE, findings: [] }] })).toThrow(/at least one/);
    expect(() => tester.run('x', missing, { valid: [{ articles: THREE_VS_FIVE, option: {} } as never], invalid: [] })).toThrow(/Unrecognized key: "option"/);
    expect(() => tester.run('x', missing, { valid: [] } as never)).toThrow(/`invalid`/);
  });

  it('validates case options with the rule’s schema', async () => {
    await expect(tester.findings(missing, THREE_VS_FIVE, { tolerance: 'two' })).rejects.toThrow(/invalid options: `tolerance`: /);
  });

  it('tests YAML rules by id, from the bundled pack and from a folder given as a path or URL', async () => {
    const dir = tempFolder({
      'toll.yaml': 'id: toll/deaths\nkind: quantity\ndescription: d\nquantity:\n  what: death toll\n  triggers: { fr: [morts], en: [killed] }\n',
    });
    const local = new RuleTester({ rules: [new URL(`file://${dir}/`)] });
    const findings = await local.findings('toll/deaths', { 'a.txt': 'À Lisbonne, 12 morts.', 'b.txt': 'In Lisbon, 15 people were killed.' });
    expect(findings.map((f) => [f.ruleId, f.messageId, f.sides.map((s) => s.values[0])])).toEqual([['toll/deaths', 'conflict', ['12', '15']]]);
    await expect(local.findings('toll/deaths', { 'a.txt': 'À Lisbonne, 12 morts.', 'b.txt': 'In Lisbon, 15 people were killed.' }, { tolerance: { absolute: 3 } })).resolves.toEqual([]);
    await expect(local.findings('toll/death', {})).rejects.toThrow(/no rule "toll\/death"/);
  });
});
