import { describe, expect, it } from 'vitest';
import { BoundedMemo, getOrMake, groupBy, pushTo } from '../../src/util/collections.js';

describe('collections', () => {
  it('groups items by key in order, appending to lists', () => {
    const map = groupBy(['apple', 'avocado', 'banana', 'apricot'], (word) => word[0]);
    expect([...map]).toEqual([
      ['a', ['apple', 'avocado', 'apricot']],
      ['b', ['banana']],
    ]);
    pushTo(map, 'c', 'cherry');
    expect(map.get('c')).toEqual(['cherry']);
  });

  it('makes a value once per key, false and undefined included', () => {
    const map = new Map<string, boolean | undefined>();
    let made = 0;
    const make = (key: string) => (made++, key === 'yes' ? true : key === 'no' ? false : undefined);
    for (let round = 0; round < 2; round++) expect(['yes', 'no', 'maybe'].map((key) => getOrMake(map, key, make))).toEqual([true, false, undefined]);
    expect(made).toBe(3);
  });

  it('remembers values, null included, and starts over once it holds its size', () => {
    const memo = new BoundedMemo<string | null>(2);
    expect(memo.get('a')).toBeUndefined();
    expect(memo.set('a', 'A')).toBe('A');
    expect(memo.set('b', null)).toBeNull();
    expect(memo.get('a')).toBe('A');
    expect(memo.get('b')).toBeNull();
    memo.set('c', 'C');
    expect(memo.get('a')).toBeUndefined();
    expect(memo.get('b')).toBeUndefined();
    expect(memo.get('c')).toBe('C');
  });
});
