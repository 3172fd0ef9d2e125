import { describe, expect, it } from 'vitest';
import { mentionsOf } from '../helpers.js';

function names(text: string, lang: 'fr' | 'en') {
  return mentionsOf(text, { lang }).filter((m) => m.kind === 'person' || m.kind === 'place' || m.kind === 'org')
    .map((m) => ({ kind: m.kind, text: m.text, value: m.value, title: m.attrs.title }));
}

describe('extractNames', () => {
  it('strips honorifics and titles from people and remembers the title', () => {
    const found = names('La présidente Ewa Nowak a reçu M. Jan Kowalski à Varsovie.', 'fr');
    expect(found).toContainEqual({ kind: 'person', text: 'Ewa Nowak', value: 'Ewa Nowak', title: 'president' });
    expect(found).toContainEqual(expect.objectContaining({ kind: 'person', text: 'Jan Kowalski', value: 'Jan Kowalski' }));
    expect(found).toContainEqual(expect.objectContaining({ kind: 'place', text: 'Varsovie', value: 'warsaw' }));
  });

  it('resolves a title standing alone to the person introduced with it', () => {
    const text = 'Le Roi Harald V a inauguré le pont. Plus tard, le Souverain a visité Oslo.';
    const person = mentionsOf(text, { lang: 'fr' }).find((m) => m.kind === 'person' && m.text === 'Souverain');
    expect(person?.value).toBe('Harald V');
  });

  it('gives a title set off by commas to the name it introduces, not to someone named earlier', () => {
    const text = 'Le ministre Jan Kowalski est à Oslo.\n\nLe ministre, Ewa Nowak, a effectué deux visites à Rome.';
    const people = mentionsOf(text, { lang: 'fr' }).filter((m) => m.kind === 'person');
    const second = people.filter((m) => m.span[0] > text.indexOf('\n'));
    expect(second.map((m) => [m.text, m.value, m.attrs.title])).toEqual([['Ewa Nowak', 'Ewa Nowak', 'minister']]);
    // A list is not an apposition: "the King" still refers back, and Queen Sonja is someone else.
    const list = mentionsOf('King Harald V opened the bridge. Later, the King, Queen Sonja and the mayor met.', { lang: 'en' })
      .filter((m) => m.kind === 'person' && m.span[0] > 30)
      .map((m) => m.value);
    expect(list).toEqual(['Harald V', 'Sonja']);
  });

  it('maps aliases across languages and recognises surnames used alone', () => {
    const text = 'Vladimir Poutine a rencontré Olaf Scholz. Poutine a ensuite quitté Berlin.';
    const people = names(text, 'fr').filter((n) => n.kind === 'person');
    expect(people.map((p) => p.value)).toEqual(['Vladimir Putin', 'Olaf Scholz', 'Vladimir Putin']);
  });

  it('reads organisations with the places that qualify them', () => {
    const mentions = mentionsOf('La Commission Mixte Pologne-Portugal se réunit.', { lang: 'fr' });
    const org = mentions.find((m) => m.kind === 'org');
    expect(org?.text).toBe('Commission Mixte Pologne-Portugal');
    expect(org?.attrs.places).toEqual(['poland', 'portugal']);
  });

  it('does not take sentence-initial function words or months for names', () => {
    const found = names('The talks ended in March. During the summit, Ministers met in Lisbon.', 'en');
    expect(found).toEqual([{ kind: 'place', text: 'Lisbon', value: 'lisbon', title: undefined }]);
  });
});

describe('titles that describe a post', () => {
  it('does not take "le ministre des Affaires étrangères" for the minister named earlier', () => {
    const text = 'Le ministre Jan Kowalski est à Rome. Le ministre des Affaires étrangères Kenji Mensah a effectué deux visites à Oslo.';
    const people = mentionsOf(text, { lang: 'fr' }).filter((m) => m.kind === 'person').map((m) => m.value);
    expect(people).toEqual(['Jan Kowalski', 'Kenji Mensah']);
  });
});
