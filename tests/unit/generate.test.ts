import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/generate.js';
import { scoreFindings, type ScoredFinding } from '../../bench/score.js';

describe('bench/generate: the seeded archive generator', () => {
  const corpus = generateCorpus({ count: 400, seed: 11 });

  it('gives the same files and gold for the same seed and size', () => {
    const again = generateCorpus({ count: 400, seed: 11 });
    expect(again.files).toEqual(corpus.files);
    expect(again.gold).toEqual(corpus.gold);
  });

  it('gives another archive for another seed', () => {
    const other = generateCorpus({ count: 400, seed: 12 });
    expect(other.files.map((f) => f.text)).not.toEqual(corpus.files.map((f) => f.text));
  });

  it('writes articles in both languages, named by index and language, about a few hundred facts', () => {
    expect(corpus.files.map((f) => f.name)).toEqual([...corpus.files.map((f) => f.name)].sort());
    expect(corpus.files.every((f) => /^\d{6}-(fr|en)\.txt$/.test(f.name))).toBe(true);
    const french = corpus.files.filter((f) => f.name.endsWith('-fr.txt')).length;
    expect(french / corpus.files.length).toBeGreaterThan(0.4);
    expect(french / corpus.files.length).toBeLessThan(0.8);
    expect(corpus.gold.facts).toBeGreaterThan(200);
    expect(corpus.gold.bytes).toBe(corpus.files.reduce((n, f) => n + Buffer.byteLength(f.text), 0));
  });

  it('records conflicts of every kind, each quoted verbatim in the text of its culprit documents', () => {
    const kinds = new Set(corpus.gold.conflicts.map((c) => c.ruleId));
    expect([...kinds].sort()).toEqual(['consistency/name-spelling', 'consistency/weekday-date', 'event/agreement', 'event/session', 'event/visit']);
    const texts = new Map(corpus.files.map((f) => [f.name.replace(/\.txt$/, ''), f.text]));
    for (const conflict of corpus.gold.conflicts) {
      expect(conflict.docs.length).toBeGreaterThan(0);
      for (const doc of conflict.docs) expect(texts.get(doc), `${conflict.id} in ${doc}`).toContain(conflict.quote);
    }
  });
});

describe('bench/score: precision and recall against the gold', () => {
  const gold = {
    conflicts: [
      { id: 'G1', ruleId: 'event/session', fact: 's', docs: ['b'], value: '2020-03-04', quote: '' },
      { id: 'G2', ruleId: 'event/visit', fact: 'v', docs: ['c'], value: '2016, 2021', quote: '' },
    ],
  };
  const finding = (ruleId: string, sides: Array<[string, string[]]>): ScoredFinding => ({ id: 'F', ruleId, fact: '', sides: sides.map(([doc, values]) => ({ doc, values })) });

  it('counts a finding that cites the culprit with the wrong value, and nothing else', () => {
    const score = scoreFindings(
      [
        finding('event/session', [['a', ['2020-05-04']], ['b', ['2020-03-04']]]),
        finding('event/visit', [['c', ['2016', '2022']], ['d', ['2016', '2021']]]),
        finding('event/session', [['b', ['2019']], ['e', ['2020']]]),
      ],
      gold,
    );
    expect(score).toMatchObject({ precision: 1 / 3, recall: 1 / 2, truePositives: 1 });
    expect(score.missed.map((c) => c.id)).toEqual(['G2']);
  });

  it('lets a generic rule find any kind of conflict', () => {
    expect(scoreFindings([finding('generic/values', [['c', ['2016', '2021']]])], gold).truePositives).toBe(1);
  });
});
