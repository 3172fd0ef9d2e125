import type { CalendarUnit, PeriodPart, Season } from './lexicon.js';

/** Calendar parts as written: any of them may be missing ("16 octobre" has no year). */
export interface DateParts {
  year?: number;
  month?: number;
  day?: number;
}

/** Units a relative expression can move by ("il y a deux ans", "la semaine prochaine", "hier"). */
export type ShiftUnit = 'day' | 'week' | 'month' | 'year' | 'hour' | 'minute';

/**
 * What a parser read, before any resolution against the publication date: stated parts only.
 * `offset` is the relative word's direction (-1 last, 0 this, +1 next) or null when none was written.
 */
export type TimeSpec =
  | { type: 'date'; date: DateParts; weekday?: number }
  | { type: 'range'; from: DateParts; to: DateParts }
  | { type: 'ambiguousDate'; readings: DateParts[] }
  | { type: 'part'; date: DateParts; part: PeriodPart }
  | { type: 'season'; season: Season; year?: number; offset?: number }
  | { type: 'decade'; start: number; part?: PeriodPart }
  | { type: 'quarter'; year?: number; index: number; months: 3 | 6; offset?: number }
  | { type: 'weekday'; weekday: number; offset: number | null; partOfDay?: string }
  | { type: 'weekend'; offset: number | null }
  | { type: 'month'; month: number; offset: number | null }
  | { type: 'shift'; unit: ShiftUnit; amount: number }
  | { type: 'clock'; hour: number; minute: number }
  | { type: 'duration'; amount: string; unit: CalendarUnit };
