import { foldWord as fold } from '../../text/fold.js';
import { WORD_RANGES } from '../numbers/regex.js';
import { isValidDay } from './calendar.js';
import { lookup, monthOf, type TimeWords } from './lexicon.js';
import {
  candidate,
  type Candidate,
  hasExpectedCase,
  isSentenceStart,
  isYear,
  numberValue,
  type ParseScope,
  previousWord,
  type TimeParser,
  yearStands,
} from './parser.js';
import type { DateParts, ShiftUnit } from './spec.js';

/**
 * Parsers shared by French and English: their structure is the same and only the words differ, so
 * they are built from the locale's tables. Word order that differs (English "October 16") lives in
 * en.ts / fr.ts.
 */

const int = (text: string | undefined) => (text === undefined ? undefined : Number(text));
const letters = (list: readonly string[]) => list.filter((word) => /\p{L}/u.test(word));
const symbols = (list: readonly string[]) => list.filter((word) => !/\p{L}/u.test(word));
const rangeFroms = (words: TimeWords) => words.tables.ranges.map((pair) => pair.from);
const rangeTos = (words: TimeWords) => words.tables.ranges.map((pair) => pair.to);
/** Every way `f.month` writes a month: names and abbreviations (a parser's `requires`). */
export const monthWords = (words: TimeWords) => [...words.months.keys(), ...words.monthAbbreviations.keys()];
/** The words that make a period relative, before or after it ("l'an dernier", "last year"). */
const relativeWords = (words: TimeWords) => [...words.relativeBefore.keys(), ...words.relativeAfter.keys()];
const norm = (text: string) => text.replace(/\s+/g, ' ');

/**
 * Joins the branches a locale has words for: a branch whose word list is empty could never match and
 * would still be tried at every position of the text. Null when no branch is left.
 */
function branches(...parts: Array<string | false>): string | null {
  const kept = parts.filter((part): part is string => part !== false);
  return kept.length === 0 ? null : kept.map((part) => `(?:${part})`).join('|');
}

/** "entre … et", "from … to": only the pairs the lexicon lists. */
export function isRangePair(words: TimeWords, from: string, to: string): boolean {
  return words.tables.ranges.some((pair) => fold(pair.from) === norm(from) && fold(pair.to) === norm(to));
}

/** A day+month(+year) read from groups, or null when it is not a calendar day. */
export function dayMonth(scope: ParseScope, match: RegExpExecArray, day: string, month: string, year?: string): DateParts | null {
  const groups = match.groups!;
  const d = int(groups[day]);
  const m = groups[month] === undefined ? undefined : monthOf(scope.words, groups[month]!);
  const y = year === undefined ? undefined : int(groups[year]);
  if (d === undefined || m === undefined) return null;
  if (!isValidDay(y ?? 2000, m, d)) return null;
  if (!hasExpectedCase(scope, match, month, false)) return null;
  return y === undefined ? { month: m, day: d } : { year: y, month: m, day: d };
}

/** English "the last Thursday", "the next year": the article makes it relative to the story, not today. */
function afterArticle(scope: ParseScope, at: number): boolean {
  const previous = previousWord(scope.folded, at);
  return previous !== undefined && scope.words.tables.articles.some((article) => fold(article) === previous.word);
}

/**
 * "USA Today", "Entertainment Tonight", "The Samedi Times": an expression written with a capital inside
 * a sentence, right after another capitalised word, is part of a name. (English weekdays always take a
 * capital, so they are not tested: "sentenced Brian Nichols Saturday" is a date; named days such as
 * "Black Friday" are listed in the lexicon instead.)
 */
export function afterProperName(scope: ParseScope, at: number): boolean {
  const first = scope.original[at]!;
  if (first === first.toLowerCase() || isSentenceStart(scope.original, at)) return false;
  const previous = previousWord(scope.original, at);
  if (!previous || previous.word[0] === previous.word[0]!.toLowerCase()) return false;
  const key = fold(previous.word);
  const { words } = scope;
  const functionWord =
    words.yearCues.has(key) ||
    words.relativeBefore.has(key) ||
    words.listJoiners.has(key) ||
    [...words.tables.articles, ...words.tables.yearDeterminers].some((word) => fold(word) === key);
  return !functionWord;
}

