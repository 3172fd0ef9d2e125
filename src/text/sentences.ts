import type { Span } from '../model/mention.js';

/**
 * The longest sentence read as one, in characters. Prose comes nowhere near it: the longest sentence of
 * the development set has 476 characters, of the bench corpora 203. Text with no sentence end for longer
 * (a flattened table, a word list, markup pasted whole) is read in pieces of at most this length, cut at
 * a space, because the claims of a sentence read all of it for each of their values: without a bound, one
 * sentence of 110 KB took 10 s and one of 440 KB 161 s.
 */
export const MAX_SENTENCE_CHARS = 4000;

/**
 * Splits text into sentences: a line break always ends one (news text puts headlines, bylines and
 * paragraphs on their own lines), and . ! ? … end one when followed by a space and a capital, a digit
 * or a quote — unless the word before the period is an abbreviation ("M.", "oct.", "Dr.") or an initial.
 * A longer run than `maxChars` (MAX_SENTENCE_CHARS) without an end is cut into pieces at spaces.
 * Returns trimmed spans into `text`, within `range`.
 */
export function splitSentences(
  text: string,
  range: readonly [number, number],
  abbreviations: ReadonlySet<string>,
  maxChars = MAX_SENTENCE_CHARS,
): Span[] {
  const spans: Span[] = [];
  const [from, to] = range;
  let start = from;
  const push = (end: number) => {
    const trimmed = trimSpan(text, start, end);
    if (!trimmed) return;
    if (trimmed[1] - trimmed[0] <= maxChars) spans.push(trimmed);
    else for (const piece of cutLong(text, trimmed, maxChars)) spans.push(piece);
  };
  for (let i = from; i < to; i++) {
    const ch = text[i]!;
    if (ch === '\n') {
      push(i);
      start = i + 1;
      continue;
    }
    if (ch !== '.' && ch !== '!' && ch !== '?' && ch !== '…') continue;
    let end = i + 1;
    for (;;) {
      while (end < to && /[.!?…»"”’)\]]/.test(text[end]!)) end++;
      // A French closing guillemet after a space still closes the sentence: « oui. »
      const spaced = /^[ \u00a0\u202f]+[»”]/.exec(text.slice(end, Math.min(to, end + 4)));
      if (!spaced) break;
      end += spaced[0].length;
    }
    if (end >= to || !/[ \t\u00a0\u202f]/.test(text[end]!)) continue;
    let next = end;
    while (next < to && /[ \t\u00a0\u202f]/.test(text[next]!)) next++;
    if (next >= to || !/[\p{Lu}\p{N}«"“‘(\-—–]/u.test(text[next]!)) continue;
    if (ch === '.' && isAbbreviation(text, i, abbreviations)) continue;
    push(end);
    start = end;
    i = end - 1;
  }
  push(to);
  return spans;
}

function isAbbreviation(text: string, periodIndex: number, abbreviations: ReadonlySet<string>): boolean {
  let wordStart = periodIndex;
  while (wordStart > 0 && /[\p{L}.\-]/u.test(text[wordStart - 1]!)) wordStart--;
  const word = text.slice(wordStart, periodIndex);
  if (!word) return false;
  if (abbreviations.has(word) || abbreviations.has(word.toLowerCase())) return true;
  // Initials ("J. Smith", "A.A.A") and dotted acronyms ("U.S.").
  return /^(?:\p{Lu}\.?)+$/u.test(word) && word.replace(/\./g, '').length <= 3;
}

/**
 * Cuts an over-long sentence into trimmed pieces of at most `maxChars`, each ending at the last space
 * of its stretch when that space lies in the stretch's second half (a word or number is then never cut),
 * else at the limit.
 */
function cutLong(text: string, [start, end]: Span, maxChars: number): Span[] {
  maxChars = Math.max(1, Math.floor(maxChars));
  const pieces: Span[] = [];
  let from = start;
  while (from < end) {
    let to = Math.min(end, from + maxChars);
    if (to < end) {
      const space = lastSpace(text, from + Math.ceil(maxChars / 2), to);
      if (space >= 0) to = space;
    }
    const piece = trimSpan(text, from, to);
    if (piece) pieces.push(piece);
    from = to;
  }
  return pieces;
}

/** The offset of the last white space in text[from..to], or -1. */
function lastSpace(text: string, from: number, to: number): number {
  for (let i = to; i >= from; i--) if (/\s/.test(text[i]!)) return i;
  return -1;
}

function trimSpan(text: string, start: number, end: number): Span | null {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end > start ? [start, end] : null;
}

/**
 * Splits a sentence into clauses at connective phrases from the lexicon (" ainsi que ", "; ", ", while ").
 * A clause keeps its own modality cues and time expressions, so "the 3rd summit, planned for 2019, and
 * the fair, held in 2017" gives each event its own.
 */
export function splitClauses(text: string, sentence: Span, breaks: readonly string[]): Span[] {
  const [start, end] = sentence;
  const lower = text.slice(start, end).toLowerCase();
  const cuts = new Set<number>();
  for (const phrase of breaks) {
    const needle = phrase.toLowerCase();
    if (!needle) continue;
    for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + needle.length)) cuts.add(at);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const clauses: Span[] = [];
  let from = start;
  for (const cut of points) {
    const trimmed = trimSpan(text, from, start + cut);
    if (trimmed) clauses.push(trimmed);
    from = start + cut;
  }
  const last = trimSpan(text, from, end);
  if (last) clauses.push(last);
  return clauses;
}
