import type { Precision, TimeValue } from '../model/time.js';

const ORDER: Precision[] = ['day', 'month', 'season', 'year', 'decade'];

/** The coarser of two precisions: "2015" vs "2015-03" are compared at year precision. */
export function commonPrecision(a: Precision, b: Precision): Precision {
  return ORDER[Math.max(ORDER.indexOf(a), ORDER.indexOf(b))]!;
}

/**
 * Two calendar values are compatible when the days they cover overlap: a year and a month inside it, a
 * day and the month it is in, a range and a day inside it. This is comparison at the common precision.
 */
export function timesCompatible(a: TimeValue, b: TimeValue): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** How many days apart two values are at their closest (0 when they overlap). */
export function daysApart(a: TimeValue, b: TimeValue): number {
  if (timesCompatible(a, b)) return 0;
  const [earlier, later] = a.end < b.start ? [a, b] : [b, a];
  return Math.round((Date.parse(later.start) - Date.parse(earlier.end)) / 86_400_000);
}
