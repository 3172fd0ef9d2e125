import type { Precision, PublicationDate } from '../../model/time.js';
import {
  type Day,
  type DayRange,
  dayRange,
  decadeRange,
  isoDay,
  isoMonth,
  isoWeekOf,
  isoYear,
  monthRange,
  partOfRange,
  seasonEndMonth,
  seasonRange,
  shiftDays,
  shiftMonths,
  weekdayOf,
  yearRange,
} from './calendar.js';
import type { Season } from './lexicon.js';
import type { DateParts, ShiftUnit, TimeSpec } from './spec.js';

/**
 * The resolution policy, in one place. News reports past events, so a weekday or a month written
 * without a year is the most recent one on or before the publication date, unless the clause is about
 * the future ("se tiendra", "will", "prochain"): then it is the next one on or after it. Words that say
 * the direction themselves ("dernier", "last", "prochain", "next") are obeyed whatever the tense.
 */
export type Tense = 'past' | 'future';

/** The publication date, split; `precision` says which parts are known. */
export interface Anchor {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly precision: 'day' | 'month' | 'year';
  readonly value: string;
}

export function anchorOf(published: PublicationDate | null): Anchor | null {
  const match = published ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(published.value) : null;
  if (!published || !match) return null;
  const [, year, month, day] = match;
  const precision = day && published.precision === 'day' ? 'day' : month && published.precision !== 'year' ? 'month' : 'year';
  return { year: Number(year), month: Number(month ?? 1), day: Number(day ?? 1), precision, value: published.value };
}

export type AttrValue = string | number | boolean | string[];

export interface Resolution {
  /** "" when the expression could not be resolved. */
  readonly value: string;
  readonly precision?: Precision;
  readonly range?: DayRange;
  readonly resolved: boolean;
  /** Part of the value came from the publication date or the tense policy. */
  readonly inferred: boolean;
  /** How it was resolved, appended to the mention's rule. */
  readonly note?: string;
  /** The tense policy chose the value (a weekday, a month or a day written without year or direction). */
  readonly tenseUsed?: boolean;
  readonly attrs: Record<string, AttrValue>;
}

const NEEDS: Record<'day' | 'month' | 'year', number> = { day: 3, month: 2, year: 1 };
const knows = (anchor: Anchor | null, precision: 'day' | 'month' | 'year'): anchor is Anchor =>
  anchor !== null && NEEDS[anchor.precision] >= NEEDS[precision];

const unresolved = (anchor: Anchor | null, needs: string, attrs: Record<string, AttrValue> = {}): Resolution => ({
  value: '',
  resolved: false,
  inferred: true,
  note: anchor ? `unresolved: needs the publication ${needs}, have ${anchor.value}` : 'unresolved: no publication date',
  attrs,
});

const WEEKDAY_NAMES = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const anchorDay = (anchor: Anchor): Day => ({ year: anchor.year, month: anchor.month, day: anchor.day });

export function resolveTime(spec: TimeSpec, anchor: Anchor | null, tense: Tense): Resolution {
  switch (spec.type) {
    case 'date':
      return withWeekday(resolveParts(spec.date, anchor, tense), spec);
    case 'range':
      return resolveRange(spec.from, spec.to, anchor, tense);
    case 'ambiguousDate':
      return resolveAmbiguous(spec.readings);
    case 'part': {
      const base = resolveParts(spec.date, anchor, tense);
      if (!base.range) return { ...base, attrs: { ...base.attrs, part: spec.part } };
      const unit = spec.date.month === undefined ? 'year' : 'month';
      return { ...base, range: partOfRange(base.range, spec.part, unit), attrs: { ...base.attrs, part: spec.part } };
    }
    case 'season':
      return resolveSeason(spec.season, spec.year, spec.offset, anchor);
    case 'decade': {
      const range = decadeRange(spec.start);
      const attrs: Record<string, AttrValue> = spec.part ? { part: spec.part } : {};
      const narrowed = spec.part ? partOfDecade(spec.start, spec.part) : range;
      return { value: `${String(spec.start).slice(0, 3)}X`, precision: 'decade', range: narrowed, resolved: true, inferred: false, attrs };
    }
    case 'quarter':
      return resolveQuarter(spec, anchor);
    case 'weekday':
      return resolveWeekday(spec.weekday, spec.offset, anchor, tense);
    case 'weekend':
      return resolveWeekend(spec.offset, anchor, tense);
    case 'month':
      return resolveMonth(spec.month, spec.offset, anchor, tense);
    case 'shift':
      return resolveShift(spec.unit, spec.amount, anchor);
    case 'clock':
      return {
        value: `T${String(spec.hour).padStart(2, '0')}:${String(spec.minute).padStart(2, '0')}`,
        resolved: true,
        inferred: false,
        attrs: { clock: true },
      };
    case 'duration':
      return { value: isoDuration(spec.amount, spec.unit), resolved: true, inferred: false, attrs: { unit: spec.unit } };
  }
}

