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

/**
 * Letters, digits and "_" of folded text as explicit ranges (Latin, Greek, Cyrillic, Armenian, Hebrew,
 * Arabic, Indic, Thai, CJK, Hangul). Unicode property classes (\p{L}) in a lookbehind that runs at every
 * position of the text make a scan several times slower; these ranges cover what news text contains.
 */
export const WORD_RANGES =
  '0-9A-Za-z_\\u00aa\\u00b5\\u00ba\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u02ff\\u0370-\\u03ff\\u0400-\\u052f\\u0531-\\u0587' +
  '\\u05d0-\\u05f2\\u0620-\\u064a\\u0660-\\u0669\\u066e-\\u06d3\\u06f0-\\u06ff\\u0900-\\u0dff\\u0e01-\\u0e5b\\u1e00-\\u1fff' +
  '\\u3040-\\u30ff\\u3400-\\u9fff\\uac00-\\ud7af';
/** Start of a word: not preceded by a letter or digit. */
export const WORD_START = `(?<![${WORD_RANGES}])`;
/** End of a word: not followed by a letter or digit. */
export const WORD_END = `(?![${WORD_RANGES}])`;
/** Start of a number: not inside a word nor after "1." / "1,". */
export const NUMBER_START = `(?<![${WORD_RANGES}]|[0-9][.,])`;
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
