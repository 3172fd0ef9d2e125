import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { extractNumbers } from '../../src/extract/numbers/index.js';
import { extractTimes } from '../../src/extract/time/index.js';
import { Mention } from '../../src/model/mention.js';
import { loadTestLexicon, publishedOn } from '../fixtures/extraction/lexicon.js';

/** Pieces the grammar reacts to, mixed with arbitrary Unicode so the generator reaches deep into the rules. */
const PIECES = [
  '16', '1er', '03', '2025', '1999', '2016', '-', '–', '/', '.', ',', ' ', '\u00a0', '\u202f', '\n', "l'", 'l’',
  'jeudi', 'Thursday', 'octobre', 'October', 'Oct.', 'sept.', 'mars', 'March', 'May', 'en', 'in', 'depuis', 'since',
  'et', 'and', 'again', 'du', 'au', 'from', 'to', 'entre', 'between', 'dernier', 'last', 'next', 'prochain', 'ce',
  'this', 'il y a', 'ago', 'deux', 'two', 'vingt-cinq', 'ans', 'years', 'semaines', 'weeks', 'h', '18h06', '20:03',
  'a.m.', 'pm', 'début', 'fin', 'mi-', 'early', 'late', 'été', 'summer', 'années', '1990s', "'90s", 'les', 'the',
  '€', '£', '$', 'm', 'bn', 'millions', 'milliard', 'billion', '%', 'pour cent', '8e', '8ème', 'eighth', '2nd',
  'premier', 'first', 'numéro', 'COVID-19', 'A320', 'VI', 'Q3', 'trimestre', 'quarter', 'hier', 'yesterday', 'é',
  '\u0301', 'œ', 'İ', '😀', '\ud800',
];

const textArbitrary = fc
  .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...PIECES) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) }), {
    maxLength: 40,
  })
  .map((parts) => parts.join(''));

const publishedArbitrary = fc.option(
  fc
    .tuple(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.constantFrom(1, 2, 3))
    .map(([y, m, d, parts]) => [y, m, d].slice(0, parts).map((n, i) => String(n).padStart(i === 0 ? 4 : 2, '0')).join('-')),
  { nil: null },
);

function run(lang: 'fr' | 'en', text: string, range: readonly [number, number], published: string | null) {
  const lexicon = loadTestLexicon(lang);
  const times = extractTimes(text, range, { lang, lexicon, published: publishedOn(published) });
  const numbers = extractNumbers(text, range, { lang, lexicon }, times.map((m) => m.span));
  return { times, numbers };
}

function clamp(text: string, range: readonly [number, number]): [number, number] {
  const from = Math.max(0, Math.min(text.length, range[0]));
  return [from, Math.max(from, Math.min(text.length, range[1]))];
}

const overlap = (a: readonly [number, number], b: readonly [number, number]) => a[0] < b[1] && b[0] < a[1];

describe.each(['fr', 'en'] as const)('%s extraction on arbitrary text', (lang) => {
  test('never throws; spans lie in the range and quote the text exactly; mentions are valid', () => {
    fc.assert(
      fc.property(textArbitrary, fc.integer({ min: -5, max: 400 }), fc.integer({ min: -5, max: 400 }), publishedArbitrary, (text, a, b, published) => {
        const range = [Math.min(a, b), Math.max(a, b)] as const;
        const [from, to] = clamp(text, range);
        const { times, numbers } = run(lang, text, range, published);
        for (const mention of [...times, ...numbers]) {
          expect(mention.span[0]).toBeGreaterThanOrEqual(from);
          expect(mention.span[1]).toBeLessThanOrEqual(to);
          expect(mention.span[0]).toBeLessThan(mention.span[1]);
          expect(mention.text).toBe(text.slice(mention.span[0], mention.span[1]));
          expect(() => Mention.parse(mention)).not.toThrow();
        }
      }),
      { numRuns: 400 },
    );
  });

  test('time mentions never overlap each other, and numbers never overlap times', () => {
    fc.assert(
      fc.property(textArbitrary, publishedArbitrary, (text, published) => {
        const { times, numbers } = run(lang, text, [0, text.length], published);
        times.forEach((t, i) => times.slice(i + 1).forEach((u) => expect(overlap(t.span, u.span)).toBe(false)));
        for (const n of numbers) expect(times.some((t) => overlap(t.span, n.span))).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  test('a resolved time covers start ≤ end; an unresolved one has an empty value', () => {
    fc.assert(
      fc.property(textArbitrary, publishedArbitrary, (text, published) => {
        for (const m of run(lang, text, [0, text.length], published).times) {
          if (m.attrs['resolved'] === false) expect(m.value).toBe('');
          if (m.attrs['start'] !== undefined) expect(String(m.attrs['start']) <= String(m.attrs['end'])).toBe(true);
          if (m.kind === 'time' && m.attrs['clock'] !== true && m.attrs['resolved'] === true) expect(m.precision).toBeDefined();
        }
      }),
      { numRuns: 300 },
    );
  });

  test('the same input gives the same output', () => {
    fc.assert(
      fc.property(textArbitrary, publishedArbitrary, (text, published) => {
        expect(run(lang, text, [0, text.length], published)).toEqual(run(lang, text, [0, text.length], published));
      }),
      { numRuns: 100 },
    );
  });

  test('a sentence read inside a longer text gives the same mentions, shifted', () => {
    fc.assert(
      fc.property(textArbitrary, textArbitrary, publishedArbitrary, (sentence, before, published) => {
        const prefix = `${before}\n`;
        const alone = run(lang, sentence, [0, sentence.length], published).times;
        const inside = run(lang, prefix + sentence, [prefix.length, prefix.length + sentence.length], published).times;
        expect(inside.map((m) => [m.span[0] - prefix.length, m.span[1] - prefix.length, m.value])).toEqual(
          alone.map((m) => [m.span[0], m.span[1], m.value]),
        );
      }),
      { numRuns: 200 },
    );
  });
});