function relativeOffset(scope: ParseScope, match: RegExpExecArray, before: string, after: string): number | null | undefined {
  const groups = match.groups!;
  if (groups[before] !== undefined) {
    if (afterArticle(scope, match.index)) return undefined;
    return lookup(scope.words.relativeBefore, groups[before]) ?? null;
  }
  if (groups[after] !== undefined) return lookup(scope.words.relativeAfter, groups[after]) ?? null;
  return null;
}

const iso: TimeParser = {
  name: 'date.iso',
  pattern: (f) => `${f.B}(?<y>\\d{4})-(?<m>\\d{2})-(?<d>\\d{2})(?![\\p{N}]|-\\d)`,
  extract(match) {
    const [y, m, d] = [Number(match.groups!['y']), Number(match.groups!['m']), Number(match.groups!['d'])];
    if (!isYear(y) || !isValidDay(y, m, d)) return null;
    return candidate(match, 'date.iso', { type: 'date', date: { year: y, month: m, day: d } });
  },
};

const isoMonth: TimeParser = {
  name: 'month.iso',
  pattern: (f) => `${f.B}(?<y>\\d{4})-(?<m>0[1-9]|1[0-2])(?![\\p{N}]|-\\d)`,
  extract(match) {
    const [y, m] = [Number(match.groups!['y']), Number(match.groups!['m'])];
    // "2010-11" is also the season 2010/2011: too ambiguous to read as a month.
    if (!isYear(y) || m === (y + 1) % 100) return null;
    return candidate(match, 'month.iso', { type: 'date', date: { year: y, month: m } });
  },
};

const numericDate: TimeParser = {
  name: 'date.numeric',
  pattern: () => `(?<![${WORD_RANGES}/.,-])(?<a>\\d{1,2})(?<sep>[/.-])(?<b>\\d{1,2})\\k<sep>(?<y>\\d{4})(?![\\p{N}]|[/.-]\\d)`,
  extract(match, scope) {
    const groups = match.groups!;
    const [a, b, year] = [Number(groups['a']), Number(groups['b']), Number(groups['y'])];
    if (!isYear(year)) return null;
    // A dotted date is European (day first) in every language.
    const order = groups['sep'] === '.' ? 'dmy' : scope.words.tables.numericDateOrder;
    const dmy = isValidDay(year, b, a) ? { year, month: b, day: a } : null;
    const mdy = isValidDay(year, a, b) ? { year, month: a, day: b } : null;
    if (order === 'dmy') return dmy && candidate(match, 'date.numeric-dmy', { type: 'date', date: dmy });
    if (order === 'mdy') return mdy && candidate(match, 'date.numeric-mdy', { type: 'date', date: mdy });
    if (dmy && mdy && a !== b) return candidate(match, 'date.numeric-ambiguous', { type: 'ambiguousDate', readings: [dmy, mdy] });
    const only = dmy ?? mdy;
    return only && candidate(match, dmy ? 'date.numeric-dmy' : 'date.numeric-mdy', { type: 'date', date: only });
  },
};

const clock: TimeParser = {
  name: 'clock',
  pattern(f) {
    // With a meridiem first: "4:59 PM" is 16:59, not 04:59 followed by a word.
    const alternatives: string[] = [];
    if (f.words.meridiem.size > 0) {
      alternatives.push(
        `${f.B}(?<!:${f.S0})(?<h3>0?[1-9]|1[0-2])(?::${f.S0}(?<m3>[0-5]\\d))?${f.S0}(?<mer>${f.alt(f.words.meridiem.keys())})(?![\\p{L}\\p{N}])`,
      );
    }
    alternatives.push(`(?<![\\p{N}:.,])(?<h1>[01]?\\d|2[0-3]):(?<m1>[0-5]\\d)(?::[0-5]\\d)?(?![\\p{N}]|:\\d)`);
    const markers = f.words.tables.hourMarkers;
    if (markers.length > 0) {
      alternatives.push(`${f.B}(?<h2>[01]?\\d|2[0-3])${f.S0}${f.alt(markers)}(?:${f.S0}(?<m2>[0-5]\\d))?(?![\\p{L}\\p{N}])`);
    }
    return alternatives.join('|');
  },
  extract(match, scope) {
    const g = match.groups!;
    let hour = int(g['h1'] ?? g['h2'] ?? g['h3'])!;
    const minute = int(g['m1'] ?? g['m2'] ?? g['m3']) ?? 0;
    if (g['mer'] !== undefined) hour = (hour % 12) + (lookup(scope.words.meridiem, g['mer']) ?? 0);
    return candidate(match, 'clock', { type: 'clock', hour, minute });
  },
};

