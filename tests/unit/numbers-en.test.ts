import { describe, expect, test } from 'vitest';
import { brief, extractAll } from '../fixtures/extraction/lexicon.js';

const numbers = (text: string) => extractAll('en', text).filter((m) => m.kind === 'number' || m.kind === 'ordinal');
const one = (text: string) => {
  const found = numbers(text);
  expect(found, brief(found).join(' | ')).toHaveLength(1);
  return found[0]!;
};

describe('English quantities', () => {
  test.each([
    ['12,000 protesters', '12,000', '12000', undefined],
    ['a 1.5 billion budget', '1.5 billion', '1500000000', undefined],
    ['a £125m deal', '£125m', '125000000', 'GBP'],
    ['a $184M contract', '$184M', '184000000', 'USD'],
    ['$1.5bn in aid', '$1.5bn', '1500000000', 'USD'],
    ['€40 million in fines', '€40 million', '40000000', 'EUR'],
    ['40 million euros', '40 million euros', '40000000', 'EUR'],
    ['a 550 pounds bear', '550 pounds', '550', 'lb'],
    ['50 million pounds', '50 million pounds', '50000000', 'GBP'],
    ['12 percent of voters', '12 percent', '12', '%'],
    ['a magnitude 6.1 quake', '6.1', '6.1', undefined],
    ['250 kg of explosives', '250 kg', '250', 'kg'],
  ])('%s', (sentence, text, value, unit) => {
    const mention = one(sentence);
    expect(mention).toMatchObject({ kind: 'number', text, value });
    expect(mention.attrs['unit']).toBe(unit);
  });

  test('number words', () => {
    expect(one('five villages were destroyed')).toMatchObject({ value: '5', attrs: { word: true, noun: 'villages' } });
    expect(one('twenty-five people').value).toBe('25');
    expect(one('two hundred and fifty homes').value).toBe('250');
    expect(one('three thousand troops').value).toBe('3000');
    expect(one('a million people').value).toBe('1000000');
  });

  test('qualifiers', () => {
    expect(one('about 300 people').attrs['qualifier']).toBe('about');
    expect(one('more than 300 people').attrs['qualifier']).toBe('more-than');
    expect(one('at least 300 people').attrs['qualifier']).toBe('at-least');
    expect(one('nearly 300 people').attrs['qualifier']).toBe('about');
    expect(one('up to 300 people').attrs['qualifier']).toBe('at-most');
  });
});

describe('English ordinals', () => {
  test.each([
    ['the eighth session', 'eighth', '8'],
    ['the 8th session', '8th', '8'],
    ['the 6th Forum', '6th', '6'],
    ['the 79th General Assembly', '79th', '79'],
    ['the second visit', 'second', '2'],
    ['the 2nd visit', '2nd', '2'],
    ['the twenty-first century', 'twenty-first', '21'],
  ])('%s', (sentence, text, value) => {
    expect(one(sentence)).toMatchObject({ kind: 'ordinal', text, value });
  });

  test('"1 second" is a unit of time', () => {
    expect(numbers('it took 1 second').filter((m) => m.kind === 'ordinal')).toEqual([]);
  });
});

describe('English traps: no number', () => {
  test.each([
    'King Mohammed VI',
    'flight number 20 was late',
    'The A320 landed.',
    'COVID-19 cases rose.',
    'The G20 summit opened.',
    'It runs on Windows 10.',
    'Call +1 555 123 4567 now.',
    'one of the reasons',
  ])('%s', (sentence) => {
    expect(brief(numbers(sentence))).toEqual([]);
  });
});
