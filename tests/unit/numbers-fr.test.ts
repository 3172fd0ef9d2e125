import { describe, expect, test } from 'vitest';
import { extractNumbers } from '../../src/extract/numbers/index.js';
import { brief, extractAll } from '../fixtures/extraction/lexicon.js';
import { bundled } from '../helpers.js';

const numbers = (text: string) => extractAll('fr', text).filter((m) => m.kind === 'number' || m.kind === 'ordinal');
const one = (text: string) => {
  const found = numbers(text);
  expect(found, brief(found).join(' | ')).toHaveLength(1);
  return found[0]!;
};

describe('French quantities', () => {
  test.each([
    ['12 000 manifestants', '12 000', '12000', undefined],
    ['12\u00a0000 manifestants', '12\u00a0000', '12000', undefined],
    ['12\u202f000 manifestants', '12\u202f000', '12000', undefined],
    ['un budget de 1,5 milliard', '1,5 milliard', '1500000000', undefined],
    ['pour 40 millions d’euros', '40 millions d’euros', '40000000', 'EUR'],
    ['pour 40 M€ au total', '40 M€', '40000000', 'EUR'],
    ['remporte le 3.000m steeple', '3.000m', '3000', 'm'],
    ['une hausse de 12 %', '12 %', '12', '%'],
    ['2,5 pour cent de croissance', '2,5 pour cent', '2.5', '%'],
    ['une amende de 500 euros', '500 euros', '500', 'EUR'],
    ['50 millions de livres', '50 millions de livres', '50000000', 'GBP'],
  ])('%s', (sentence, text, value, unit) => {
    const mention = one(sentence);
    expect(mention).toMatchObject({ kind: 'number', text, value });
    expect(mention.attrs['unit']).toBe(unit);
  });

  test('number words, hyphenated or not', () => {
    expect(one('cinq villages détruits')).toMatchObject({ value: '5', attrs: { word: true, noun: 'villages' } });
    expect(one('vingt-cinq blessés').value).toBe('25');
    expect(one('quatre-vingt-dix députés').value).toBe('90');
    expect(one('soixante et onze voix').value).toBe('71');
    expect(one('deux cent mille personnes').value).toBe('200000');
    expect(one('trois millions d’habitants')).toMatchObject({ value: '3000000' });
  });

  test('qualifiers', () => {
    expect(one('environ 300 personnes').attrs['qualifier']).toBe('about');
    expect(one('plus de 300 personnes').attrs['qualifier']).toBe('more-than');
    expect(one('au moins 300 personnes').attrs['qualifier']).toBe('at-least');
    expect(one('moins de 300 personnes').attrs['qualifier']).toBe('less-than');
    expect(one('300 personnes').attrs['qualifier']).toBe('exact');
  });

  test('the counted noun is the next content word', () => {
    expect(one('12 000 manifestants').attrs['noun']).toBe('manifestants');
  });
});

describe('French ordinals', () => {
  test.each([
    ['la 8e session', '8e', '8'],
    ['la 8ème session', '8ème', '8'],
    ['la 8eme session', '8eme', '8'],
    ['la huitième session', 'huitième', '8'],
    ['le 1er ministre', '1er', '1'],
    ['la 1re édition', '1re', '1'],
    ['la 79e Assemblée Générale', '79e', '79'],
    ['la deuxième visite', 'deuxième', '2'],
    ['la vingt-cinquième édition', 'vingt-cinquième', '25'],
  ])('%s', (sentence, text, value) => {
    expect(one(sentence)).toMatchObject({ kind: 'ordinal', text, value });
  });

  test('titles are not ranks', () => {
    expect(numbers('le Premier ministre et le Vice-Premier ministre')).toEqual([]);
  });
});

describe('French traps: no number', () => {
  test.each([
    'Sa Majesté le Roi Mohammed VI',
    'Liverpool retire le numéro 20 en hommage',
    'un Airbus A320',
    'la pandémie de COVID-19',
    'le sommet du G20',
    'sous Windows 10',
    'La CAN Féminine 2025',
    'appelez le 06 12 34 56 78',
    'un accord avec une délégation',
  ])('%s', (sentence) => {
    expect(brief(numbers(sentence))).toEqual([]);
  });

  test('years taken as times are not numbers', () => {
    expect(brief(extractAll('fr', 'En 2016 et 2022, le Souverain'))).toEqual(['time 2016=2016', 'time 2022=2022']);
  });
});

describe('numbers at the start of an article body', () => {
  test('reads an ordinal right after a date header as an ordinal, not an identifier', () => {
    const text = ' date 2024-03-02 La 4e session de la commission.';
    const found = extractNumbers(text, [17, text.length], { lang: 'fr', lexicon: bundled().lexicon.locales.fr! }, []);
    expect(found.map((m) => [m.kind, m.text, m.value])).toEqual([['ordinal', '4e', '4']]);
  });
});
