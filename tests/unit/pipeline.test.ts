import { describe, expect, it } from 'vitest';
import { checkArticles } from '../helpers.js';
import { counted, SUMMARIES_PER_TICK } from '../../src/pipeline.js';
import type { ClaimSource } from '../../src/rules/types.js';

// Short articles written for these tests: each reproduces one kind of discrepancy or one trap.

describe('event/visit: lists of visits are compared as sets', () => {
  const report = checkArticles({
    'a.txt': ' date 2024-06-01 La présidente Ewa Nowak a salué les liens avec le Portugal. En 2015 et 2021, la Présidente a effectué deux visites officielles à Lisbonne.',
    'b.txt': ' date 2024-06-03 President Ewa Nowak praised the ties. Two presidential visits to Lisbon, in 2015 and again in 2011, laid the groundwork.',
    'c.txt': ' date 2024-06-04 La visite de la présidente Ewa Nowak à Lisbonne en 2015 a marqué les esprits.',
  });

  it('flags the differing year as an error, with both sides cited', () => {
    const finding = report.findings.find((f) => f.ruleId === 'event/visit');
    expect(finding?.severity).toBe('error');
    expect(finding?.sides.map((s) => [s.doc, s.values])).toEqual([
      ['a', ['2015', '2021']],
      ['b', ['2015', '2011']],
    ]);
    expect(finding?.sides[0]!.quote).toContain('En 2015 et 2021');
  });

  it('explains a one-digit difference as a likely typo and names the corroborating source', () => {
    const finding = report.findings.find((f) => f.ruleId === 'event/visit')!;
    expect(finding.hint).toMatch(/2021 and 2011 differ by one digit: a likely typo/);
    expect(finding.hint).toMatch(/c also reports 2015/);
  });
});

describe('event/session: a numbered session has one date', () => {
  it('warns when a session announced for one year is reported held in another (plan that slipped)', () => {
    const report = checkArticles({
      'plan.txt': ' date 2019-11-02 Les ministres ont évoqué la 4e session de la Commission Mixte Pologne-Portugal, prévue pour 2020.',
      'held.txt': ' date 2023-05-12 The fourth session of the Joint Commission was held in Warsaw on 10 May 2023.',
    });
    const finding = report.findings.find((f) => f.ruleId === 'event/session');
    expect(finding?.severity).toBe('warning');
    expect(finding?.sides.map((s) => [s.doc, s.values, s.modality])).toEqual([
      ['held', ['2023-05-10'], 'held'],
      ['plan', ['2020'], 'planned'],
    ]);
    expect(finding?.hint).toMatch(/plan that slipped/);
  });

  it('does not compare two different sessions of one commission', () => {
    const report = checkArticles({
      'a.txt': ' date 2021-03-01 La 3e session de la Commission Mixte Pologne-Portugal s’est tenue en février 2021.',
      'b.txt': ' date 2023-03-01 The fourth session of the Joint Commission took place in February 2023.',
    });
    expect(report.findings.filter((f) => f.ruleId === 'event/session')).toEqual([]);
  });

  it('reports two held dates for the same session as an error', () => {
    const report = checkArticles({
      'a.txt': ' date 2022-10-20 La 5e session de la Commission Mixte Pologne-Portugal a eu lieu le 18 octobre 2022 à Lisbonne.',
      'b.txt': ' date 2022-12-01 The fifth session of the Joint Commission took place in Lisbon in November 2022.',
    });
    const finding = report.findings.find((f) => f.ruleId === 'event/session');
    expect(finding?.severity).toBe('error');
  });
});

describe('event/agreement: precision and language are not conflicts', () => {
  it('treats a year and a month inside it as agreement, across languages', () => {
    const report = checkArticles({
      'fr.txt': ' date 2024-01-05 Le Partenariat Stratégique Renforcé conclu en avril 2019 entre les deux pays reste central.',
      'en.txt': ' date 2024-01-06 The Enhanced Strategic Partnership signed in 2019 remains central.',
    });
    expect(report.findings.filter((f) => f.ruleId === 'event/agreement')).toEqual([]);
    expect(report.corroborated.map((c) => [c.ruleId, c.value])).toContainEqual(['event/agreement', '2019-04']);
  });
});

describe('consistency/name-spelling', () => {
  it('notes spelling variants within one language as info, not across languages', () => {
    const report = checkArticles({
      'a.txt': ' date 2024-02-01 Le ministre Andreï Volkov est arrivé à Paris.',
      'b.txt': ' date 2024-02-02 Le ministre Andrei Volkov a quitté Paris.',
      'c.txt': ' date 2024-02-03 Minister Andrey Volkov left Paris.',
    });
    const spelling = report.findings.filter((f) => f.ruleId === 'consistency/name-spelling');
    expect(spelling).toHaveLength(1);
    expect(spelling[0]!.severity).toBe('info');
    expect(spelling[0]!.sides.map((s) => [s.doc, s.values[0]])).toEqual([
      ['a', 'Andreï Volkov'],
      ['b', 'Andrei Volkov'],
    ]);
  });

  it('does not report transliterations across languages', () => {
    const report = checkArticles({
      'fr.txt': ' date 2024-02-01 Le vice-premier ministre Dmitri Koutchenko est à Rome.',
      'en.txt': ' date 2024-02-01 Deputy Prime Minister Dmitry Kuchenko is in Rome.',
    });
    expect(report.findings).toEqual([]);
  });
});

describe('consistency/weekday-date and count-list', () => {
  it('flags a weekday that is not the date’s weekday', () => {
    const report = checkArticles({ 'a.txt': 'Le sommet s’est ouvert le mardi 16 octobre 2025 à Genève.' });
    const finding = report.findings.find((f) => f.ruleId === 'consistency/weekday-date');
    expect(finding?.message).toMatch(/is a Thursday, not a Tuesday/);
  });

  it('accepts a weekday that matches', () => {
    const report = checkArticles({ 'a.txt': 'Le sommet s’est ouvert le jeudi 16 octobre 2025 à Genève.' });
    expect(report.findings).toEqual([]);
  });

  it('flags a count that does not match the years listed with it', () => {
    const report = checkArticles({ 'a.txt': 'En 2012, 2015 et 2019, le ministre a effectué deux visites à Madrid.' });
    expect(report.findings.map((f) => f.ruleId)).toContain('consistency/count-list');
  });
});

describe('counted: what a corpus check has read, for the progress bar', () => {
  it('tells 0 every SUMMARIES_PER_TICK summaries read, then the count of shards after each one', () => {
    const summaries = Array.from({ length: 2 * SUMMARIES_PER_TICK + 5 }, (_, i) => i);
    const source: ClaimSource = {
      summaries: () => summaries,
      *shards() {
        yield [];
        yield [];
      },
    };
    const told: number[] = [];
    const wrapped = counted(source, (shardsRead) => told.push(shardsRead));
    expect([...wrapped.summaries()]).toEqual(summaries);
    expect(told).toEqual([0, 0]);
    expect([...wrapped.shards()]).toHaveLength(2);
    expect(told).toEqual([0, 0, 1, 2]);
  });
});
