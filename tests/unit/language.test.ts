import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/generate.js';
import { detectLanguage } from '../../src/ingest/language.js';
import type { Lang } from '../../src/model/document.js';
import type { Lexicon } from '../../src/model/lexicon.js';
import { foldWord } from '../../src/text/fold.js';
import { letterRuns } from '../../src/text/words.js';
import { bundled } from '../helpers.js';

const { lexicon } = bundled();

/** The plain statement of the rule, one set per locale: a word scores once for each locale whose stopwords hold it whole or bare. */
function reference(text: string, lex: Lexicon, fallback: Lang = 'en'): Lang {
  const sets = Object.values(lex.locales).map((locale) => [locale.lang, new Set(locale.stopwords.map(foldWord))] as const);
  const scores = new Map<Lang, number>();
  for (const word of letterRuns(text.slice(0, 20_000).toLowerCase())) {
    const whole = foldWord(word);
    const bare = foldWord(word.replace(/^[a-z]'/, ''));
    for (const [lang, stopwords] of sets) if (stopwords.has(bare) || stopwords.has(whole)) scores.set(lang, (scores.get(lang) ?? 0) + 1);
  }
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
