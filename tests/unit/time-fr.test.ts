import { describe, expect, test } from 'vitest';
import { brief, extractAll } from '../fixtures/extraction/lexicon.js';

const times = (text: string, published: string | null = null) =>
  extractAll('fr', text, published).filter((m) => m.kind === 'time' || m.kind === 'duration');
const one = (text: string, published: string | null = null) => {
  const found = times(text, published);
  expect(found, brief(found).join(' | ')).toHaveLength(1);
  return found[0]!;
};

describe('French dates', () => {
  test.each([
    ['a échangé, jeudi 16 octobre 2025, à Moscou', 'jeudi 16 octobre 2025', '2025-10-16'],
    ['le 03 décembre 2020, avec le Ministre', '03 décembre 2020', '2020-12-03'],
    ['le 1er octobre 2019 à Paris', '1er octobre 2019', '2019-10-01'],
    ['dès le 1er mars 2020', '1er mars 2020', '2020-03-01'],
    ['publié le 16 oct. 2025', '16 oct. 2025', '2025-10-16'],
    ['Par Mohamed Chakir Alaoui Le 06/03/2026', '06/03/2026', '2026-03-06'],
    ['le 03/12/2020, à Rabat', '03/12/2020', '2020-12-03'],
    ['mis à jour 2025-10-16', '2025-10-16', '2025-10-16'],
    ['conclu en mars 2016 entre', 'mars 2016', '2016-03'],
    ['Rabat a accueilli en septembre 2006, le Président', 'septembre 2006', '2006-09'],
  ])('%s', (sentence, text, value) => {
    const mention = one(sentence);
    expect(mention.text).toBe(text);
    expect(mention.value).toBe(value);
    expect(mention.stated).toBe(true);
    expect(mention.attrs['resolved']).toBe(true);
  });

  test('a full date keeps its weekday and says whether it matches', () => {
    const right = one('jeudi 16 octobre 2025');
    expect(right.attrs).toMatchObject({ weekday: 4, weekdayMatches: true, start: '2025-10-16', end: '2025-10-16' });
    const wrong = one('mardi 16 octobre 2025');
    expect(wrong.attrs).toMatchObject({ weekday: 2, weekdayMatches: false, actualWeekday: 4 });
  });

  test('a day and month without year take the year of publication, marked as inferred', () => {
    const mention = one('la réunion du 16 octobre', '2025-10-20');
    expect(mention.value).toBe('2025-10-16');
    expect(mention.stated).toBe(false);
    expect(mention.rule).toContain('2025-10-20');
    // news reports the past: a later day of the year is last year's
    expect(one('la réunion du 16 octobre', '2025-10-10').value).toBe('2024-10-16');
    // unless the clause is about the future
    expect(one('la réunion se tiendra le 16 octobre', '2025-10-10').value).toBe('2025-10-16');
  });

  test('month precision is kept for month and year', () => {
    expect(one('en mars 2016').precision).toBe('month');
    expect(one('en mars 2016').attrs).toMatchObject({ start: '2016-03-01', end: '2016-03-31' });
  });
});

describe('French bare years', () => {
  test('years listed together are separate mentions of one group', () => {
    const found = times('En 2016 et 2022, le Souverain a effectué deux visites officielles à Moscou.');
    expect(brief(found)).toEqual(['time 2016=2016', 'time 2022=2022']);
    expect(found[0]!.attrs['group']).toBeDefined();
    expect(found[0]!.attrs['group']).toBe(found[1]!.attrs['group']);
    expect(found.every((m) => m.precision === 'year')).toBe(true);
  });

  test.each([
    ['la 8ème session, prévue pour 2021, et', '2021'],
    ['dont la prochaine édition se tiendra au Maroc courant 2021', '2021'],
    ['un partenariat renforcé depuis 2016, où', '2016'],
    ['la visite historique à Moscou en 2016, où des accords', '2016'],
    ["jusqu'en 2030 au moins", '2030'],
  ])('%s', (sentence, value) => {
    const mention = one(sentence);
    expect(mention.value).toBe(value);
    expect(mention.precision).toBe('year');
  });

  test('a year range is one mention', () => {
    expect(brief(times('le mandat 2016-2022 a été'))).toEqual(['time 2016-2022=2016/2022']);
    expect(brief(times('entre 2002 et 2016, les relations'))).toEqual(['time entre 2002 et 2016=2002/2016']);
  });

  test('years in unrelated places of a sentence are not grouped', () => {
    const found = times('En 2016, le roi est venu ; il est reparti en 2022.');
    expect(found).toHaveLength(2);
    expect(found[0]!.attrs['group']).toBeUndefined();
  });
});