/** A date as written, the year inferred from the publication date when it is missing. */
function resolveParts(parts: DateParts, anchor: Anchor | null, tense: Tense): Resolution {
  const { month, day } = parts;
  if (parts.year !== undefined) return stated(parts.year, month, day);
  if (month === undefined) return unresolved(anchor, 'year');
  const needs = day === undefined ? 'month' : 'day';
  // With a month-precision anchor a day+month is still ordered, unless it falls in the anchor's month.
  // Keep what was stated ("Feb. 22"): another article can still be compared on the day and month.
  if (!knows(anchor, 'month')) return unresolved(anchor, needs, day === undefined ? { month } : { month, day });
  const inferredYear = inferYear(month, day, anchor, tense);
  const result = stated(inferredYear.year, month, day);
  return { ...result, inferred: true, note: inferredYear.note, tenseUsed: true };
}

function stated(year: number, month?: number, day?: number): Resolution {
  if (month === undefined) return { value: isoYear(year), precision: 'year', range: yearRange(year), resolved: true, inferred: false, attrs: {} };
  if (day === undefined) {
    return { value: isoMonth(year, month), precision: 'month', range: monthRange(year, month), resolved: true, inferred: false, attrs: {} };
  }
  const date = { year, month, day };
  return { value: isoDay(date), precision: 'day', range: dayRange(date), resolved: true, inferred: false, attrs: {} };
}

function inferYear(month: number, day: number | undefined, anchor: Anchor, tense: Tense): { year: number; note: string } {
  const sameMonth = month === anchor.month;
  const comparable = day !== undefined && anchor.precision === 'day' && sameMonth ? day - anchor.day : month - anchor.month;
  const year =
    tense === 'past' ? (comparable <= 0 ? anchor.year : anchor.year - 1) : comparable >= 0 ? anchor.year : anchor.year + 1;
  const direction = tense === 'past' ? 'most recent on or before' : 'next on or after (future clause)';
  return { year, note: `year ${year} from published ${anchor.value} (${direction})` };
}

function withWeekday(resolution: Resolution, spec: { date: DateParts; weekday?: number }): Resolution {
  if (spec.weekday === undefined) return resolution;
  const attrs: Record<string, AttrValue> = { ...resolution.attrs, weekday: spec.weekday };
  const { year, month, day } = spec.date;
  const date = resolution.precision === 'day' ? resolution.value.split('-').map(Number) : null;
  if (date && month !== undefined && day !== undefined) {
    const actual = weekdayOf({ year: date[0]!, month: date[1]!, day: date[2]! });
    attrs['weekdayMatches'] = actual === spec.weekday;
    if (actual !== spec.weekday && year !== undefined) attrs['actualWeekday'] = actual;
  }
  return { ...resolution, attrs };
}

function resolveRange(from: DateParts, to: DateParts, anchor: Anchor | null, tense: Tense): Resolution {
  const end = resolveParts(to, anchor, tense);
  if (!end.resolved || !end.range) return { ...end, attrs: { ...end.attrs, range: true } };
  const endYear = Number(end.value.slice(0, 4));
  let fromParts: DateParts = { ...from, year: from.year ?? endYear };
  // "du 28 décembre au 3 janvier 2019": the start is in the year before.
  if (from.year === undefined && from.month !== undefined && to.month !== undefined && from.month > to.month) {
    fromParts = { ...fromParts, year: endYear - 1 };
  }
  const start = stated(fromParts.year!, fromParts.month, fromParts.day);
  return {
    value: `${start.value}/${end.value}`,
    precision: end.precision,
    range: { start: start.range!.start, end: end.range.end },
    resolved: true,
    inferred: end.inferred,
    note: end.note,
    attrs: { range: true },
  };
}

