import { dayMonth, isRangePair, monthWords } from './common.js';
import { lookup, monthOf } from './lexicon.js';
import { candidate, hasExpectedCase, type TimeParser } from './parser.js';
import type { DateParts } from './spec.js';

/** English word orders that French never uses: "October 16, 2019", "November 9-10", "the 1990s". */

const dateMdy: TimeParser = {
  name: 'date.mdy',
  requires: (f) => [monthWords(f.words)],
  pattern: (f) =>
    `(?:${f.B}${f.weekday('wd')},?${f.S})?${f.B}${f.month('m')}${f.S}${f.day('d')}(?:,?${f.S}${f.year('y')})?`,
  extract(match, scope) {
    const date = dayMonth(scope, match, 'd', 'm', 'y');
    if (!date || !hasExpectedCase(scope, match, 'wd', false)) return null;
    const weekday = lookup(scope.words.weekdays, match.groups!['wd']);
    return candidate(match, 'date.mdy', weekday === undefined ? { type: 'date', date } : { type: 'date', date, weekday });
  },
};

/** "November 9-10, 2014", "from November 9 to 10", "Nov. 9 to Dec. 2, 2014". */
const rangeMdy: TimeParser = {
  name: 'range.days-mdy',
  requires: (f) => [monthWords(f.words)],
  pattern: (f) =>
    `(?:${f.B}(?<from>${f.alt(f.words.tables.ranges.map((pair) => pair.from))})${f.S})?${f.B}${f.month('m1')}${f.S}${f.day('d1')}` +
    `(?:${f.S0}[-–]${f.S0}|${f.S}(?<to>${f.alt(f.words.tables.ranges.map((pair) => pair.to))})${f.S})(?:${f.month('m2')}${f.S})?${f.day('d2')}` +
    `(?:,?${f.S}${f.year('y')})?`,
  extract(match, scope) {
    const g = match.groups!;
    if (g['to'] !== undefined && (g['from'] === undefined || !isRangePair(scope.words, g['from'], g['to']))) return null;
    const from = dayMonth(scope, match, 'd1', 'm1');
    const to = dayMonth(scope, match, 'd2', g['m2'] === undefined ? 'm1' : 'm2', 'y');
    if (!from || !to) return null;
    const start: DateParts = to.year !== undefined && from.month! <= to.month! ? { ...from, year: to.year } : from;
    if (start.month === to.month && start.day! >= to.day!) return null;
    return candidate(match, 'range.days-mdy', { type: 'range', from: start, to });
  },
};

/** "the 1990s", "the '90s", "the late 1980s", "mid-2000s". */
const decade: TimeParser = {
  name: 'decade',
  pattern: (f) =>
    `(?:${f.B}(?<art>${f.alt(f.words.tables.decadeArticles)})${f.S})?(?:${f.B}(?<part>${f.alt(f.words.parts.keys())})(?:${f.S0}-${f.S0}|${f.S}))?` +
    `(?:(?<apo>')|(?<![\\p{L}\\p{N}_']))(?<dec>1\\d\\d0|20\\d0|\\d0)s(?![\\p{L}\\p{N}_])`,
  extract(match, scope) {
    const g = match.groups!;
    const written = g['dec']!;
    // "in her 90s" is an age: a two-digit decade needs "the" or an apostrophe.
    if (written.length === 2 && g['art'] === undefined && g['apo'] === undefined) return null;
    const start = written.length === 4 ? Number(written) : (Number(written) >= 20 ? 1900 : 2000) + Number(written);
    const part = lookup(scope.words.parts, g['part']);
    return candidate(match, 'decade', part === undefined ? { type: 'decade', start } : { type: 'decade', start, part });
  },
};

/** "February's annual show": a month with the possessive is a month, its year from the publication date. */
const monthPossessive: TimeParser = {
  name: 'month.possessive',
  requires: (f) => [f.words.months.keys()],
  pattern: (f) => `${f.B}${f.monthFull('m')}(?='s${f.E})`,
  extract(match, scope) {
    if (!hasExpectedCase(scope, match, 'm', false)) return null;
    return candidate(match, 'month.possessive', { type: 'month', month: monthOf(scope.words, match.groups!['m']!)!, offset: null });
  },
};

export const englishParsers: readonly TimeParser[] = [rangeMdy, dateMdy, decade, monthPossessive];
