import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/generate.js';
import { detectLanguage, stopwordCounts } from '../../src/ingest/language.js';
import type { Lang } from '../../src/model/document.js';
import type { Lexicon } from '../../src/model/lexicon.js';
import { foldWord } from '../../src/text/fold.js';
import { bundled } from '../helpers.js';

const { lexicon } = bundled();

/** The plain statement of the count, one set per locale: a word scores once for each locale whose stopwords hold it whole or bare. */
function referenceCounts(text: string, lex: Lexicon): number[] {
  const sets = Object.values(lex.locales).map((locale) => new Set(locale.stopwords.map(foldWord)));
  const counts = sets.map(() => 0);
  for (const word of text.slice(0, 20_000).toLowerCase().split(/[^\p{L}']+/u).filter((run) => run !== '')) {
    const whole = foldWord(word);
    const bare = foldWord(word.replace(/^[a-z]'/, ''));
    sets.forEach((stopwords, i) => {
      if (stopwords.has(bare) || stopwords.has(whole)) counts[i]! += 1;
    });
  }
  return counts;
}

/** The plain statement of the rule: the language of the locales that count most. */
function reference(text: string, lex: Lexicon, fallback: Lang = 'en'): Lang {
  const scores = new Map<Lang, number>();
  Object.values(lex.locales).forEach((locale, i) => {
    const count = referenceCounts(text, lex)[i]!;
    if (count > 0) scores.set(locale.lang, (scores.get(locale.lang) ?? 0) + count);
  });
  let best = fallback;
  let bestScore = 0;
  for (const [lang, score] of [...scores].sort((a, b) => a[0].localeCompare(b[0]))) {
    if (score > bestScore) [best, bestScore] = [lang, score];
  }
  return best;
}

describe('language detection', () => {
  it('tells French from English by their stopwords, counting an elided article\'s word', () => {
    expect(detectLanguage('Le ministre a reçu la délégation dans la capitale.', lexicon)).toBe('fr');
    expect(detectLanguage('The minister received the delegation in the capital.', lexicon)).toBe('en');
    // Only the bare words ("une", "il") are stopwords: read whole, the one English stopword would win.
    expect(detectLanguage("d'une qu'il l'une the", lexicon)).toBe('fr');
  });

  it('falls back on an empty text or one with no stopword', () => {
    expect(detectLanguage('', lexicon)).toBe('en');
    expect(detectLanguage('', lexicon, 'fr')).toBe('fr');
    expect(detectLanguage('Xylophone zébu 2024', lexicon, 'fr')).toBe('fr');
  });

  it('agrees with the plain statement of the rule on the seeds and 300 generated articles', () => {
    const seeds = readdirSync('seeds').map((name) => readFileSync(join('seeds', name), 'utf8'));
    const generated = generateCorpus({ count: 300, seed: 7 }).files.map((file) => file.text);
    const texts = [...seeds, ...generated];
    const found = texts.map((text) => detectLanguage(text, lexicon));
    expect(found).toEqual(texts.map((text) => reference(text, lexicon)));
    expect(new Set(found)).toEqual(new Set(['fr', 'en']));
  });

  it('counts each locale\'s stopwords as the plain statement does, word forms of every kind included', () => {
    const seeds = readdirSync('seeds').map((name) => readFileSync(join('seeds', name), 'utf8'));
    const generated = generateCorpus({ count: 300, seed: 7 }).files.map((file) => file.text);
    const tricky = [
      "L'Union et l'État, d'où qu'il vienne, d'une part et l'une ; aujourd'hui s'est l'' d' '' 'the of l'été",
      'À la Une : déjà été, œuvre, naïve, CAFÉ, İstanbul, Ærø; THE END of it',
      'Pendant que la délégation arrivait, the minister said it was “a good day” for them.',
    ];
    let counted = 0;
    for (const text of [...seeds, ...generated, ...tricky]) {
      const counts = stopwordCounts(text, lexicon);
      expect(counts).toEqual(referenceCounts(text, lexicon));
      counted += counts.reduce((a, b) => a + b, 0);
    }
    expect(counted).toBeGreaterThan(10_000);
  });

  it('adds up the scores of two locales of one language', () => {
    const fr = lexicon.locales.fr!;
    // A second French locale whose stopwords are a few English words: French now wins a text English won.
    const twoFrench = { ...lexicon, locales: { ...lexicon.locales, 'fr-extra': { ...fr, stopwords: ['the', 'of'] } } } as Lexicon;
    const text = 'The report of the commission and of the council, le rapport de la commission.';
    expect(detectLanguage(text, lexicon)).toBe('en');
    expect(detectLanguage(text, twoFrench)).toBe('fr');
    expect(reference(text, twoFrench)).toBe('fr');
  });
});
