import type { Span } from '../model/mention.js';

/**
 * Splits text into sentences: a line break always ends one (news text puts headlines, bylines and
 * paragraphs on their own lines), and . ! ? … end one when followed by a space and a capital, a digit
 * or a quote — unless the word before the period is an abbreviation ("M.", "oct.", "Dr.") or an initial.
 * Returns trimmed spans into `text`, within `range`.
 */
export function splitSentences(text: string, range: readonly [number, number], abbreviations: ReadonlySet<string>): Span[] {
  const spans: Span[] = [];
  const [from, to] = range;
  let start = from;
  const push = (end: number) => {
    const trimmed = trimSpan(text, start, end);
    if (trimmed) spans.push(trimmed);
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