describe('French relative expressions', () => {
  test('a weekday resolves to the most recent one on or before publication', () => {
    const mention = one("Nasser Bourita s'est entretenu vendredi par téléphone", '2026-03-06');
    expect(mention.value).toBe('2026-03-06');
    expect(mention.stated).toBe(false);
    expect(mention.attrs).toMatchObject({ weekday: 5, resolved: true, relative: true });
    expect(mention.rule).toContain('Friday on or before published 2026-03-06');
    expect(one('a rencontré jeudi son homologue', '2026-03-06').value).toBe('2026-03-05');
  });

  test('a weekday without publication date stays unresolved but keeps the weekday', () => {
    const mention = one('a rencontré son homologue dimanche à Sotchi');
    expect(mention).toMatchObject({ value: '', stated: false });
    expect(mention.attrs).toMatchObject({ weekday: 7, resolved: false });
  });

  test('a future clause resolves forward', () => {
    expect(one('La réunion se tiendra jeudi à Rabat', '2026-03-06').value).toBe('2026-03-12');
    expect(one('Il a annoncé mardi qu’il se rendra à Rabat', '2026-03-06').value).toBe('2026-03-03');
    expect(one('jeudi prochain', '2026-03-05').value).toBe('2026-03-12');
    expect(one('jeudi dernier', '2026-03-05').value).toBe('2026-02-26');
  });

  test('"septembre dernier" is the last September strictly before the publication month', () => {
    const mention = one('entretenus en septembre dernier à New York', '2024-11-10');
    expect(mention).toMatchObject({ text: 'septembre dernier', value: '2024-09', precision: 'month', stated: false });
    expect(one('septembre dernier', '2024-09-20').value).toBe('2023-09');
    expect(one('septembre dernier', '2020-12').value).toBe('2020-09');
    expect(one('septembre dernier').attrs).toMatchObject({ resolved: false, month: 9 });
  });

  test('a month with a cue and no year follows the tense policy', () => {
    expect(one('il est venu en septembre', '2025-03-01').value).toBe('2024-09');
    expect(one('il viendra en septembre', '2025-03-01').value).toBe('2025-09');
  });
});

describe('French durations and clock times', () => {
  test('durations are kept apart from points in time', () => {
    const mention = one("l'Accord de Pêche, pour une période de quatre ans.");
    expect(mention).toMatchObject({ kind: 'duration', text: 'quatre ans', value: 'P4Y' });
    expect(one('pendant deux semaines').value).toBe('P2W');
    expect(one('une peine de 10 ans de prison').value).toBe('P10Y');
  });

  test('an adjective between the amount and the unit keeps the duration ("deux dernières décennies")', () => {
    expect(one('au cours des deux dernières décennies, le trafic a doublé')).toMatchObject({ kind: 'duration', text: 'deux dernières décennies', value: 'P20Y' });
    expect(one('pendant les trois prochaines semaines').value).toBe('P3W');
  });

  test.each([
    ['- 20:03Retour aux sources : Stefano Pioli reprend les rênes', 'T20:03'],
    ['Le 06/03/2026 à 18h06', 'T18:06'],
    ['vers 18 h 30 heure locale', 'T18:30'],
  ])('clock time in "%s"', (sentence, value) => {
    const clock = times(sentence).find((m) => m.attrs['clock'] === true)!;
    expect(clock.value).toBe(value);
    expect(clock.precision).toBeUndefined();
    expect(times(sentence).some((m) => m.precision === 'year')).toBe(false);
  });
});

describe('French traps: no time mention', () => {
  test.each([
    'Sa Majesté le Roi Mohammed VI et le Président Vladimir Poutine',
    'Liverpool retire le numéro 20 en hommage à Diogo Jota',
    'El-Bakkali remporte le 3.000m steeple',
    'cible Ismael Saibari pour 40 millions d’euros',
    "un Airbus A320 de la compagnie",
    'la pandémie de COVID-19 a frappé',
    'le sommet du G20 à Rome',
    'sous Windows 10 et 11',
    'La CAN Féminine 2025 : Maroc-Sénégal, un duel décisif',
    'pour 2000 euros par mois',
    'en 1500 mètres, il a battu le record',
    'entre 2000 et 3000 manifestants',
    'de 1500 à 2000 mètres',
    'la sonde a été envoyée vers Mars',
    'Il a marqué 2 buts',
  ])('%s', (sentence) => {
    const found = times(sentence).filter((m) => m.kind === 'time' && m.attrs['clock'] !== true);
    expect(brief(found)).toEqual([]);
  });
});
