import type { Span } from '../model/mention.js';
import { startsUpper } from '../text/words.js';

export interface Token {
  text: string;
  start: number;
  end: number;
  /** Starts with an upper-case letter. */
  upper: boolean;
  /** The folded form name matching compares, filled in on first use (see extract/names.ts). */
  key?: string;
}

/** Elided articles and pronouns split off the word they are glued to (l'Agence → l' + Agence). */
const ELISION = /^(?:[ldjmnst]|qu|jusqu|lorsqu|puisqu)['’]/i;

/** Words of a span: letters and digits, with inner hyphens, apostrophes and dots kept (Franco-Allemand, S.M.). */
export function tokenize(text: string, span: Span): Token[] {
  const tokens: Token[] = [];
  const word = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:['’.\-][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*\.?|[^\s\p{L}\p{N}]/gu;
  word.lastIndex = span[0];
  const source = text.slice(0, span[1]);
  for (let match = word.exec(source); match; match = word.exec(source)) {
    let start = match.index;
    let value = match[0];
    // A trailing period belongs to the word only for abbreviations and initials (M., S.M., oct.).
    if (value.length > 1 && value.endsWith('.') && !/^(?:\p{Lu}\.?)+$|^\p{Lu}\p{Ll}{0,3}\.$/u.test(value)) {
      value = value.slice(0, -1);
    }
    // Most words hold no apostrophe: only those can start with an elision.
    const elision = value.includes("'") || value.includes('’') ? ELISION.exec(value) : null;
    if (elision && value.length > elision[0].length) {
      tokens.push(makeToken(elision[0], start));
      start += elision[0].length;
      value = value.slice(elision[0].length);
    }
    tokens.push(makeToken(value, start));
    word.lastIndex = match.index + match[0].length;
  }
  return tokens;
}

/** The last article whose sentences were tokenised by sentenceTokens: its text and tokens by sentence start. */
let lastText: string | undefined;
let lastSentences = new Map<number, { end: number; tokens: readonly Token[] }>();

/**
 * `tokenize` of one sentence, remembered for the sentences of the last article: name extraction and value
 * claims read the same sentences of the same article one after the other. The tokens are shared: read only.
 */
export function sentenceTokens(text: string, sentence: Span): readonly Token[] {
  if (text !== lastText) {
    lastText = text;
    lastSentences = new Map();
  }
  const known = lastSentences.get(sentence[0]);
  if (known?.end === sentence[1]) return known.tokens;
  const tokens = tokenize(text, sentence);
  lastSentences.set(sentence[0], { end: sentence[1], tokens });
  return tokens;
}

/** A token of `text` at `start`. */
export function makeToken(text: string, start: number): Token {
  // `key` is declared up front so every token has one shape (V8 keeps such objects fast).
  return { text, start, end: start + text.length, upper: startsUpper(text), key: undefined };
}

export const ROMAN_NUMERAL = /^(?=[MDCLXVI])M{0,3}(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})$/;
