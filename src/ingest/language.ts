import type { Lang } from '../model/document.js';
import type { Lexicon } from '../model/lexicon.js';
import { foldWord } from '../text/fold.js';
import { letterRuns } from '../text/words.js';
import { pushTo } from '../util/collections.js';

/** Per lexicon: its locales' languages, and each folded stopword with the locales it is a stopword of (indices into `langs`). */
interface StopwordIndex {
  langs: Lang[];
  locales: Map<string, number[]>;
}

const indexCache = new WeakMap<Lexicon, StopwordIndex>();

function stopwordIndex(lexicon: Lexicon): StopwordIndex {
  let index = indexCache.get(lexicon);
  if (index) return index;
  index = { langs: [], locales: new Map() };
  for (const locale of Object.values(lexicon.locales)) {
    const at = index.langs.push(locale.lang) - 1;
    for (const word of new Set(locale.stopwords.map(foldWord))) pushTo(index.locales, word, at);
  }
  indexCache.set(lexicon, index);
  return index;
}

/** The language whose stopwords are most frequent in the text; ties and empty texts fall back to `fallback`. */
export function detectLanguage(text: string, lexicon: Lexicon, fallback: Lang = 'en'): Lang {
  const { langs, locales } = stopwordIndex(lexicon);
  const counts = langs.map(() => 0);
  const sample = text.length > 20_000 ? text.slice(0, 20_000) : text;
  for (const word of letterRuns(sample.toLowerCase())) {
    const whole = foldWord(word);
    // "l'état" counts as "état" too: the elided article is a stopword of its own language.
    const bare = word.includes("'") ? foldWord(word.replace(/^[a-z]'/, '')) : whole;
    // A locale counts a word once, whether its stopwords hold the whole word, the bare one or both.
    const ofWhole = locales.get(whole);
    const ofBare = bare === whole ? undefined : locales.get(bare);
    if (ofWhole) for (const at of ofWhole) counts[at]!++;
    if (ofBare) for (const at of ofBare) if (!ofWhole?.includes(at)) counts[at]!++;
  }
  const scores = new Map<Lang, number>();
  langs.forEach((lang, i) => {
    if (counts[i]! > 0) scores.set(lang, (scores.get(lang) ?? 0) + counts[i]!);
  });
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