const dateDmy: TimeParser = {
  name: 'date.dmy',
  requires: (f) => [monthWords(f.words)],
  pattern: (f) =>
    `(?:${f.B}${f.weekday('wd')},?${f.S}(?:${f.alt(f.words.tables.articles)}${f.S})?)?${f.day('d')}` +
    `(?:${f.S}${f.alt(f.words.tables.dayMonthLinks)})?${f.S}${f.month('m')}(?:,?${f.S}${f.year('y')})?`,
  extract(match, scope) {
    const date = dayMonth(scope, match, 'd', 'm', 'y');
    if (!date || !hasExpectedCase(scope, match, 'wd', false)) return null;
    const weekday = lookup(scope.words.weekdays, match.groups!['wd']);
    return candidate(match, 'date.dmy', weekday === undefined ? { type: 'date', date } : { type: 'date', date, weekday });
  },
};

const monthYear: TimeParser = {
  name: 'month.year',
  requires: (f) => [monthWords(f.words)],
  pattern: (f) => `${f.B}${f.month('m')}(?:${f.S}${f.alt(f.words.tables.monthYearLinks)})?,?${f.S}${f.year('y')}`,
  extract(match, scope) {
    if (!hasExpectedCase(scope, match, 'm', false)) return null;
    const month = monthOf(scope.words, match.groups!['m']!)!;
    return candidate(match, 'month.year', { type: 'date', date: { year: Number(match.groups!['y']), month } });
  },
};

const yearWithCue: TimeParser = {
  name: 'year.cue',
  requires: (f) => [f.words.yearCues],
  // The cue is checked behind the year once the year matched: a lookbehind first would run at every position.
  pattern: (f) => `${f.year('y')}(?<=${f.wordBefore}(?<cue>${f.alt(f.words.yearCues)})${f.S}\\d{4})`,
  extract(match, scope) {
    const cue = norm(match.groups!['cue']!);
    if (!yearStands(scope, match.index + match[0].length, scope.words.weakYearCues.has(cue))) return null;
    return candidate(match, 'year.cue', { type: 'date', date: { year: Number(match.groups!['y']) } }, {
      attrs: { cue },
      bareYear: true,
    });
  },
};