function resolveAmbiguous(readings: DateParts[]): Resolution {
  const values = readings.map((parts) => stated(parts.year!, parts.month, parts.day)).sort((a, b) => (a.value < b.value ? -1 : 1));
  const first = values[0]!;
  const last = values[values.length - 1]!;
  return {
    value: `${first.value}/${last.value}`,
    precision: 'day',
    range: { start: first.range!.start, end: last.range!.end },
    resolved: true,
    inferred: false,
    note: `ambiguous day/month order: ${values.map((v) => v.value).join(' or ')}`,
    attrs: { ambiguous: true, readings: values.map((v) => v.value) },
  };
}

function resolveWeekday(weekday: number, offset: number | null, anchor: Anchor | null, tense: Tense): Resolution {
  const attrs: Record<string, AttrValue> = { weekday, relative: true };
  if (offset !== null) attrs['offset'] = offset;
  if (!knows(anchor, 'day')) return unresolved(anchor, 'day', attrs);
  const today = weekdayOf(anchorDay(anchor));
  const back = (today - weekday + 7) % 7;
  const ahead = (weekday - today + 7) % 7;
  const forward = offset === 1 || ((offset === null || offset === 0) && tense === 'future');
  const strict = offset === 1 || offset === -1;
  const shift = forward ? (strict ? ahead || 7 : ahead) : -(strict ? back || 7 : back);
  const day = shiftDays(anchorDay(anchor), shift);
  const how = `${offset === -1 ? 'last' : offset === 1 ? 'next' : forward ? 'next' : 'last'} ${WEEKDAY_NAMES[weekday]} ${
    strict ? (forward ? 'after' : 'before') : forward ? 'on or after' : 'on or before'
  } published ${anchor.value}`;
  return { value: isoDay(day), precision: 'day', range: dayRange(day), resolved: true, inferred: true, note: how, tenseUsed: !strict, attrs };
}

function resolveWeekend(offset: number | null, anchor: Anchor | null, tense: Tense): Resolution {
  const attrs: Record<string, AttrValue> = { relative: true, weekend: true };
  if (!knows(anchor, 'day')) return unresolved(anchor, 'day', attrs);
  const saturday = resolveWeekday(6, offset, anchor, tense);
  const [year, month, day] = saturday.value.split('-').map(Number) as [number, number, number];
  const sunday = shiftDays({ year, month, day }, 1);
  return {
    value: `${saturday.value}/${isoDay(sunday)}`,
    precision: 'day',
    range: { start: saturday.value, end: isoDay(sunday) },
    resolved: true,
    inferred: true,
    note: `weekend of ${saturday.note}`,
    ...(saturday.tenseUsed ? { tenseUsed: true } : {}),
    attrs,
  };
}

function resolveMonth(month: number, offset: number | null, anchor: Anchor | null, tense: Tense): Resolution {
  const attrs: Record<string, AttrValue> = { month, relative: true };
  if (offset !== null) attrs['offset'] = offset;
  if (!knows(anchor, 'month')) return unresolved(anchor, 'month', attrs);
  let year: number;
  let how: string;
  if (offset === -1) {
    year = month < anchor.month ? anchor.year : anchor.year - 1;
    how = 'strictly before';
  } else if (offset === 1) {
    year = month > anchor.month ? anchor.year : anchor.year + 1;
    how = 'strictly after';
  } else if (offset === 0) {
    year = anchor.year;
    how = 'in the year of';
  } else if (tense === 'past') {
    year = month <= anchor.month ? anchor.year : anchor.year - 1;
    how = 'on or before';
  } else {
    year = month >= anchor.month ? anchor.year : anchor.year + 1;
    how = 'on or after (future clause)';
  }
  return {
    value: isoMonth(year, month),
    precision: 'month',
    range: monthRange(year, month),
    resolved: true,
    inferred: true,
    note: `month ${isoMonth(year, month)} ${how} published month ${isoMonth(anchor.year, anchor.month)}`,
    tenseUsed: offset === null,
    attrs,
  };
}

