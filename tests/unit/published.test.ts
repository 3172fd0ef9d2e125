import { describe, expect, it } from 'vitest';
import { analyze, mentionsOf } from '../helpers.js';

/** The publication date analysis settles on for an article given as text. */
function read(text: string, lang: 'fr' | 'en') {
  return analyze(text, { lang }).analysis.doc.published;
}

describe('publication date read from the text', () => {
  it('takes a short dateline at the top of the article', () => {
    const published = read('14 mai 2019, 09h12\n\nLe sommet s’est tenu à Oslo. Il a réuni dix pays.', 'fr');
    expect(published).toMatchObject({ value: '2019-05-14', precision: 'day' });
    expect(published?.how).toMatch(/^dateline/);
  });

  it('takes a date introduced by a "today" word anywhere in the article', () => {
    const text = 'Le sommet s’est ouvert à Oslo. Il a réuni dix pays.\n\nLes ministres ont signé ce jour, le 12 mai 2019, un accord. La suite est prévue.';
    const published = read(text, 'fr');
    expect(published).toMatchObject({ value: '2019-05-12', precision: 'day' });
    expect(published?.how).toMatch(/introduced as today/);
  });

  it('refines a declared month by a day inside it, and only then', () => {
    const inside = read(' date 2019-05\n\nOslo, May 3, 2019\n\nThe summit opened in Oslo. Ten countries attended.', 'en');
    expect(inside).toMatchObject({ value: '2019-05-03', precision: 'day' });
    const outside = read(' date 2019-06\n\nOslo, May 3, 2019\n\nThe summit opened in Oslo. Ten countries attended.', 'en');
    expect(outside).toMatchObject({ value: '2019-06', precision: 'month' });
  });

  it('does not take a dateline without a year, nor a long sentence', () => {
    expect(read('14 mai, 09h12\n\nLe sommet s’est tenu à Oslo. Il a réuni dix pays.', 'fr')).toBeNull();
    expect(read('The summit that opened in Oslo on May 3, 2019 brought together ten countries and many delegations.', 'en')).toBeNull();
  });

  it('anchors the article’s relative dates on the date it found', () => {
    const hier = mentionsOf('14 mai 2019\n\nLe sommet s’est ouvert hier à Oslo.', { lang: 'fr' }).find((m) => m.text === 'hier');
    expect(hier).toMatchObject({ kind: 'time', value: '2019-05-13' });
  });
});