const yearAttributive: TimeParser = {
  name: 'year.attributive',
  requires: (f) => [f.words.tables.yearDeterminers],
  pattern: (f) =>
    f.words.tables.yearDeterminers.length === 0
      ? null
      : `${f.year('y')}(?<=${f.wordBefore}${f.alt(f.words.tables.yearDeterminers)}${f.S}\\d{4})(?=${f.S}[^\\s\\d])`,
  extract(match, scope) {
    const year = Number(match.groups!['y']);
    const at = match.index + match[0].length;
    const next = /^[^\S\r\n]+([\p{L}][\p{L}'’-]*)/u.exec(scope.original.slice(at, at + 40))?.[1];
    if (next === undefined || year < 1900 || year > 2099) return null;
    const named = next[0] !== next[0]!.toLowerCase();
    if (!named && !scope.words.yearNouns.has(fold(next))) return null;
    return candidate(match, 'year.attributive', { type: 'date', date: { year } }, { bareYear: true });
  },
};

const yearInList: TimeParser = {
  name: 'year.list',
  pattern: (f) =>
    `${f.year('y')}(?<=\\d{4}${f.S0}(?:(?:,|${f.B}${f.alt(letters(f.words.tables.listJoiners))}${f.E})${f.S0})+\\d{4})`,
  extract(match, scope) {
    if (!yearStands(scope, match.index + match[0].length, false)) return null;
    return candidate(match, 'year.list', { type: 'date', date: { year: Number(match.groups!['y']) } }, {
      listMember: true,
      bareYear: true,
    });
  },
};

function yearRangeCandidate(match: RegExpExecArray, scope: ParseScope, rule: string): Candidate | null {
  const first = Number(match.groups!['y1']);
  const written = match.groups!['y2']!;
  const last = written.length === 2 ? Math.floor(first / 100) * 100 + Number(written) : Number(written);
  if (!isYear(first) || last <= first || last - first > 100) return null;
  // "the 2014-16 drought": a two-digit end is only ever written for years, whatever follows.
  if (written.length !== 2 && !yearStands(scope, match.index + match[0].length, true)) return null;
  return candidate(match, rule, { type: 'range', from: { year: first }, to: { year: last } });
}

const yearRange: TimeParser = {
  name: 'year.range',
  pattern(f) {
    const dashes = f.words.tables.yearRangeDashes;
    const joins = [`${f.S0}${f.alt(symbols(dashes))}${f.S0}`];
    if (letters(dashes).length > 0) joins.push(`${f.S}${f.alt(letters(dashes))}${f.S}`);
    return `${f.year('y1')}(?:${joins.join('|')})(?<y2>\\d{4}|\\d{2})(?![\\p{L}\\p{N}_]|[.,]\\d)`;
  },
  extract: (match, scope) => yearRangeCandidate(match, scope, 'year.range'),
};

const yearBetween: TimeParser = {
  name: 'year.between',
  requires: (f) => [rangeFroms(f.words), rangeTos(f.words)],
  pattern: (f) =>
    `${f.B}(?<from>${f.alt(rangeFroms(f.words))})${f.S}${f.year('y1')}${f.S}(?<to>${f.alt(rangeTos(f.words))})${f.S}${f.year('y2')}`,
  extract(match, scope) {
    if (!isRangePair(scope.words, match.groups!['from']!, match.groups!['to']!)) return null;
    return yearRangeCandidate(match, scope, 'year.between');
  },
};

/** A range of days whose start may leave out the month and year it shares with its end. */
function dayRangeCandidate(match: RegExpExecArray, scope: ParseScope, rule: string): Candidate | null {
  const to = dayMonth(scope, match, 'd2', 'm2', 'y2');
  if (!to) return null;
  const g = match.groups!;
  const fromMonth = g['m1'] === undefined ? to.month : monthOf(scope.words, g['m1']);
  if (g['m1'] !== undefined && !hasExpectedCase(scope, match, 'm1', false)) return null;
  const from: DateParts = { month: fromMonth, day: Number(g['d1']) };
  if (g['y1'] !== undefined) from.year = Number(g['y1']);
  else if (to.year !== undefined && (from.month ?? 0) <= (to.month ?? 0)) from.year = to.year;
  if (!isValidDay(from.year ?? 2000, from.month!, from.day!)) return null;
  if (from.month === to.month && (from.year ?? 0) === (to.year ?? 0) && from.day! >= to.day!) return null;
  return candidate(match, rule, { type: 'range', from, to });
}

const dayRangeWords: TimeParser = {
  name: 'range.days',
  requires: (f) => [rangeFroms(f.words), rangeTos(f.words), monthWords(f.words)],
  pattern: (f) =>
    `${f.B}(?<from>${f.alt(rangeFroms(f.words))})${f.S}${f.day('d1')}(?:${f.S}${f.month('m1')}(?:,?${f.S}${f.year('y1')})?)?` +
    `${f.S}(?<to>${f.alt(rangeTos(f.words))})${f.S}${f.day('d2')}(?:${f.S}${f.alt(f.words.tables.dayMonthLinks)})?${f.S}${f.month('m2')}(?:,?${f.S}${f.year('y2')})?`,
  extract(match, scope) {
    if (!isRangePair(scope.words, match.groups!['from']!, match.groups!['to']!)) return null;
    return dayRangeCandidate(match, scope, 'range.days');
  },
};

const dayRangeDash: TimeParser = {
  name: 'range.days-dash',
  requires: (f) => [monthWords(f.words)],
  pattern: (f) =>
    `${f.day('d1')}(?:${f.S}${f.month('m1')})?${f.S0}[-–]${f.S0}${f.day('d2')}${f.S}${f.month('m2')}(?:,?${f.S}${f.year('y2')})?`,
  extract: (match, scope) => dayRangeCandidate(match, scope, 'range.days-dash'),
};

function monthRangeCandidate(match: RegExpExecArray, scope: ParseScope, rule: string): Candidate | null {
  const g = match.groups!;
  if (!hasExpectedCase(scope, match, 'm1', true) || !hasExpectedCase(scope, match, 'm2', true)) return null;
  const from: DateParts = { month: monthOf(scope.words, g['m1']!)! };
  const to: DateParts = { month: monthOf(scope.words, g['m2']!)! };
  if (g['y2'] !== undefined) to.year = Number(g['y2']);
  if (g['y1'] !== undefined) from.year = Number(g['y1']);
  else if (to.year !== undefined) from.year = from.month! <= to.month! ? to.year : to.year - 1;
  if (from.year === undefined && from.month! >= to.month!) return null;
  return candidate(match, rule, { type: 'range', from, to });
}

const monthRangeWords: TimeParser = {
  name: 'range.months',
  requires: (f) => [rangeFroms(f.words), rangeTos(f.words), f.words.months.keys()],
  pattern: (f) =>
    `${f.B}(?<from>${f.alt(rangeFroms(f.words))})${f.S}${f.monthFull('m1')}(?:${f.S}${f.year('y1')})?` +
    `${f.S}(?<to>${f.alt(rangeTos(f.words))})${f.S}${f.monthFull('m2')}(?:,?${f.S}${f.year('y2')})?`,
  extract(match, scope) {
    if (!isRangePair(scope.words, match.groups!['from']!, match.groups!['to']!)) return null;
    return monthRangeCandidate(match, scope, 'range.months');
  },
};

const monthRangeDash: TimeParser = {
  name: 'range.months-dash',
  requires: (f) => [f.words.months.keys()],
  pattern: (f) => `${f.B}${f.monthFull('m1')}${f.S0}[-–/]${f.S0}${f.monthFull('m2')}${f.S}${f.year('y2')}`,
  extract: (match, scope) => monthRangeCandidate(match, scope, 'range.months-dash'),
};

const weekday: TimeParser = {
  name: 'weekday',
  requires: (f) => [f.words.weekdays.keys()],
  pattern: (f) =>
    `${f.B}(?:(?<rb>${f.alt(f.words.relativeBefore.keys())})${f.S})?${f.weekday('wd')}` +
    `(?:${f.S}(?<ra>${f.alt(f.words.relativeAfter.keys())})${f.E})?(?:${f.S}(?<pod>${f.alt(f.words.partsOfDay.keys())})${f.E})?`,
  extract(match, scope) {
    const g = match.groups!;
    if (!hasExpectedCase(scope, match, 'wd', false)) return null;
    if (g['rb'] === undefined && !scope.words.tables.capitalisedNames && afterProperName(scope, match.index)) return null;
    const end = match.index + match[0].length;
    if (scope.namedDays.some(([start, stop]) => start < end && match.index < stop)) return null;
    const offset = relativeOffset(scope, match, 'rb', 'ra');
    if (offset === undefined) return null;
    const day = lookup(scope.words.weekdays, g['wd'])!;
    const partOfDay = lookup(scope.words.partsOfDay, g['pod']);
    const spec = partOfDay === undefined ? { type: 'weekday' as const, weekday: day, offset } : { type: 'weekday' as const, weekday: day, offset, partOfDay };
    return candidate(match, 'weekday', spec, { attrs: partOfDay === undefined ? {} : { partOfDay } });
  },
};

const monthRelative: TimeParser = {
  name: 'month.relative',
  requires: (f) => [f.words.months.keys(), relativeWords(f.words)],
  pattern: (f) =>
    branches(
      f.words.relativeBefore.size > 0 && `${f.B}(?<rb>${f.alt(f.words.relativeBefore.keys())})${f.S}${f.monthFull('m1')}`,
      f.words.relativeAfter.size > 0 && `${f.B}${f.monthFull('m2')}${f.S}(?<ra>${f.alt(f.words.relativeAfter.keys())})${f.E}`,
    ),
  extract(match, scope) {
    const name = match.groups!['m1'] !== undefined ? 'm1' : 'm2';
    if (!hasExpectedCase(scope, match, name, true)) return null;
    const offset = relativeOffset(scope, match, 'rb', 'ra');
    if (offset === undefined || offset === null) return null;
    return candidate(match, 'month.relative', { type: 'month', month: monthOf(scope.words, match.groups![name]!)!, offset });
  },
};

const monthWithCue: TimeParser = {
  name: 'month.cue',
  requires: (f) => [f.words.months.keys(), f.words.yearCues],
  pattern: (f) => `${f.monthFull('m')}(?<=${f.wordBefore}(?<cue>${f.alt(f.words.yearCues)})${f.S}[a-z]+)(?!${f.S0}\\d)`,
  extract(match, scope) {
    if (!hasExpectedCase(scope, match, 'm', true)) return null;
    return candidate(match, 'month.cue', { type: 'month', month: monthOf(scope.words, match.groups!['m']!)!, offset: null }, {
      attrs: { cue: norm(match.groups!['cue']!) },
    });
  },
};

const partOfPeriod: TimeParser = {
  name: 'part',
  requires: (f) => [f.words.parts.keys()],
  pattern: (f) =>
    `${f.B}(?<part>${f.alt(f.words.parts.keys())})(?:${f.S0}-${f.S0}|${f.S})(?:${f.alt(f.words.tables.partLinks)}${f.S0})?` +
    `(?:${f.month('m')}(?:,?${f.S}${f.year('y')})?|${f.year('y2')})`,
  extract(match, scope) {
    const g = match.groups!;
    const part = lookup(scope.words.parts, g['part'])!;
    if (g['y2'] !== undefined) {
      if (!yearStands(scope, match.index + match[0].length, false)) return null;
      return candidate(match, 'part', { type: 'part', date: { year: Number(g['y2']) }, part });
    }
    if (!hasExpectedCase(scope, match, 'm', g['y'] === undefined)) return null;
    const date: DateParts = { month: monthOf(scope.words, g['m']!)! };
    if (g['y'] !== undefined) date.year = Number(g['y']);
    return candidate(match, 'part', { type: 'part', date, part });
  },
};

const season: TimeParser = {
  name: 'season',
  requires: (f) => [f.words.seasons.keys()],
  pattern: (f) =>
    `(?:${f.B}${f.alt(f.words.tables.seasonArticles)}${f.S0})?${f.B}(?<s>${f.alt(f.words.seasons.keys())})${f.E}` +
    `(?:${f.S}${f.alt(f.words.tables.seasonLinks)}${f.S0}|${f.S})${f.year('y')}`,
  extract: (match, scope) =>
    candidate(match, 'season', { type: 'season', season: lookup(scope.words.seasons, match.groups!['s'])!, year: Number(match.groups!['y']) }),
};

const seasonRelative: TimeParser = {
  name: 'season.relative',
  requires: (f) => [f.words.seasons.keys(), relativeWords(f.words)],
  pattern: (f) =>
    branches(
      f.words.relativeAfter.size > 0 &&
        `(?:${f.B}${f.alt(f.words.tables.seasonArticles)}${f.S0})?${f.B}(?<s1>${f.alt(f.words.seasons.keys())})${f.S}(?<ra>${f.alt(f.words.relativeAfter.keys())})${f.E}`,
      f.words.relativeBefore.size > 0 &&
        `${f.B}(?<rb>${f.alt(f.words.relativeBefore.keys())})${f.S}(?<s2>${f.alt(f.words.seasons.keys())})${f.E}`,
    ),
  extract(match, scope) {
    const offset = relativeOffset(scope, match, 'rb', 'ra');
    if (offset === undefined || offset === null) return null;
    const name = lookup(scope.words.seasons, match.groups!['s1'] ?? match.groups!['s2'])!;
    return candidate(match, 'season.relative', { type: 'season', season: name, offset });
  },
};

const quarter: TimeParser = {
  name: 'quarter',
  requires: (f) => [[...f.words.quarters.keys(), ...f.words.halves.keys()]],
  pattern: (f) =>
    `${f.B}(?<q>${f.alt([...f.words.quarters.keys(), ...f.words.halves.keys()])})${f.E}` +
    `(?:${f.S}${f.alt(f.words.tables.partLinks)}(?:${f.S}${f.alt(f.words.tables.articles)})?)?${f.S}${f.year('y')}`,
  extract(match, scope) {
    const key = match.groups!['q']!;
    const index = lookup(scope.words.quarters, key);
    const year = Number(match.groups!['y']);
    if (index !== undefined) return candidate(match, 'quarter', { type: 'quarter', year, index, months: 3 });
    return candidate(match, 'half', { type: 'quarter', year, index: lookup(scope.words.halves, key)!, months: 6 });
  },
};

const deictic: TimeParser = {
  name: 'relative.deictic',
  requires: (f) => [f.words.deictic.keys()],
  pattern: (f) => `${f.B}(?<w>${f.alt(f.words.deictic.keys())})${f.E}(?:${f.S}(?<pod>${f.alt(f.words.partsOfDay.keys())})${f.E})?`,
  extract(match, scope) {
    if (afterProperName(scope, match.index)) return null;
    const partOfDay = lookup(scope.words.partsOfDay, match.groups!['pod']);
    return candidate(match, 'relative.deictic', { type: 'shift', unit: 'day', amount: lookup(scope.words.deictic, match.groups!['w'])! }, {
      attrs: partOfDay === undefined ? {} : { partOfDay },
    });
  },
};

const SHIFTABLE = new Set(['week', 'month', 'year']);
const relativeUnits = (words: TimeWords) => [...words.calendarUnits].filter(([, unit]) => SHIFTABLE.has(unit)).map(([key]) => key);

const relativeUnit: TimeParser = {
  name: 'relative.unit',
  requires: (f) => [[...relativeUnits(f.words), ...f.words.tables.weekendWords], relativeWords(f.words)],
  pattern(f) {
    const units = f.alt([...relativeUnits(f.words), ...f.words.tables.weekendWords]);
    const suffixes = [...f.words.tables.thisSuffixes, ...f.words.tables.thatSuffixes];
    return branches(
      f.words.relativeAfter.size > 0 &&
        `(?:${f.B}${f.alt(f.words.tables.articles)}${f.S0})?${f.B}(?<u1>${units})${f.S}(?<ra>${f.alt(f.words.relativeAfter.keys())})${f.E}`,
      f.words.relativeBefore.size > 0 &&
        `${f.B}(?<rb>${f.alt(f.words.relativeBefore.keys())})${f.S}(?<u2>${units})${suffixes.length > 0 ? `(?<suffix>${f.alt(suffixes)})?` : ''}${f.E}`,
    );
  },
  extract(match, scope) {
    const g = match.groups!;
    if (g['suffix'] !== undefined && scope.words.tables.thatSuffixes.some((word) => fold(word) === g['suffix'])) return null;
    const offset = relativeOffset(scope, match, 'rb', 'ra');
    if (offset === undefined || offset === null) return null;
    const written = norm(g['u1'] ?? g['u2']!);
    if (scope.words.tables.weekendWords.some((word) => fold(word) === written)) {
      return candidate(match, 'relative.weekend', { type: 'weekend', offset });
    }
    const unit = lookup(scope.words.calendarUnits, written) as ShiftUnit;
    return candidate(match, 'relative.unit', { type: 'shift', unit, amount: offset });
  },
};

const AGO_UNITS = new Set(['day', 'week', 'month', 'year', 'hour', 'minute']);

function agoCandidate(match: RegExpExecArray, scope: ParseScope, rule: string, sign: number): Candidate | null {
  const amount = numberValue(match.groups!['n']!, scope, true);
  const unit = lookup(scope.words.calendarUnits, match.groups!['u']);
  if (amount === undefined || unit === undefined || !AGO_UNITS.has(unit)) return null;
  return candidate(match, rule, { type: 'shift', unit: unit as ShiftUnit, amount: sign * amount });
}

const agoBefore: TimeParser = {
  name: 'relative.ago-before',
  requires: (f) => [f.words.tables.agoBefore, f.words.calendarUnits.keys()],
  pattern: (f) =>
    f.words.tables.agoBefore.length === 0
      ? null
      : `${f.B}${f.alt(f.words.tables.agoBefore)}${f.S}${f.amount('n')}${f.S}(?<u>${f.alt(f.words.calendarUnits.keys())})${f.E}`,
  extract: (match, scope) => agoCandidate(match, scope, 'relative.ago', -1),
};

const agoAfter: TimeParser = {
  name: 'relative.ago-after',
  requires: (f) => [f.words.calendarUnits.keys(), f.words.tables.agoAfter],
  pattern: (f) =>
    f.words.tables.agoAfter.length === 0
      ? null
      : `${f.amount('n')}${f.S}(?<u>${f.alt(f.words.calendarUnits.keys())})${f.S}${f.alt(f.words.tables.agoAfter)}${f.E}`,
  extract: (match, scope) => agoCandidate(match, scope, 'relative.ago', -1),
};

const later: TimeParser = {
  name: 'relative.later',
  requires: (f) => [f.words.tables.laterBefore, f.words.calendarUnits.keys()],
  pattern: (f) =>
    f.words.tables.laterBefore.length === 0
      ? null
      : `${f.B}${f.alt(f.words.tables.laterBefore)}${f.S}${f.amount('n')}${f.S}(?<u>${f.alt(f.words.calendarUnits.keys())})${f.E}`,
  extract: (match, scope) => agoCandidate(match, scope, 'relative.later', 1),
};

const duration: TimeParser = {
  name: 'duration',
  requires: (f) => [f.words.calendarUnits.keys()],
  pattern: (f) => {
    const adjective = f.words.tables.durationAdjectives.length === 0 ? '' : `(?:${f.S}${f.alt(f.words.tables.durationAdjectives)})?`;
    return `${f.amount('n')}${adjective}(?:${f.S}|${f.S0}-${f.S0})(?<u>${f.alt(f.words.calendarUnits.keys())})${f.E}`;
  },
  extract(match, scope) {
    const written = norm(match.groups!['n']!);
    const indefinite = scope.words.indefiniteOne.has(written);
    if (indefinite && !scope.durationCueBefore(match.index)) return null;
    if (scope.isAge(match.index, match.index + match[0].length)) return null;
    const amount = /^\d/.test(written) ? written.replace(',', '.') : String(numberValue(written, scope, indefinite) ?? '');
    const unit = lookup(scope.words.calendarUnits, match.groups!['u']);
    if (amount === '' || unit === undefined) return null;
    // "du 19 siècle" is a misspelt ordinal, not nineteen centuries.
    if ((unit === 'century' || unit === 'decade') && Number(amount) > 10) return null;
    return candidate(match, 'duration', { type: 'duration', amount, unit }, { kind: 'duration' });
  },
};

/** In priority order: on equal spans, the first parser wins. */
export const commonParsers: readonly TimeParser[] = [
  iso,
  isoMonth,
  numericDate,
  clock,
  dayRangeWords,
  dayRangeDash,
  monthRangeWords,
  monthRangeDash,
  dateDmy,
  monthYear,
  quarter,
  season,
  seasonRelative,
  partOfPeriod,
  yearBetween,
  yearRange,
  yearWithCue,
  yearAttributive,
  yearInList,
  weekday,
  monthRelative,
  monthWithCue,
  deictic,
  relativeUnit,
  agoBefore,
  agoAfter,
  later,
  duration,
];

