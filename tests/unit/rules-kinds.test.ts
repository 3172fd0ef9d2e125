import { describe, expect, it } from 'vitest';
import { valuesAgree } from '../../src/rules/kinds/quantity.js';
import { RuleTester } from '../../src/rules/tester.js';
import { tempFolder } from '../helpers.js';

const TOLL = `id: toll/deaths
kind: quantity
description: Articles about one event agree on its death toll.
quantity:
  what: death toll
  triggers:
    fr: [morts, tué, tués]
    en: [killed, dead]
  patterns:
    en: ['lost (?:their|his|her) li(?:fe|ves)']
`;

const REFERENCE = `id: reference/desk
kind: reference
description: What the desk has on record.
reference:
  rule: event/session
facts:
  - match: { ordinal: 8, series: [commission] }
    value: 2025-10-16
    source: minutes of the 8th session
`;

const TOLL_REFERENCE = `id: reference/tolls
kind: reference
description: Confirmed tolls.
reference:
  rule: toll/deaths
facts:
  - match: { place: Lisbonne }
    value: 14
    source: civil protection, final toll
`;

const tester = new RuleTester({ rules: [tempFolder({ 'toll.yaml': TOLL, 'desk.yaml': REFERENCE, 'tolls.yaml': TOLL_REFERENCE })] });
const summary = (findings: Awaited<ReturnType<RuleTester['findings']>>) =>
  findings.map((f) => ({ messageId: f.messageId, severity: f.severity, fact: f.fact, sides: f.sides.map((s) => `${s.doc}:${s.values.join('/')}`) }));

describe('quantity values', () => {
  it('agree within the tolerance, hedges widening them', () => {
    expect(valuesAgree({ number: 12 }, { number: 12 }, 'exact')).toBe(true);
    expect(valuesAgree({ number: 12 }, { number: 13 }, 'exact')).toBe(false);
    expect(valuesAgree({ number: 12 }, { number: 14 }, { absolute: 2 })).toBe(true);
    expect(valuesAgree({ number: 100 }, { number: 112 }, { relative: 0.1 })).toBe(false);
    expect(valuesAgree({ number: 100 }, { number: 109 }, { relative: 0.1 })).toBe(true);
    expect(valuesAgree({ number: 12, qualifier: 'at-least' }, { number: 15 }, 'exact')).toBe(true);
    expect(valuesAgree({ number: 12, qualifier: 'at-least' }, { number: 9 }, 'exact')).toBe(false);
    expect(valuesAgree({ number: 20, qualifier: 'about' }, { number: 21 }, 'exact')).toBe(true);
    expect(valuesAgree({ number: 10, qualifier: 'less-than' }, { number: 12, qualifier: 'more-than' }, 'exact')).toBe(false);
  });
});

describe('quantity rules: a number attached to an event', () => {
  it('reads "12 morts" and "15 people killed" about one place and reports both sides', async () => {
    const findings = await tester.findings('toll/deaths', {
      'fr.txt': "L'effondrement d'un immeuble à Lisbonne a fait 12 morts samedi.",
      'en.txt': 'At least 9 were injured and 15 people were killed when a building collapsed in Lisbon.',
    });
    expect(summary(findings)).toEqual([{ messageId: 'conflict', severity: 'error', fact: 'death toll in Lisbon', sides: ['en:15', 'fr:12'] }]);
    expect(findings[0]!.message).toBe('en says 15 ("15 people were killed") and fr says 12 ("12 morts"): the death toll does not match.');
  });

  it('takes the number after the trigger when there is none before it, and pattern matches as triggers', async () => {
    const findings = await tester.findings('toll/deaths', {
      'a.txt': "À Lisbonne, l'effondrement a tué 12 personnes.",
      'b.txt': 'In Lisbon, 15 residents lost their lives.',
    });
    expect(summary(findings)[0]?.sides).toEqual(['a:12', 'b:15']);
  });

  it('does not compare numbers about different places, nor numbers with no place', async () => {
    expect(await tester.findings('toll/deaths', { 'a.txt': 'À Lisbonne, 12 morts.', 'b.txt': 'In Madrid, 15 people were killed.' })).toEqual([]);
    expect(await tester.findings('toll/deaths', { 'a.txt': 'Il y a eu 12 morts.', 'b.txt': '15 people were killed.' })).toEqual([]);
  });

  it('with sameEvent: corpus, compares every number of the corpus', async () => {
    const findings = await tester.findings('toll/deaths', { 'a.txt': 'Il y a eu 12 morts.', 'b.txt': '15 people were killed.' }, { sameEvent: 'corpus' });
    expect(summary(findings)).toEqual([{ messageId: 'conflict', severity: 'error', fact: 'death toll', sides: ['a:12', 'b:15'] }]);
  });

  it('names the majority when three sources or more disagree', async () => {
    const findings = await tester.findings('toll/deaths', {
      'a.txt': 'À Lisbonne, 12 morts.',
      'b.txt': 'In Lisbon, 12 people were killed.',
      'c.txt': 'In Lisbon, 15 people were killed.',
    });
    expect(findings[0]!.hint).toBe('2 of 3 sources say 12; c may be wrong or out of date.');
  });
});

describe('reference rules: the desk’s canonical facts', () => {
  it('reports an article that dates the 8th session otherwise, citing the article and naming the source', async () => {
    const findings = await tester.findings('reference/desk', {
      'a.txt': ' date 2025-10-20\nLa 8e session de la Commission mixte s’est tenue le 17 octobre 2025 à Lisbonne.',
      'b.txt': ' date 2025-10-20\nThe 8th session of the Joint Commission took place on 16 October 2025 in Lisbon.',
    });
    expect(summary(findings)).toEqual([{ messageId: 'conflict', severity: 'error', fact: 'date of the 8th session of the commission', sides: ['a:2025-10-17'] }]);
    expect(findings[0]!.message).toBe('a says 2025-10-17, but the reference says 2025-10-16 (minutes of the 8th session).');
    expect(findings[0]!.hint).toMatch(/^The reference is kept in .*desk\.yaml\./);
  });

  it('accepts a less precise value that contains the fact, and ignores other sessions', async () => {
    expect(
      await tester.findings('reference/desk', {
        'a.txt': ' date 2025-11-02\nLa 8e session de la Commission mixte a eu lieu en octobre 2025.',
        'b.txt': ' date 2024-11-02\nLa 7e session de la Commission mixte a eu lieu le 3 novembre 2024.',
      }),
    ).toEqual([]);
  });

  it('a plan that differs is a warning', async () => {
    const findings = await tester.findings('reference/desk', {
      'a.txt': ' date 2025-06-01\nLa 8e session de la Commission mixte est prévue pour novembre 2025.',
    });
    expect(summary(findings)).toEqual([{ messageId: 'planDiffers', severity: 'warning', fact: 'date of the 8th session of the commission', sides: ['a:2025-11'] }]);
  });

  it('checks counts read by a quantity rule, with its hedges', async () => {
    const findings = await tester.findings('reference/tolls', {
      'a.txt': 'À Lisbonne, 12 morts.',
      'b.txt': 'In Lisbon, at least 10 people were killed.',
      'c.txt': 'In Madrid, 12 people were killed.',
    });
    expect(summary(findings)).toEqual([{ messageId: 'conflict', severity: 'error', fact: 'death toll in Lisbonne', sides: ['a:12'] }]);
    expect(findings[0]!.message).toBe('a says 12, but the reference says 14 (civil protection, final toll).');
  });
});
