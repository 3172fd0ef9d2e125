import { foldWord } from '../../text/fold.js';
import { wordBeforeSpaces } from '../../text/words.js';
import { type NumberWords, parseNumberWords } from '../numbers/words.js';
import type { TimeWords } from './lexicon.js';
import type { Fragments } from './fragments.js';
import type { AttrValue } from './resolve.js';
import type { TimeSpec } from './spec.js';

/** The text a parser reads: the range as written and its same-length folded copy. */
export interface ParseScope {
  readonly original: string;
  readonly folded: string;
  readonly words: TimeWords;
  readonly numbers: NumberWords;
  /** Whether a duration cue ("pendant", "for") ends right before `at`: "pour un an" counts "un" as 1. */
  durationCueBefore(at: number): boolean;
  /** Spans of named days that only look like weekdays ("mardi gras", "Black Friday"). */
  readonly namedDays: ReadonlyArray<readonly [number, number]>;
  /** Whether the amount+unit between these offsets is an age ("33-year-old", "âgé de 33 ans"). */
  isAge(start: number, end: number): boolean;
}

/** A parser's reading, offsets local to the scope, before refiners and resolution. */
export interface Candidate {
  start: number;
  end: number;
  /** Grammar rule, without the language prefix ("date.dmy"). */
  rule: string;
  kind: 'time' | 'duration';
  spec: TimeSpec;
  attrs: Record<string, AttrValue>;
  /** A bare year read only because it follows a listed year ("2017" in "en 2015 et 2017"). */
  listMember?: boolean;
  /** A bare year, which list grouping may join with its neighbours. */
  bareYear?: boolean;
}

/** One rule of the grammar: a pattern (regex source with named groups) and how to read a match. */
export interface TimeParser {
  readonly name: string;
  /** Regex source, or null when the locale has no words for it. */
  pattern(f: Fragments): string | null;
  /**
   * Lists of words (as `f.alt` takes them) such that every match of `pattern` contains a word of each: a
   * text without one is not scanned with `pattern` at all (most articles name no season, no quarter, no
   * "ago"). Only lists the pattern cannot match without; none when unsure.
   */
  requires?(f: Fragments): ReadonlyArray<Iterable<string>>;
  extract(match: RegExpExecArray, scope: ParseScope): Candidate | null;
}

export function candidate(
  match: RegExpExecArray,
  rule: string,
  spec: TimeSpec,
  extra: Partial<Pick<Candidate, 'kind' | 'attrs' | 'listMember' | 'bareYear'>> = {},
): Candidate {
  return { start: match.index, end: match.index + match[0].length, rule, kind: 'time', spec, attrs: {}, ...extra };
}

/**
 * Start offset of a named group. Patterns are compiled without the `d` flag (it slows every scan), so
 * the group is found in the match by its text: the first occurrence, or the last for a second group of
 * the same kind ("m2" in "March 3 to March 5").
 */
export function groupStart(match: RegExpExecArray, name: string): number | undefined {
  const text = match.groups?.[name];
  if (text === undefined) return undefined;
  const at = name.endsWith('2') ? match[0].lastIndexOf(text) : match[0].indexOf(text);
  return at < 0 ? undefined : match.index + at;
}

/** The value of a number written in digits or words ("4", "quatre", "a" when allowed). */
export function numberValue(text: string, scope: ParseScope, allowIndefinite: boolean): number | undefined {
  const key = text.replace(/\s+/g, ' ');
  if (/^\d+$/.test(key)) return Number(key);
  if (allowIndefinite && scope.words.indefiniteOne.has(key)) return 1;
  const parsed = parseNumberWords(key, scope.numbers);
  return parsed && parsed.length === key.length ? Number(parsed.value) : undefined;
}

const YEAR_MIN = 1000;
const YEAR_MAX = 2199;
export const isYear = (value: number) => value >= YEAR_MIN && value <= YEAR_MAX;

/**
 * English writes month and weekday names with a capital: "May" is a month, "may" a verb. French writes
 * them in lower case: a capitalised month alone inside a sentence ("vers Mars") is not a month.
 */
export function hasExpectedCase(scope: ParseScope, match: RegExpExecArray, group: string, alone: boolean): boolean {
  const at = groupStart(match, group);
  if (at === undefined) return true;
  const first = scope.original[at]!;
  const capital = first !== first.toLowerCase();
  if (scope.words.tables.capitalisedNames) return capital;
  return !alone || !capital || isSentenceStart(scope.original, at);
}

/** True when only spaces and opening marks separate `at` from the start of the text or of a sentence. */
export function isSentenceStart(text: string, at: number): boolean {
  const window = text.slice(Math.max(0, at - 24), at);
  const trimmed = window.replace(/[\s«"“(\-–—]+$/u, '');
  return trimmed === '' || /[.!?:;\n«»"“”]$/u.test(trimmed);
}

/** The word before `at`, as written (for case tests), with its start; undefined at the start of the text. */
export function previousWord(text: string, at: number): { word: string; start: number } | undefined {
  return wordBeforeSpaces(text, Math.max(0, at - 40), at, false);
}

/**
 * Whether a bare number ending at `end` can stand as a year given what follows it. Never before a unit
 * ("en 1500 mètres"). When `strict` (no cue, or a weak one such as "pour"), only before the end of the
 * text, punctuation, a capitalised word or a word from `yearFollowers` ("pour 2017, le…" but not
 * "pour 2000 euros" nor "de 2000 manifestants"). A chain of listed numbers ("de 1500 à 2000 mètres") is
 * judged by its last number, and every number in it must look like a year.
 */
export function yearStands(scope: ParseScope, end: number, strict: boolean): boolean {
  const { original, words } = scope;
  let at = end;
  for (let hops = 0; hops < 6; hops++) {
    const chained = CHAIN.exec(original.slice(at, at + 48));
    if (!chained) break;
    const [whole, separator, between, digits] = chained as unknown as [string, string | undefined, string, string];
    const linking = between.split(/[^\S\r\n]+/u).filter(Boolean);
    if (!linking.every((word) => words.chainWords.has(foldWord(word)))) break;
    const listedYear = digits.length === 4 && isYear(Number(digits));
    // "en 2015, 12 000 personnes…": a comma alone before another number is punctuation, not a list.
    if (!listedYear && separator === ',' && linking.length === 0) break;
    if (!listedYear) return false;
    at += whole.length;
  }
  const next = /^[^\S\r\n]*(?:([\p{L}][\p{L}-]*)(['’])?|(\S))?/u.exec(original.slice(at, at + 48))!;
  if (next[1] !== undefined) {
    const word = foldWord(next[1]);
    if (words.units.has(word)) return false;
    if (!strict || next[1][0] !== next[1][0]!.toLowerCase()) return true;
    return words.yearFollowers.has(word + (next[2] ? "'" : ''));
  }
  return next[3] === undefined || /^[,.;:!?)»"”'’\]–—-]$/u.test(next[3]);
}

/** A further number in a list or range: ", 2017", " et 2017", " and again in 2015", "-2017". */
const CHAIN = /^[^\S\r\n]*([,\-–/])?[^\S\r\n]*((?:[\p{L}][\p{L}'’]*[^\S\r\n]+){0,3})(\d+)(?![\p{L}\p{N}])/u;
