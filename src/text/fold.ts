import { BoundedMemo } from '../util/collections.js';
import { codePointStartBefore, isLetterOrNumber } from './words.js';

/**
 * Normalisation used to compare words and names across spellings and languages.
 * `foldAccents` strips diacritics and unifies apostrophes and dashes; `foldName` goes further and
 * applies the transliteration fold documented in docs/transliteration.md, so that Gorbatchev,
 * Gorbachev and Gorbatschow share one key, as do Andreï, Andrei and Andrey.
 */
export function foldAccents(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘ʼ`´]/g, "'")
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/œ/g, 'oe')
    .replace(/Œ/g, 'OE')
    .replace(/æ/g, 'ae')
    .replace(/Æ/g, 'AE');
}

/** Memos of foldWord and foldName: extraction folds the same few thousand words (names, titles, lexicon keys) again and again. */
const foldCache = new BoundedMemo<string>(50_000);
const nameCache = new BoundedMemo<string>(50_000);
/** Longer texts are folded without the memo. */
const FOLD_CACHE_MAX_LENGTH = 64;

/** Lower-case, accent-free form of a word: the key of lexicon lookups. */
export function foldWord(text: string): string {
  // Most words are folded already (lower-case ASCII): checking that is cheaper than hashing them for the memo.
  if (isFoldedAscii(text)) return text;
  if (text.length > FOLD_CACHE_MAX_LENGTH) return foldAccents(text).toLowerCase();
  return foldCache.get(text) ?? foldCache.set(text, foldAccents(text).toLowerCase());
}

/** ASCII with no upper-case letter and no backtick (the only ASCII characters `foldWord` changes): folded already. */
function isFoldedAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0x7f || code === 0x60 || (code >= 0x41 && code <= 0x5a)) return false;
  }
  return true;
}

/** Ordered rewrites from French/German/English transliterations of Cyrillic and Arabic names to one form. */
const TRANSLITERATION: ReadonlyArray<readonly [RegExp, string]> = [
  [/sch/g, 'sh'],
  [/tch/g, 'ch'],
  [/ch/g, 'sh'],
  [/kh/g, 'h'],
  [/ou/g, 'u'],
  [/oo/g, 'u'],
  [/gue/g, 'ge'],
  [/gui/g, 'gi'],
  [/ie/g, 'i'],
  [/y/g, 'i'],
  [/j/g, 'i'],
  [/ph/g, 'f'],
  [/w/g, 'v'],
  [/ck/g, 'k'],
  [/c(?=[aou])/g, 'k'],
  [/q/g, 'k'],
  [/([a-z])\1+/g, '$1'],
  [/ii/g, 'i'],
  [/e$/g, ''],
];

export function foldName(text: string): string {
  if (text.length > FOLD_CACHE_MAX_LENGTH) return transliterate(text);
  return nameCache.get(text) ?? nameCache.set(text, transliterate(text));
}

function transliterate(text: string): string {
  let key = foldWord(text).replace(/[^a-z0-9 ]+/g, ' ').replace(/\s+/g, ' ').trim();
  key = key
    .split(' ')
    .map((word) => {
      let folded = word;
      for (const [pattern, replacement] of TRANSLITERATION) folded = folded.replace(pattern, replacement);
      return folded;
    })
    .join(' ');
  return key;
}

/**
 * Lower-case, accent-free copy of `text` with exactly the same length, so that a match found in the
 * folded copy has the same offsets in the original. A character whose fold would change the length
 * ("œ" → "oe", a lone combining mark) is kept as it is, lower-cased when that is length-safe.
 */
export function foldAligned(text: string): string {
  let out = '';
  let plainFrom = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 128) continue;
    out += text.slice(plainFrom, i).toLowerCase() + foldChar(text[i]!);
    plainFrom = i + 1;
  }
  return out + text.slice(plainFrom).toLowerCase();
}

/** The last article folded by foldDocument, with its fold. */
let lastDocument: { text: string; folded: string } | undefined;

/**
 * `foldAligned` of a whole article, remembered for the last article: extraction, each event rule's frames
 * and the quantity rules all read the same folded copy of the document they are working on.
 */
export function foldDocument(text: string): string {
  if (lastDocument?.text !== text) lastDocument = { text, folded: foldAligned(text) };
  return lastDocument.folded;
}

const foldedChars = new Map<string, string>();

function foldChar(char: string): string {
  let folded = foldedChars.get(char);
  if (folded === undefined) {
    const candidate = foldWord(char);
    const lower = char.toLowerCase();
    folded = candidate.length === 1 ? candidate : lower.length === 1 ? lower : char;
    foldedChars.set(char, folded);
  }
  return folded;
}

/** Escapes a string for use inside a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Finds any of `phrases` as whole words in a `foldAligned` text. A phrase ending in `*` matches any word
 * ending ("visit*" finds visits, visited). Longest phrases are tried first. Null when there are no phrases.
 */
export function phrasePattern(phrases: Iterable<string>): PhrasePattern | null {
  const parts = [...new Set([...phrases].map((p) => foldAligned(p.trim())).filter(Boolean))]
    .sort((a, b) => b.length - a.length)
    .map((p) => (p.endsWith('*') ? `${escapeRegExp(p.slice(0, -1))}[\\p{L}\\p{M}]*` : escapeRegExp(p)).replace(/'/g, "['’]"));
  if (parts.length === 0) return null;
  return new PhrasePattern(new RegExp(`(?:${parts.join('|')})(?![\\p{L}\\p{N}])`, 'gu'));
}

/**
 * A phrase pattern: what `(?<![\p{L}\p{N}])(?:phrases)(?![\p{L}\p{N}])` matches, with the start of a word
 * checked here rather than by a lookbehind. V8 runs a leading lookbehind at every position of the text, and a
 * Unicode property class in it made the scan about six times slower (a trigger pattern over 3,000 articles:
 * 56 ms against 9 ms).
 */
export class PhrasePattern {
  constructor(private readonly regex: RegExp) {}

  /** The first match that starts at or after `from` and not just after a letter or digit, or null. */
  exec(text: string, from = 0): RegExpExecArray | null {
    const regex = this.regex;
    regex.lastIndex = from;
    for (let match = regex.exec(text); match; match = regex.exec(text)) {
      if (!afterLetterOrDigit(text, match.index)) return match;
      // Where the lookbehind would have tried next: the next code point.
      regex.lastIndex = match.index + (text.codePointAt(match.index)! > 0xffff ? 2 : 1);
    }
    return null;
  }
}

/** Whether the code point before `index` is a letter or digit (as `(?<![\p{L}\p{N}])` reads it, by code point). */
function afterLetterOrDigit(text: string, index: number): boolean {
  if (index === 0) return false;
  const start = codePointStartBefore(text, index);
  // The code point ends at `index`: a lone high surrogate there is read alone, not with what follows.
  const code = index - start === 2 ? text.codePointAt(start)! : text.charCodeAt(start);
  return isLetterOrNumber(code);
}
