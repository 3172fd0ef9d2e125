import { describe, expect, test } from 'vitest';
import { anchorOf, isoDuration, resolveTime } from '../../src/extract/time/resolve.js';
import { publishedOn } from '../fixtures/extraction/lexicon.js';

const anchor = (value: string | null) => anchorOf(publishedOn(value));

describe('resolution policy', () => {
  test('the anchor keeps the precision the publication date has', () => {
    expect(anchor('2025-10-16')).toMatchObject({ year: 2025, month: 10, day: 16, precision: 'day' });
    expect(anchor('2020-12')).toMatchObject({ year: 2020, month: 12, precision: 'month' });
    expect(anchor('2016')).toMatchObject({ year: 2016, precision: 'year' });
    expect(anchor(null)).toBeNull();
  });

  test('a weekday needs a publication day; a month-precision date leaves it unresolved', () => {
    const weekday = { type: 'weekday', weekday: 4, offset: null } as const;
    expect(resolveTime(weekday, anchor('2025-10-16'), 'past')).toMatchObject({ value: '2025-10-16', resolved: true, inferred: true });
    const unresolved = resolveTime(weekday, anchor('2020-12'), 'past');
    expect(unresolved).toMatchObject({ value: '', resolved: false });
    expect(unresolved.note).toContain('needs the publication day');
  });

  test('relative units keep the precision they really have', () => {
    const now = anchor('2025-10-16');
    expect(resolveTime({ type: 'shift', unit: 'year', amount: -1 }, now, 'past')).toMatchObject({ value: '2024', precision: 'year' });
    expect(resolveTime({ type: 'shift', unit: 'month', amount: -3 }, now, 'past')).toMatchObject({ value: '2025-07', precision: 'month' });
    expect(resolveTime({ type: 'shift', unit: 'week', amount: 1 }, now, 'past')).toMatchObject({
      value: '2025-10-20/2025-10-26',
      precision: 'day',
      range: { start: '2025-10-20', end: '2025-10-26' },
    });
    expect(resolveTime({ type: 'shift', unit: 'day', amount: -1 }, now, 'past')).toMatchObject({ value: '2025-10-15', precision: 'day' });
    // a year-precision publication date still resolves "l'an dernier"
    expect(resolveTime({ type: 'shift', unit: 'year', amount: -1 }, anchor('2016'), 'past').value).toBe('2015');
  });

  test('a month with a direction is strict; without one it follows the tense', () => {
    const now = anchor('2025-10-16');
    expect(resolveTime({ type: 'month', month: 10, offset: -1 }, now, 'past').value).toBe('2024-10');
    expect(resolveTime({ type: 'month', month: 10, offset: 1 }, now, 'past').value).toBe('2026-10');
    expect(resolveTime({ type: 'month', month: 10, offset: null }, now, 'past').value).toBe('2025-10');
    expect(resolveTime({ type: 'month', month: 11, offset: null }, now, 'past').value).toBe('2024-11');
    expect(resolveTime({ type: 'month', month: 11, offset: null }, now, 'future').value).toBe('2025-11');
  });

  test('parts, seasons, decades and quarters cover the days they mean', () => {
    expect(resolveTime({ type: 'part', date: { year: 2024 }, part: 'early' }, null, 'past')).toMatchObject({
      value: '2024',
      precision: 'year',
      range: { start: '2024-01-01', end: '2024-04-30' },
    });
    expect(resolveTime({ type: 'part', date: { year: 2024, month: 2 }, part: 'late' }, null, 'past').range).toEqual({
      start: '2024-02-21',
      end: '2024-02-29',
    });
    expect(resolveTime({ type: 'season', season: 'summer', year: 2020 }, null, 'past')).toMatchObject({
      value: '2020-summer',
      precision: 'season',
      range: { start: '2020-06-01', end: '2020-09-22' },
    });
    expect(resolveTime({ type: 'decade', start: 1990 }, null, 'past')).toMatchObject({
      value: '199X',
      precision: 'decade',
      range: { start: '1990-01-01', end: '1999-12-31' },
    });
    expect(resolveTime({ type: 'quarter', year: 2021, index: 4, months: 3 }, null, 'past')).toMatchObject({
      value: '2021-10/2021-12',
      range: { start: '2021-10-01', end: '2021-12-31' },
    });
  });

  test('a range across the new year puts its start in the year before', () => {
    expect(resolveTime({ type: 'range', from: { month: 12, day: 28 }, to: { year: 2025, month: 1, day: 3 } }, null, 'past').value).toBe(
      '2024-12-28/2025-01-03',
    );
  });

  test('durations are ISO 8601', () => {
    expect(isoDuration('4', 'year')).toBe('P4Y');
    expect(isoDuration('2', 'week')).toBe('P2W');
    expect(isoDuration('48', 'hour')).toBe('PT48H');
    expect(isoDuration('20', 'minute')).toBe('PT20M');
    expect(isoDuration('2', 'decade')).toBe('P20Y');
    expect(isoDuration('1.5', 'year')).toBe('P1.5Y');
  });
});
