/** Helpers to build the grammar's regular expressions from lexicon words (structure in code, words as data). */

export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A non-capturing alternation of words, longest first so that "septembre" wins over "sept".
 * Spaces in a word match any run of whitespace; a final "'" also matches the typographic apostrophe
 * (already unified by folding). Returns a pattern that never matches when the list is empty.
 */
export function alternation(words: Iterable<string>): string {
  const unique = [...new Set(words)].filter((word) => word.length > 0);
  if (unique.length === 0) return '(?!)';
  unique.sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  return `(?:${unique.map((word) => escapeRegex(word).replace(/ +/g, `${SPACE}+`)).join('|')})`;
}

/** Start of a word: not preceded by a letter or digit. */
export const WORD_START = '(?<![\\p{L}\\p{N}_])';
/** End of a word: not followed by a letter or digit. */
export const WORD_END = '(?![\\p{L}\\p{N}_])';
/** Whitespace on one line, including the no-break spaces (U+00A0, U+202F) French typography uses. */
export const SPACE = '[^\\S\\r\\n]';

/** Compile once per key object (a lexicon), so 100k articles share the same regexes. */
export function cachedPer<K extends object, V>(build: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = build(key);
      cache.set(key, value);
    }
    return value;
  };
}
