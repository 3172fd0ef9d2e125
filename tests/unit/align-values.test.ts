import { describe, expect, it } from 'vitest';
import { alignValueClaims } from '../../src/align/values.js';
import { normaliseWord } from '../../src/claims/values.js';
import type { Claim } from '../../src/model/claim.js';
import { loadLexicon } from '../../src/rules/lexicon.js';
import { BUNDLED_RULES_DIR } from '../../src/rules/load.js';

// Value claims built by hand: the sentence words (stems), the words next to the value, the value.
function weekday(doc: string, at: number, value: string, context: string, local: string): Claim {
  return {
    id: `${doc}#${at}`,
    doc,
    lang: 'en',
    ruleId: 'generic/values',
    eventType: 'value',
    attribute: 'weekday',
    values: [{ value, span: [at, at + value.length], text: value, stated: true }],
    exhaustive: false,
    modality: 'held',
    agents: [],
    places: [],
    trigger: { text: value, span: [at, at + value.length] },
    sentence: [at, at + 80],
    keyParts: { key: 'weekday', context, local, anchors: '' },
  };
}

const options = { threshold: 0.12, localBonus: 0.1, maxPostings: 100 };

describe('alignValueClaims: an article that states a fact twice', () => {
  // Article a gives Thursday in two sentences: one about the flood (its best-aligned claim, kept in the
  // fact), one about an airlift. Article d tells only the airlift, on Tuesday: its one aligned partner is
  // a's second Thursday.
  const flood = 'flood dam river burst town mayor';
  const airlift = 'helic lift hiker ridge storm';
  const a1 = weekday('a', 0, 'Thursday', flood, 'burst mayor');
  const a2 = weekday('a', 100, 'Thursday', `${airlift} north slope`, 'lift north');
  const b1 = weekday('b', 0, 'Thursday', `${flood} brenn`, 'burst mayor');
  const e1 = weekday('e', 0, 'Thursday', flood, 'burst mayor');
  const c1 = weekday('c', 0, 'Thursday', 'north slope brenn', 'north slope');
  const d1 = weekday('d', 0, 'Tuesday', `${airlift} long`, 'lift ridge');
  const { facts } = alignValueClaims([a1, a2, b1, c1, d1, e1], options);
  const fact = facts.find((f) => f.claims.includes(d1))!;

  it('keeps one claim per article', () => {
    expect(fact.claims.map((c) => c.doc)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(fact.claims).toContain(a1);
  });

  it("counts the pair made by a's other Thursday for the kept one, so the outlier stays tied to the fact", () => {
    expect(fact.pairs.some((p) => (p.a === d1 && p.b === a1) || (p.a === a1 && p.b === d1))).toBe(true);
  });

  it('drops a pair made by a claim of another value that was not kept', () => {
    const a3 = weekday('a', 200, 'Monday', `${airlift} north slope`, 'lift north');
    const { facts: others } = alignValueClaims([a1, a3, b1, c1, d1, e1], options);
    for (const f of others) for (const p of f.pairs) expect(f.claims).toEqual(expect.arrayContaining([p.a, p.b]));
  });
});

describe('normaliseWord: a French sentence meets its English original', () => {
  const lexicon = loadLexicon([BUNDLED_RULES_DIR]);
  it.each([
    ['Depuis', 'since'],
    ['attaque', 'attack'],
    ['hôpital', 'hospital'],
    ['séisme', 'earthquake'],
    ['arrêtés', 'arrested'],
    ['téléspectateurs', 'viewers'],
  ])('%s ≈ %s', (french, english) => {
    expect(normaliseWord(french, lexicon)).toBe(normaliseWord(english, lexicon));
  });
});

describe('alignValueClaims: a large archive where most articles share no rare name', () => {
  // 60 articles: more than the small-corpus size, so only articles that share a rare name are compared.
  // x1 and x2 share one (#zorin, in a year claim); the 58 others name only #capital, which is in all of them.
  const year = (doc: string, anchors: string): Claim => ({
    ...weekday(doc, 500, '2019', 'summit treaty', 'treaty'),
    attribute: 'year',
    keyParts: { key: 'year', context: 'summit treaty', local: 'treaty', anchors },
  });
  const fillers = Array.from({ length: 58 }, (_, i) => `f${String(i).padStart(2, '0')}`);
  const claims = [
    weekday('x1', 0, 'Thursday', 'flood', 'flood'),
    year('x1', '#zorin #capital'),
    weekday('x2', 0, 'Tuesday', 'flood', 'flood'),
    year('x2', '#zorin #capital'),
    ...fillers.flatMap((doc) => [weekday(doc, 0, 'Monday', 'flood', 'flood'), year(doc, '#capital')]),
  ];

  it('pairs only articles that share a rare name, however alike the others are', () => {
    const { pairs } = alignValueClaims(claims, options);
    expect(pairs.length).toBeGreaterThan(0);
    for (const pair of pairs) expect([pair.a.doc, pair.b.doc].sort()).toEqual(['x1', 'x2']);
  });

  it('still counts the claims of unrelated articles in a word’s postings (maxPostings)', () => {
    // "flood" is in 60 weekday claims: over a limit of 50 it is too common to propose a pair, although only
    // two of its claims can pair; under a limit of 100 it proposes x1–x2.
    const weekdays = (maxPostings: number) => alignValueClaims(claims, { ...options, maxPostings }).pairs.filter((p) => p.a.attribute === 'weekday');
    expect(weekdays(50)).toEqual([]);
    expect(weekdays(100).map((p) => [p.a.doc, p.b.doc])).toEqual([['x1', 'x2']]);
  });
});
