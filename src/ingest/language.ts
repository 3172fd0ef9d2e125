import type { Lang } from '../model/document.js';
import type { Lexicon } from '../model/lexicon.js';
import { foldWord } from '../text/fold.js';

/** The language whose stopwords are most frequent in the text; ties and empty texts fall back to `fallback`. */
export function detectLanguage(text: string, lexicon: Lexicon, fallback: Lang = 'en'): Lang {
  const scores = new Map<Lang, number>();
  const sets = Object.values(lexicon.locales).map((locale) => [locale.lang, new Set(locale.stopwords.map(foldWord))] as const);
  const sample = text.length > 20_000 ? text.slice(0, 20_000) : text;
  for (const word of sample.toLowerCase().split(/[^\p{L}']+/u)) {
    if (!word) continue;
    const folded = foldWord(word.replace(/^[a-z]'/, ''));
    for (const [lang, stopwords] of sets) {
      if (stopwords.has(folded) || stopwords.has(foldWord(word))) scores.set(lang, (scores.get(lang) ?? 0) + 1);
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
