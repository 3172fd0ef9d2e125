// One module per function: the package's index loads all of its 250-odd modules (about 150 ms per thread).
import { addDays } from 'date-fns/addDays';
import { addMonths } from 'date-fns/addMonths';
import { endOfISOWeek } from 'date-fns/endOfISOWeek';
import { getDaysInMonth } from 'date-fns/getDaysInMonth';
import { getISODay } from 'date-fns/getISODay';
import { startOfISOWeek } from 'date-fns/startOfISOWeek';
import type { PeriodPart, Season } from './lexicon.js';

/** A calendar day (month 1-12). Kept as plain numbers: the grammar never needs a clock or a time zone. */
export interface Day {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Inclusive ISO days ("YYYY-MM-DD") a value covers. */
export interface DayRange {
  readonly start: string;
  readonly end: string;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export const isoDay = (day: Day) => `${pad(day.year, 4)}-${pad(day.month)}-${pad(day.day)}`;
export const isoMonth = (year: number, month: number) => `${pad(year, 4)}-${pad(month)}`;
export const isoYear = (year: number) => pad(year, 4);

// Local-time Dates at noon: day arithmetic then never crosses a DST boundary into the wrong day.
const toDate = (day: Day) => new Date(day.year, day.month - 1, day.day, 12);
const fromDate = (date: Date): Day => ({ year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() });

export function daysInMonth(year: number, month: number): number {
  return getDaysInMonth(new Date(year, month - 1, 1, 12));
}

export function isValidDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export function weekdayOf(day: Day): number {
  return getISODay(toDate(day));
}

export function shiftDays(day: Day, days: number): Day {
  return fromDate(addDays(toDate(day), days));
}

export function shiftMonths(year: number, month: number, months: number): { year: number; month: number } {
  const shifted = addMonths(new Date(year, month - 1, 1, 12), months);
  return { year: shifted.getFullYear(), month: shifted.getMonth() + 1 };
}

/** Monday to Sunday of the ISO week that contains `day`. */
export function isoWeekOf(day: Day): DayRange {
  return { start: isoDay(fromDate(startOfISOWeek(toDate(day)))), end: isoDay(fromDate(endOfISOWeek(toDate(day)))) };
}

export function dayRange(day: Day): DayRange {
  return { start: isoDay(day), end: isoDay(day) };
}

export function monthRange(year: number, month: number): DayRange {
  return { start: isoDay({ year, month, day: 1 }), end: isoDay({ year, month, day: daysInMonth(year, month) }) };
}

export function yearRange(year: number): DayRange {
  return { start: isoDay({ year, month: 1, day: 1 }), end: isoDay({ year, month: 12, day: 31 }) };
}

/** Decade starting at `start` (1990 → 1990-01-01 … 1999-12-31). */
export function decadeRange(start: number): DayRange {
  return { start: yearRange(start).start, end: yearRange(start + 9).end };
}

/**
 * Seasons are read loosely, so that meteorological and astronomical readings both fall inside:
 * "l'été 2018" covers 1 June to 22 September. Winter straddles two years and "winter 2018" is read
 * either way by writers, so it covers January 2018 to 20 March 2019.
 */
const SEASON_DAYS: Record<Season, readonly [number, number, number, number, number]> = {
  spring: [3, 1, 6, 20, 0],
  summer: [6, 1, 9, 22, 0],
  autumn: [9, 1, 12, 20, 0],
  winter: [1, 1, 3, 20, 1],
};

export function seasonRange(year: number, season: Season): DayRange {
  const [startMonth, startDay, endMonth, endDay, endYearShift] = SEASON_DAYS[season];
  return {
    start: isoDay({ year, month: startMonth, day: startDay }),
    end: isoDay({ year: year + endYearShift, month: endMonth, day: endDay }),
  };
}

/** Last month of a season in the year it starts (winter: March of the next year, counted as 15). */
export function seasonEndMonth(season: Season): number {
  const [, , endMonth, , endYearShift] = SEASON_DAYS[season];
  return endMonth + 12 * endYearShift;
}

/**
 * Early, mid or late part of a range, as thirds: a year's thirds are January–April, May–August and
 * September–December; a month's are days 1–10, 11–20 and 21–end.
 */
export function partOfRange(range: DayRange, part: PeriodPart, unit: 'year' | 'month'): DayRange {
  const [year, month] = range.start.split('-').map(Number) as [number, number];
  if (unit === 'year') {
    if (part === 'early') return { start: range.start, end: monthRange(year, 4).end };
    if (part === 'mid') return { start: monthRange(year, 5).start, end: monthRange(year, 8).end };
    return { start: monthRange(year, 9).start, end: range.end };
  }
  if (part === 'early') return { start: range.start, end: isoDay({ year, month, day: 10 }) };
  if (part === 'mid') return { start: isoDay({ year, month, day: 11 }), end: isoDay({ year, month, day: 20 }) };
  return { start: isoDay({ year, month, day: 21 }), end: range.end };
}

/** Compares two days: negative when a is before b. */
export function compareDays(a: Day, b: Day): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}
