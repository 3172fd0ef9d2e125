import { describe, expect, test } from 'vitest';
import { brief, extractAll } from '../fixtures/extraction/lexicon.js';

const times = (text: string, published: string | null = null) =>
  extractAll('en', text, published).filter((m) => m.kind === 'time' || m.kind === 'duration');
const one = (text: string, published: string | null = null) => {
  const found = times(text, published);
  expect(found, brief(found).join(' | ')).toHaveLength(1);
  return found[0]!;
};

describe('English dates', () => {
  test.each([
    ['The talks were held on Thursday, October 16, 2025, in Moscow.', 'Thursday, October 16, 2025', '2025-10-16'],
    ['It opened on 16 October 2025 in Rabat.', '16 October 2025', '2025-10-16'],
    ['Filed Nov. 30, 2009, by the agency.', 'Nov. 30, 2009', '2009-11-30'],
    ['on the 3rd of May 2021 the court', '3rd of May 2021', '2021-05-03'],
    ['The partnership was signed in March 2016.', 'March 2016', '2016-03'],
    ['Updated 2025-10-16 at noon', '2025-10-16', '2025-10-16'],
    ['released on 16.10.2025 in Berlin', '16.10.2025', '2025-10-16'],
    ['the filing dated 10/16/2025', '10/16/2025', '2025-10-16'],
  ])('%s', (sentence, text, value) => {
    const mention = one(sentence);
    expect(mention.text).toBe(text);
    expect(mention.value).toBe(value);
    expect(mention.stated).toBe(true);
  });

  test('"Feb. 22" takes its year from the publication date', () => {
    const mention = one('The vote on Feb. 22 was close.', '2024-03-01');
    expect(mention).toMatchObject({ text: 'Feb. 22', value: '2024-02-22', stated: false });
  });

  test('03/12/2020 keeps both readings', () => {
    const mention = one('The letter dated 03/12/2020 was sent.');
    expect(mention.value).toBe('2020-03-12/2020-12-03');
    expect(mention.attrs).toMatchObject({ ambiguous: true, readings: ['2020-03-12', '2020-12-03'] });
    expect(mention.rule).toContain('ambiguous');
  });
});

describe('English bare years', () => {
  test('"in 2002 and again in 2016" is two grouped years', () => {
    const found = times('Two Royal Visits to Moscow—in 2002 and again in 2016—laid the groundwork.');
    expect(brief(found)).toEqual(['time 2002=2002', 'time 2016=2016']);
    expect(found[0]!.attrs['group']).toBe(found[1]!.attrs['group']);
  });

  test.each([
    ['In 2008, the company collapsed.', '2008'],
    ['the partnership established in 2016 between King Mohammed VI and President Putin', '2016'],
    ['Relations have improved since 2016.', '2016'],
    ['a deal expected by 2030 at the latest', '2030'],
    ['The partnership signed in 2019 remains central.', '2019'],
  ])('%s', (sentence, value) => {
    expect(one(sentence)).toMatchObject({ value, precision: 'year' });
  });

  test('ranges of years', () => {
    expect(one('between 2002 and 2016 the two').value).toBe('2002/2016');
    expect(one('the 2014-16 drought').value).toBe('2014/2016');
  });
});

describe('English relative expressions', () => {
  test('"this Thursday" without a publication date is unresolved and keeps the weekday', () => {
    const mention = one('Nasser Bourita met this Thursday with his Russian counterpart');
    expect(mention).toMatchObject({ text: 'this Thursday', value: '', stated: false });
    expect(mention.attrs).toMatchObject({ weekday: 4, resolved: false, relative: true });
  });

  test('"this Thursday" resolves against the publication date', () => {
    const mention = one('Nasser Bourita met this Thursday with his Russian counterpart', '2025-10-16');
    expect(mention.value).toBe('2025-10-16');
    expect(mention.rule).toMatch(/Thursday on or before published 2025-10-16/);
  });

  test.each([
    ['The minister spoke on Tuesday.', '2025-10-16', 'Tuesday', '2025-10-14'],
    ['Friday morning, the quake struck.', '2025-10-16', 'Friday morning', '2025-10-10'],
    ['The summit will open on Friday.', '2025-10-16', 'Friday', '2025-10-17'],
    ['He said on Tuesday that he will resign.', '2025-10-16', 'Tuesday', '2025-10-14'],
    ['They met last September in New York.', '2025-10-16', 'last September', '2025-09'],
    ['They met last September in New York.', '2025-08-16', 'last September', '2024-09'],
  ])('%s (published %s)', (sentence, published, text, value) => {
    expect(one(sentence, published)).toMatchObject({ text, value, stated: false });
  });

  test('"Black Friday" and "may" are not dates', () => {
    expect(times('Shoppers crowded stores on Black Friday.', '2025-12-01')).toEqual([]);
    expect(times('He may 5 times appeal.')).toEqual([]);
    expect(times('Protesters march 10 miles.')).toEqual([]);
  });
});

describe('English durations and clock times', () => {
  test.each([
    ['The agreement runs for four years.', 'four years', 'P4Y'],
    ['The search lasted nine days.', 'nine days', 'P9D'],
    ['after three weeks of talks', 'three weeks', 'P3W'],
    ['a 10-year sentence', '10-year', 'P10Y'],
  ])('%s', (sentence, text, value) => {
    expect(one(sentence)).toMatchObject({ kind: 'duration', text, value });
  });

  test('"three weeks ago" is a point in time, not a duration', () => {
    const mention = one('The fire started three weeks ago.', '2025-10-16');
    expect(mention).toMatchObject({ kind: 'time', text: 'three weeks ago', value: '2025-09-22/2025-09-28' });
  });

  test.each([
    ['The quake hit at 10:30 a.m. local time.', 'T10:30'],
    ['Polls closed at 8 pm.', 'T20:00'],
    ['Doors open at 20:03.', 'T20:03'],
  ])('%s', (sentence, value) => {
    const clock = one(sentence);
    expect(clock).toMatchObject({ value, attrs: { clock: true } });
    expect(clock.precision).toBeUndefined();
  });
});

describe('English traps: no time mention', () => {
  test.each([
    'King Mohammed VI and President Vladimir Putin',
    'The A320 landed safely.',
    'COVID-19 cases rose.',
    'The G20 summit opened.',
    'It runs on Windows 10.',
    'More than 2000 people were evacuated.',
    'in 1500 metres of water',
    'between 2000 and 3000 people',
    'She won 3 medals.',
    'She is in her 90s.',
  ])('%s', (sentence) => {
    expect(brief(times(sentence))).toEqual([]);
  });
});