function resolveShift(unit: ShiftUnit, amount: number, anchor: Anchor | null): Resolution {
  const attrs: Record<string, AttrValue> = { relative: true, unit, offset: amount };
  const note = (value: string) => `${amount >= 0 ? '+' : ''}${amount} ${unit} from published ${anchor?.value} = ${value}`;
  if (unit === 'year') {
    if (!knows(anchor, 'year')) return unresolved(anchor, 'year', attrs);
    const year = anchor.year + amount;
    return { ...stated(year), inferred: true, note: note(isoYear(year)), attrs };
  }
  if (unit === 'month') {
    if (!knows(anchor, 'month')) return unresolved(anchor, 'month', attrs);
    const { year, month } = shiftMonths(anchor.year, anchor.month, amount);
    return { ...stated(year, month), inferred: true, note: note(isoMonth(year, month)), attrs };
  }
  if (!knows(anchor, 'day')) return unresolved(anchor, 'day', attrs);
  if (unit === 'week') {
    const range = isoWeekOf(shiftDays(anchorDay(anchor), 7 * amount));
    const value = `${range.start}/${range.end}`;
    return { value, precision: 'day', range, resolved: true, inferred: true, note: note(`week ${value}`), attrs };
  }
  // Hours and minutes ago land on the publication day (the grammar has no clock anchor).
  const day = unit === 'day' ? shiftDays(anchorDay(anchor), amount) : anchorDay(anchor);
  return { value: isoDay(day), precision: 'day', range: dayRange(day), resolved: true, inferred: true, note: note(isoDay(day)), attrs };
}

function resolveSeason(season: Season, year: number | undefined, offset: number | undefined, anchor: Anchor | null): Resolution {
  const attrs: Record<string, AttrValue> = { season };
  let resolvedYear = year;
  let note: string | undefined;
  if (resolvedYear === undefined) {
    attrs['relative'] = true;
    attrs['offset'] = offset ?? 0;
    if (!knows(anchor, 'month')) return unresolved(anchor, 'month', attrs);
    const end = seasonEndMonth(season);
    const start = seasonRange(anchor.year, season).start;
    const startMonth = Number(start.slice(5, 7));
    if (offset === -1) resolvedYear = season === 'winter' ? anchor.year - 1 : anchor.month > end ? anchor.year : anchor.year - 1;
    else if (offset === 1) resolvedYear = season === 'winter' ? anchor.year : anchor.month < startMonth ? anchor.year : anchor.year + 1;
    else resolvedYear = anchor.year;
    note = `${season} ${resolvedYear} from published ${anchor.value} (offset ${offset ?? 0})`;
  }
  return {
    value: `${isoYear(resolvedYear)}-${season}`,
    precision: 'season',
    range: seasonRange(resolvedYear, season),
    resolved: true,
    inferred: year === undefined,
    ...(note ? { note } : {}),
    attrs,
  };
}

function resolveQuarter(spec: TimeSpec & { type: 'quarter' }, anchor: Anchor | null): Resolution {
  const attrs: Record<string, AttrValue> = { [spec.months === 3 ? 'quarter' : 'half']: spec.index };
  let year = spec.year;
  let note: string | undefined;
  if (year === undefined) {
    attrs['relative'] = true;
    if (!knows(anchor, 'year')) return unresolved(anchor, 'year', attrs);
    year = anchor.year + (spec.offset ?? 0);
    note = `year ${year} from published ${anchor.value}`;
  }
  const firstMonth = (spec.index - 1) * spec.months + 1;
  const lastMonth = firstMonth + spec.months - 1;
  return {
    value: `${isoMonth(year, firstMonth)}/${isoMonth(year, lastMonth)}`,
    precision: 'month',
    range: { start: monthRange(year, firstMonth).start, end: monthRange(year, lastMonth).end },
    resolved: true,
    inferred: spec.year === undefined,
    ...(note ? { note } : {}),
    attrs,
  };
}

function partOfDecade(start: number, part: 'early' | 'mid' | 'late'): DayRange {
  const [first, last] = part === 'early' ? [0, 3] : part === 'mid' ? [3, 6] : [6, 9];
  return { start: yearRange(start + first).start, end: yearRange(start + last).end };
}

const DURATION_CODES: Record<string, [string, number, boolean]> = {
  day: ['D', 1, false],
  week: ['W', 1, false],
  month: ['M', 1, false],
  year: ['Y', 1, false],
  decade: ['Y', 10, false],
  century: ['Y', 100, false],
  hour: ['H', 1, true],
  minute: ['M', 1, true],
};

/** ISO 8601 duration: "P4Y", "P2W", "PT48H"; decades and centuries in years ("P20Y"). */
export function isoDuration(amount: string, unit: string): string {
  const [code, factor, clock] = DURATION_CODES[unit] ?? ['D', 1, false];
  const scaled = factor === 1 ? amount : String(Number(amount) * factor);
  return `P${clock ? 'T' : ''}${scaled}${code}`;
}

