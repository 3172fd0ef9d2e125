import { describe, expect, it } from 'vitest';
import type { ValueFact } from '../../src/align/values.js';
import { placeCompatible } from '../../src/align/entities.js';
import { explainDisagreement, type DocSide } from '../../src/compare/events.js';
import { relate } from '../../src/compare/quantities.js';
import { oneDigitApart } from '../../src/compare/values.js';
import type { Claim, ClaimValue, EntityRef } from '../../src/model/claim.js';
import { sameEventGroups } from '../../src/rules/kinds/quantity.js';
import { groupValues } from '../../src/rules/kinds/values.js';

/**
 * The corpus stage's work per fact grows with the fact's sources, which grow with the archive: these
 * functions once compared every pair of claims. Each is checked against that pairwise form (kept here as
 * the reference) on random inputs with many repeated values.
 */

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}
const pick = <T>(next: () => number, items: readonly T[]): T => items[Math.floor(next() * items.length)]!;

function claim(id: number, fields: Partial<Claim>): Claim {
  return { id: `c${id}`, doc: `d${id}`, attribute: 'year', values: [], places: [], ...fields } as Claim;
}

function value(fields: Partial<ClaimValue>): ClaimValue {
  return { value: '', span: [0, 1], text: '', stated: true, ...fields } as ClaimValue;
}

describe('per-fact work in distinct values, not pairs of claims', () => {
  it('groupValues groups as testing every member of a group did', () => {
    const reference = (fact: ValueFact) => {
      const groups: Array<{ claims: Claim[] }> = [];
      for (const c of fact.claims) {
        const group = groups.find((g) => g.claims.every((other) => relate(c.attribute, other.values[0]!, c.values[0]!) !== 'conflict'));
        if (group) group.claims.push(c);
        else groups.push({ claims: [c] });
      }
      return groups.sort((x, y) => y.claims.length - x.claims.length);
    };
    const kinds: Array<{ attribute: string; values: () => ClaimValue }> = [];
    const next = random(7);
    kinds.push({ attribute: 'date', values: () => value({ value: pick(next, ['2016-03-04', '2016-03', '2016-04', '2016-03-05', '2017-03-04', '--03-04']) }) });
    kinds.push({ attribute: 'year', values: () => value({ value: pick(next, ['2016', '2017', '2061']) }) });
    kinds.push({
      attribute: 'count',
      values: () => {
        const n = pick(next, [12, 13, 120, 1200]);
        return value({ value: String(n), number: n, qualifier: pick(next, [undefined, 'about', 'at-least', 'at-most']), unit: pick(next, [undefined, 'km', 'EUR']) });
      },
    });
    kinds.push({ attribute: 'place', values: () => value({ value: pick(next, ['paris', 'lyon', 'france']), unit: pick(next, [undefined, 'france', 'france europe']) }) });
    kinds.push({ attribute: 'age', values: () => value({ value: pick(next, ['17, 18', '17, 18, 20', '18', '21, 17']) }) });
    for (let round = 0; round < 200; round++) {
      const kind = pick(next, kinds);
      const size = 1 + Math.floor(next() * 60);
      const claims = Array.from({ length: size }, (_, i) => claim(i, { attribute: kind.attribute, values: [kind.values()] }));
      const fact: ValueFact = { key: kind.attribute, claims, pairs: [] };
      expect(groupValues(fact).map((g) => g.claims.map((c) => c.id))).toEqual(reference(fact).map((g) => g.claims.map((c) => c.id)));
    }
  });

  it('explainDisagreement names the pair one digit apart that a scan of every pair of sides finds first', () => {
    const next = random(11);
    const dates = ['2016-03-04', '2016-03-05', '2016-03-14', '2017-03-04', '2016-04-04', '2026-03-04', '2016-03'];
    for (let round = 0; round < 300; round++) {
      const size = 2 + Math.floor(next() * 40);
      const sides: DocSide[] = Array.from({ length: size }, (_, i) => {
        const v = pick(next, dates);
        return { doc: `d${i}`, claim: claim(i, {}), values: [value({ value: v, time: { start: v, end: v, precision: v.length > 7 ? 'day' : 'month' } as ClaimValue['time'] })] };
      });
      let expected: string | undefined;
      outer: for (let i = 0; i < sides.length; i++) {
        for (let j = i + 1; j < sides.length; j++) {
          const [a, b] = [sides[i]!.values[0]!.value, sides[j]!.values[0]!.value];
          if (oneDigitApart(a, b)) {
            expected = `${a} and ${b} are one digit apart: a likely typo on one side.`;
            break outer;
          }
        }
      }
      const hint = explainDisagreement(sides);
      if (expected) expect(hint).toBe(expected);
      else expect(hint).not.toMatch(/one digit apart/);
    }
  });

  it('sameEventGroups joins the claims that every pair of compatible places joined, groups in the same order', () => {
    const reference = (claims: readonly Claim[]) => {
      const placed = claims.filter((c) => c.places.length > 0);
      const parent = placed.map((_, i) => i);
      const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
      for (let i = 0; i < placed.length; i++) {
        for (let j = i + 1; j < placed.length; j++) {
          if (placed[i]!.places.some((a) => placed[j]!.places.some((b) => placeCompatible(a, b)))) parent[find(j)] = find(i);
        }
      }
      const groups = new Map<number, Claim[]>();
      placed.forEach((c, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), c]));
      return [...groups.values()];
    };
    const next = random(5);
    const places: Array<Pick<EntityRef, 'key' | 'within'>> = [
      { key: 'paris', within: ['france', 'europe'] },
      { key: 'lyon', within: ['france', 'europe'] },
      { key: 'france', within: ['europe'] },
      { key: 'berlin', within: ['germany', 'europe'] },
      { key: 'germany', within: ['europe'] },
      { key: 'quito', within: ['ecuador'] },
      { key: 'guayaquil', within: ['ecuador'] },
      { key: 'ecuador', within: [] },
    ];
    for (let round = 0; round < 300; round++) {
      const size = Math.floor(next() * 50);
      const claims = Array.from({ length: size }, (_, i) =>
        claim(i, { places: Array.from({ length: Math.floor(next() * 3) }, () => ({ text: '', span: [0, 1], canonical: '', ...pick(next, places) }) as EntityRef) }),
      );
      expect(sameEventGroups(claims, 'place').map((g) => g.map((c) => c.id))).toEqual(reference(claims).map((g) => g.map((c) => c.id)));
    }
  });
});
