import { z } from 'zod';
import type { LocaleLexicon } from '../../model/lexicon.js';
import { foldKeys, foldList, quantityTables } from '../numbers/lexicon.js';

const Words = z.array(z.string()).default([]);
const Offsets = z.record(z.string(), z.number().int()).default({});

export const CalendarUnit = z.enum(['day', 'week', 'month', 'year', 'decade', 'century', 'hour', 'minute']);
export type CalendarUnit = z.infer<typeof CalendarUnit>;
export const PeriodPart = z.enum(['early', 'mid', 'late']);
export type PeriodPart = z.infer<typeof PeriodPart>;
export const Season = z.enum(['spring', 'summer', 'autumn', 'winter']);
export type Season = z.infer<typeof Season>;

/**
 * The time grammar's tables, read from the `time` key of a locale lexicon (rules/lexicon/<lang>/time.yaml).
 * Strict, so a misspelt table name is an error that names the file rather than a silently ignored word list.
 */
export const TimeTables = z.strictObject({
  monthAbbreviations: z.record(z.string(), z.number().int().min(1).max(12)).default({}),
  daySuffixes: Words,
  capitalisedNames: z.boolean().default(false),
  numericDateOrder: z.enum(['dmy', 'mdy', 'ambiguous']),
  yearCues: Words,
  weakYearCues: Words,
  yearDeterminers: Words,
  yearNouns: Words,
  listJoiners: Words,
  yearFollowers: Words,
  ranges: z.array(z.strictObject({ from: z.string(), to: z.string() })).default([]),
  relativeBefore: Offsets,
  relativeAfter: Offsets,
  articles: Words,
  dayMonthLinks: Words,
  monthYearLinks: Words,
  units: z.record(z.string(), CalendarUnit).default({}),
  deictic: Offsets,
  agoBefore: Words,
  agoAfter: Words,
  laterBefore: Words,
  parts: z.record(z.string(), PeriodPart).default({}),
  partLinks: Words,
  seasons: z.record(z.string(), Season).default({}),
  seasonArticles: Words,
  seasonLinks: Words,
  decadeWords: Words,
  decadeArticles: Words,
  thisSuffixes: Words,
  thatSuffixes: Words,
  weekdayNames: Words,
  partsOfDay: z.record(z.string(), z.string()).default({}),
  hourMarkers: Words,
  meridiem: z.record(z.string(), z.number().int()).default({}),
  futureCues: Words,
  futureSuffixes: Words,
  clauseBreaks: Words,
  durationCues: Words,
  /** Adjectives between the amount and the unit of a duration ("deux dernières décennies"). */
  durationAdjectives: Words,
  indefiniteOne: Words,
  ageBefore: Words,
  ageAfter: Words,
  yearRangeDashes: Words,
  weekWords: Words,
  weekendWords: Words,
  quarters: z.record(z.string(), z.number().int().min(1).max(4)).default({}),
  halves: z.record(z.string(), z.number().int().min(1).max(2)).default({}),
  /** Owned by the number grammar (rules/lexicon/<lang>/numbers.yaml); validated there. */
  quantities: z.unknown().optional(),
});
export type TimeTables = z.infer<typeof TimeTables>;

/** The words of the time grammar, folded and indexed: what the parsers look values up in. */
export interface TimeWords {
  readonly lang: string;
  readonly tables: TimeTables;
  readonly months: ReadonlyMap<string, number>;
  readonly monthAbbreviations: ReadonlyMap<string, number>;
  readonly weekdays: ReadonlyMap<string, number>;
  readonly relativeBefore: ReadonlyMap<string, number>;
  readonly relativeAfter: ReadonlyMap<string, number>;
  readonly calendarUnits: ReadonlyMap<string, CalendarUnit>;
  readonly deictic: ReadonlyMap<string, number>;
  readonly parts: ReadonlyMap<string, PeriodPart>;
  readonly seasons: ReadonlyMap<string, Season>;
  readonly partsOfDay: ReadonlyMap<string, string>;
  readonly meridiem: ReadonlyMap<string, number>;
  readonly quarters: ReadonlyMap<string, number>;
  readonly halves: ReadonlyMap<string, number>;
  readonly yearFollowers: ReadonlySet<string>;
  readonly yearNouns: ReadonlySet<string>;
  readonly listJoiners: ReadonlySet<string>;
  readonly yearCues: ReadonlySet<string>;
  readonly weakYearCues: ReadonlySet<string>;
  /** Units of the number grammar ("mètres", "euros", "%"): after one of them a number is a quantity. */
  readonly units: ReadonlySet<string>;
  /** Words that may sit between the numbers of a list or range of years (joiners, cues, "à", "to"). */
  readonly chainWords: ReadonlySet<string>;
  readonly indefiniteOne: ReadonlySet<string>;
}

export function timeWordsOf(lexicon: LocaleLexicon): TimeWords {
  const parsed = TimeTables.safeParse(lexicon.time);
  if (!parsed.success) {
    throw new Error(`rules/lexicon/${lexicon.lang}/time.yaml: invalid "time" table: ${z.prettifyError(parsed.error)}`);
  }
  const tables = parsed.data;
  return {
    lang: lexicon.lang,
    tables,
    months: foldKeys(lexicon.months),
    monthAbbreviations: foldKeys(tables.monthAbbreviations),
    weekdays: foldKeys(lexicon.weekdays),
    relativeBefore: foldKeys(tables.relativeBefore),
    relativeAfter: foldKeys(tables.relativeAfter),
    calendarUnits: foldKeys(tables.units),
    deictic: foldKeys(tables.deictic),
    parts: foldKeys(tables.parts),
    seasons: foldKeys(tables.seasons),
    partsOfDay: foldKeys(tables.partsOfDay),
    meridiem: foldKeys(tables.meridiem),
    quarters: foldKeys(tables.quarters),
    halves: foldKeys(tables.halves),
    yearFollowers: new Set(foldList(tables.yearFollowers)),
    yearNouns: new Set(foldList(tables.yearNouns)),
    listJoiners: new Set(foldList(tables.listJoiners)),
    yearCues: new Set(foldList([...tables.yearCues, ...tables.weakYearCues])),
    weakYearCues: new Set(foldList(tables.weakYearCues)),
    units: quantityUnits(lexicon),
    chainWords: new Set(
      foldList([
        ...tables.listJoiners,
        ...tables.yearCues,
        ...tables.weakYearCues,
        ...tables.ranges.map((pair) => pair.to),
        ...tables.yearRangeDashes,
      ]),
    ),
    indefiniteOne: new Set(foldList(tables.indefiniteOne)),
  };
}

function quantityUnits(lexicon: LocaleLexicon): Set<string> {
  const tables = quantityTables(lexicon);
  return new Set(foldList([...Object.keys(tables.units), ...Object.keys(tables.scaledUnits), ...Object.keys(tables.unitsAfterMultiplier)]));
}

/** Looks a matched (folded) phrase up in a word map, whatever whitespace separated its words. */
export function lookup<V>(map: ReadonlyMap<string, V>, phrase: string | undefined): V | undefined {
  return phrase === undefined ? undefined : map.get(phrase.replace(/\s+/g, ' '));
}

/** The month number of a matched month name or abbreviation ("oct." → 10, "Nov" → 11). */
export function monthOf(words: TimeWords, matched: string): number | undefined {
  const key = matched.replace(/\s+/g, ' ');
  return words.months.get(key) ?? words.monthAbbreviations.get(key) ?? words.monthAbbreviations.get(key.replace(/\.$/, ''));
}
