import type { Lang } from '../model/document.js';
import type { Lexicon } from '../model/lexicon.js';
import { foldWord } from '../text/fold.js';
import { forEachLetterRun } from '../text/words.js';
import { pushTo } from '../util/collections.js';

/**
 * Per lexicon: its locales' languages, and each folded stopword with the locales it is a stopword of (indices
 * into `langs`); the stopwords made of a–z and apostrophes also in a trie, where a run of ASCII letters (most
 * words) is looked up in the text itself, without a string made of it.
 */
interface StopwordIndex {
  langs: Lang[];
  locales: Map<string, number[]>;
  trie: StopwordTrie;
}

/** Letters a–z and the apostrophe: the children of a trie node. */
const TRIE_WIDTH = 27;

/** A trie of stopwords over a–z and "'": node n's children at next[n * 27 + letter] (0: none; 0 is the root). */
interface StopwordTrie {
  next: Int32Array;
  /** Per node: the locales of the stopword that ends there (an entry of `StopwordIndex.locales`), if one does. */
  ends: Array<number[] | undefined>;
}

/** A trie child's slot for a lower-case ASCII letter or an apostrophe; -1 for anything else. */
function trieSlot(code: number): number {
  if (code >= 0x61 && code <= 0x7a) return code - 0x61;
  return code === 0x27 ? 26 : -1;
}

function buildTrie(locales: ReadonlyMap<string, number[]>): StopwordTrie {
  const next: number[] = new Array<number>(TRIE_WIDTH).fill(0);
  const ends: Array<number[] | undefined> = [undefined];
  words: for (const [word, at] of locales) {
    let node = 0;
    for (let i = 0; i < word.length; i++) {
      const slot = trieSlot(word.charCodeAt(i));
      if (slot < 0) continue words; // never the whole of an ASCII run: such a word is only in the map
      let child = next[node * TRIE_WIDTH + slot]!;
      if (child === 0) {
        child = ends.push(undefined) - 1;
        next[node * TRIE_WIDTH + slot] = child;
        for (let k = 0; k < TRIE_WIDTH; k++) next.push(0);
      }
      node = child;
    }
    ends[node] = at;
  }
  return { next: Int32Array.from(next), ends };
}

/** The locales whose stopwords hold `text.slice(start, end)`, a run of a–z and apostrophes. */
function lookUpAscii(trie: StopwordTrie, text: string, start: number, end: number): number[] | undefined {
  let node = 0;
  for (let i = start; i < end; i++) {
    node = trie.next[node * TRIE_WIDTH + trieSlot(text.charCodeAt(i))]!;
    if (node === 0) return undefined;
  }
  return trie.ends[node];
}

const indexCache = new WeakMap<Lexicon, StopwordIndex>();

function stopwordIndex(lexicon: Lexicon): StopwordIndex {
  let index = indexCache.get(lexicon);
  if (index) return index;
  const langs: Lang[] = [];
  const locales = new Map<string, number[]>();
  for (const locale of Object.values(lexicon.locales)) {
    const at = langs.push(locale.lang) - 1;
    for (const word of new Set(locale.stopwords.map(foldWord))) pushTo(locales, word, at);
  }
  index = { langs, locales, trie: buildTrie(locales) };
  indexCache.set(lexicon, index);
  return index;
}

/** The language whose stopwords are most frequent in the text; ties and empty texts fall back to `fallback`. */
export function detectLanguage(text: string, lexicon: Lexicon, fallback: Lang = 'en'): Lang {
  const { langs } = stopwordIndex(lexicon);
  const counts = stopwordCounts(text, lexicon);
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

/**
 * Per locale of the lexicon (in its order), how many words of the text's first 20,000 characters are its
 * stopwords: a word is folded (lower case, no accents), and "l'état" counts as "état" too (the elided
 * article is a stopword of its own language); a locale counts a word once, whether its stopwords hold the
 * whole word, the bare one or both. Exported for tests.
 */
export function stopwordCounts(text: string, lexicon: Lexicon): number[] {
  const { langs, locales, trie } = stopwordIndex(lexicon);
  const counts = langs.map(() => 0);
  const lower = (text.length > 20_000 ? text.slice(0, 20_000) : text).toLowerCase();
  forEachLetterRun(lower, (start, end, ascii) => {
    let ofWhole: number[] | undefined;
    let ofBare: number[] | undefined;
    if (ascii) {
      // Lower-case ASCII is folded already: looked up where it stands.
      ofWhole = lookUpAscii(trie, lower, start, end);
      if (end - start >= 2 && lower.charCodeAt(start + 1) === 0x27 && lower.charCodeAt(start) !== 0x27) ofBare = lookUpAscii(trie, lower, start + 2, end);
    } else {
      const word = lower.slice(start, end);
      const whole = foldWord(word);
      const bare = word.includes("'") ? foldWord(word.replace(/^[a-z]'/, '')) : whole;
      ofWhole = locales.get(whole);
      ofBare = bare === whole ? undefined : locales.get(bare);
    }
    if (ofWhole) for (const at of ofWhole) counts[at]!++;
    if (ofBare) for (const at of ofBare) if (!ofWhole?.includes(at)) counts[at]!++;
  });
  return counts;
}
