import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { extractDocument } from '../../src/extract/index.js';
import { parseDocumentText } from '../../src/ingest/read.js';
import { defineRule, instantiateRule, isDefinedRule } from '../../src/rules/define.js';
import { bundled } from '../helpers.js';

const meta = { id: 'toll/injured', description: 'Injured counts agree.', messages: { differs: '{{a}} ≠ {{b}}' } };

describe('defineRule', () => {
  it('brands the definition so any copy of the library recognises it', () => {
    const rule = defineRule({ meta });
    expect(isDefinedRule(rule)).toBe(true);
    expect(isDefinedRule({ meta })).toBe(false);
  });

  it('validates the definition’s shape, typos included', () => {
    const fail = (definition: unknown) => () => instantiateRule(definition, { source: 'x.ts' });
    expect(fail({ meta, extract: 3 })).toThrow(/invalid rule definition: `extract`: /);
    expect(fail({ meta, compar() {} })).toThrow(/Unrecognized key: "compar"/);
    expect(fail({ meta: { ...meta, messages: {} } })).toThrow(/`meta\.messages`: a rule needs at least one message/);
    expect(fail({ meta: { ...meta, severity: 'fatal' } })).toThrow(/`meta\.severity`/);
    expect(fail({ meta: { ...meta, schema: { type: 'object' } } })).toThrow(/`meta\.schema`: expected a zod schema/);
  });

  it('gives options the schema’s defaults, refuses invalid ones, and refuses options without a schema', () => {
    const seen: unknown[] = [];
    const withSchema = defineRule({
      meta: { ...meta, schema: z.object({ tolerance: z.number().default(2) }) },
      compare(_claims, context) {
        seen.push(context.options);
      },
    });
    const run = (options?: unknown) => instantiateRule(withSchema, { source: 'x.ts', options }).check!([], new Map(), { lexicon: bundled().lexicon });
    run();
    run({ tolerance: 5 });
    expect(seen).toEqual([{ tolerance: 2 }, { tolerance: 5 }]);
    expect(() => run({ tolerance: 'five' })).toThrow(/invalid options: `tolerance`: /);
    expect(() => instantiateRule(defineRule({ meta }), { source: 'x.ts', options: { a: 1 } })).toThrow(/the rule has no `meta.schema`/);
  });

  it('maps meta onto the pipeline’s Rule: kind custom, configured severity, triggers; `check` is another name for `compare`', () => {
    const rule = instantiateRule(defineRule({ meta: { ...meta, triggers: { fr: ['blessés'], en: ['injured'] } }, check() {} }), { source: 'x.ts', severity: 'info' });
    expect(rule.meta).toEqual({ id: 'toll/injured', kind: 'custom', severity: 'info', description: 'Injured counts agree.', source: 'x.ts', messages: meta.messages });
    expect(rule.triggers).toEqual({ ruleId: 'toll/injured', eventType: 'toll/injured', phrases: { fr: ['blessés'], en: ['injured'] } });
    expect(typeof rule.check).toBe('function');
  });

  it('context.claim fills in a claim from a trigger and number mentions', () => {
    const rule = instantiateRule(
      defineRule({
        meta: { ...meta, triggers: { en: ['injured'] } },
        extract(_analysis, context) {
          return context.triggers.map((trigger) => {
            const sentence = context.sentenceOf(trigger.span)!;
            return context.claim({ trigger, values: context.mentionsIn(sentence, 'number'), attribute: 'count', key: { event: 'fire' } });
          });
        },
      }),
      { source: 'x.ts' },
    );
    const { lexicon } = bundled();
    const doc = parseDocumentText('It rained. About 40 people were injured in the fire.', 'a.txt', { lexicon, lang: 'en' });
    const analysis = extractDocument(doc, { lexicon, triggers: [rule.triggers!] });
    const [claim] = rule.extract!(analysis, { lexicon });
    expect(claim).toMatchObject({
      id: 'a#toll/injured#0',
      doc: 'a',
      lang: 'en',
      ruleId: 'toll/injured',
      eventType: 'toll/injured',
      attribute: 'count',
      modality: 'held',
      trigger: { text: 'injured' },
      sentence: [11, 52],
      keyParts: { event: 'fire' },
      values: [{ value: '40', text: '40', number: 40, qualifier: 'about', stated: true }],
    });
  });

  it('an error thrown inside the rule names the rule and its file', () => {
    const rule = instantiateRule(
      defineRule({
        meta,
        compare() {
          throw new TypeError('boom');
        },
      }),
      { source: 'rules/injured.ts' },
    );
    expect(() => rule.check!([], new Map(), { lexicon: bundled().lexicon })).toThrow('rule toll/injured: compare failed: boom');
  });
});

describe('defineRule types (checked by `npm run typecheck`)', () => {
  it('report() accepts only the rule’s message ids; options have the schema’s type, or none', () => {
    const typed = defineRule({
      meta: { ...meta, schema: z.object({ tolerance: z.number().default(1) }) },
      compare(_claims, context) {
        const tolerance: number = context.options.tolerance;
        context.report({ messageId: 'differs', data: { a: tolerance, b: 2 }, fact: 'f', sides: [] });
        // @ts-expect-error: not a message id of this rule
        context.report({ messageId: 'differ', fact: 'f', sides: [] });
        // @ts-expect-error: not an option of this rule
        void context.options.tolerence;
      },
    });
    const untyped = defineRule({
      meta,
      compare(_claims, context) {
        // @ts-expect-error: a rule without a schema has no options
        void context.options.tolerance;
      },
    });
    expect([isDefinedRule(typed), isDefinedRule(untyped)]).toEqual([true, true]);
  });
});
