import { describe, expect, it } from 'vitest';
import { buildValueClaims, VALUE_TYPES } from '../../src/claims/values.js';
import { extractDocument } from '../../src/extract/index.js';
import { parseDocumentText } from '../../src/ingest/read.js';
import type { Lexicon } from '../../src/model/lexicon.js';
import { triggersOf } from '../../src/pipeline.js';
import { analyze, bundled } from '../helpers.js';

/** The age claims of a short article: key = value as cited. */
function ages(text: string, lang: 'fr' | 'en') {
  return analyze(text, { lang })
    .claims.filter((c) => c.ruleId === 'generic/values' && c.attribute === 'age')
    .map((c) => `${c.keyParts.key}=${c.values[0]!.value} "${c.values[0]!.text}"`);
}

describe('value claims: ages', () => {
  it('reads English ages joined to their word, listed after "aged", or set off after a name', () => {
    expect(ages('A 15-year-old, two 16-year-olds and a 19 year old man were held overnight near Harlow.', 'en')).toEqual([
      'age=15, 16, 19 "15-year-old, two 16-year-olds and a 19"',
    ]);
    expect(ages('Three teenagers aged 15, 16 and 17 were held.', 'en')).toEqual(['age=15, 16, 17 "15, 16 and 17"']);
    expect(ages('The harbourmaster, Lena Strand, 52, was rescued on Tuesday.', 'en')).toEqual(['age:strand=52 "52"']);
  });

  it('reads French ages after "âgés de" (a list) and in "un homme de 20 ans"', () => {
    expect(ages('La police a arrêté quatre jeunes gens (âgés de 15, 16 et 29 ans) pendant la nuit.', 'fr')).toEqual([
      'age=15, 16, 29 "15, 16 et 29 ans"',
    ]);
    expect(ages('Le suspect, Marc Dorval, âgé de 30 ans, a été arrêté.', 'fr')).toEqual(['age:dorval=30 "30"']);
    expect(ages('Un adolescent de 15 ans, deux de 16 ans et un homme de 19 ans ont été détenus.', 'fr')).toEqual([
      'age=15, 16, 19 "15 ans, deux de 16 ans et un homme de 19"',
    ]);
  });

  it('leaves prison terms, durations, counts and impossible ages alone', () => {
    expect(ages('He was sentenced to 20 years in prison after 12 people were hurt.', 'en')).toEqual([]);
    expect(ages('Il a été condamné à 20 ans de prison. Une peine de 12 ans a été requise.', 'fr')).toEqual([]);
    expect(ages('Records of those aged 2013 and over were lost.', 'en')).toEqual([]);
  });

  it('keeps the ages of different named people apart', () => {
    const keys = ages('Lena Strand, 52, and Ivo Marsh, 38, were rescued.', 'en');
    expect(keys).toEqual(['age:strand=52 "52"', 'age:marsh=38 "38"']);
  });
});

describe('value claims: context words', () => {
  const text = 'Le sommet de Lisbonne a réuni 12 délégations le 3 mars 2019.';
  const valueClaims = (lexicon: Lexicon) => {
    const { rules } = bundled();
    const doc = parseDocumentText(text, 'doc.txt', { lexicon, lang: 'fr' });
    const { sentences, mentions } = extractDocument(doc, { lexicon, triggers: triggersOf(rules) });
    return buildValueClaims({ doc, sentences, mentions }, lexicon, { ruleId: 'generic/values', types: new Set(VALUE_TYPES), localWindow: 3 });
  };

  it('reads each word through the translations of the lexicon it is given, also for a lexicon that shares its locales', () => {
    const { lexicon } = bundled();
    const context = valueClaims(lexicon)[0]!.keyParts.context!;
    expect(context.split(' ')).toContain('summi');
    // Same locale objects, another translation table: the words are read afresh, not from the first lexicon's memo.
    const other: Lexicon = { ...lexicon, translations: { ...lexicon.translations, sommet: 'peak' } };
    expect(valueClaims(other)[0]!.keyParts.context!.split(' ')).toContain('peak');
    expect(valueClaims(lexicon)[0]!.keyParts.context).toBe(context);
  });
});
