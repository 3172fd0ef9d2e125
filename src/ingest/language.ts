import type { Lang } from '../model/document.js';
import type { Lexicon } from '../model/lexicon.js';
import { foldWord } from '../text/fold.js';
import { letterRuns } from '../text/words.js';

const setsCache = new WeakMap<Lexicon, ReadonlyArray<readonly [Lang, Set<string>]>>();

function stopwordSets(lexicon: Lexicon): ReadonlyArray<readonly [Lang, Set<string>]> {
  let sets = setsCache.get(lexicon);
  if (!sets) setsCache.set(lexicon, (sets = Object.values(lexicon.locales).map((locale) => [locale.lang, new Set(locale.stopwords.map(foldWord))] as const)));
  return sets;
}

/** The language whose stopwords are most frequent in the text; ties and empty texts fall back to `fallback`. */
export function detectLanguage(text: string, lexicon: Lexicon, fallback: Lang = 'en'): Lang {
  const scores = new Map<Lang, number>();
  const sets = stopwordSets(lexicon);
  const sample = text.length > 20_000 ? text.slice(0, 20_000) : text;
  for (const word of letterRuns(sample.toLowerCase())) {
    const whole = foldWord(word);
    // "l'état" counts as "état" too: the elided article is a stopword of its own language.
    const bare = word.includes("'") ? foldWord(word.replace(/^[a-z]'/, '')) : whole;
    for (const [lang, stopwords] of sets) {
      if (stopwords.has(bare) || stopwords.has(whole)) scores.set(lang, (scores.get(lang) ?? 0) + 1);
    }
  }
  let best: Lang = fallback;
  let bestScore = 0;
  for (const [lang, score] of [...scores].sort((a, b) => a[0].localeCompare(b[0]))) {
    if (score > bestScore) {
      best = lang;
      bestScore = score;
    }
  }
  return best;
}
