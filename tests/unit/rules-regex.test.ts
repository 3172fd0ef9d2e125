import { describe, expect, it } from 'vitest';
import { assertSafeRegex, compileSafeRegex, UnsafeRegexError } from '../../src/rules/regex.js';

const reason = (pattern: string): string => {
  try {
    assertSafeRegex(pattern);
    return 'safe';
  } catch (error) {
    expect(error).toBeInstanceOf(UnsafeRegexError);
    return (error as Error).message;
  }
};

describe('safe regular expressions for user rules', () => {
  it.each([
    'lost (?:their|his|her) li(?:fe|ves)',
    '\\d+ morts?',
    '(?:ab|cd)+',
    '(?:bless[ée]s?|victimes?)',
    '[a-z]+ tu[ée]s',
    '(?<=\\s)killed(?= in)',
    '.*attack.*',
    '(?:\\d{1,3}[ .])?\\d{3}',
    'x{2,5}y',
  ])('accepts %s', (pattern) => {
    expect(reason(pattern)).toBe('safe');
  });

  it.each([
    ['(a+)+', /repeated group `\(a\+\)\+` contains another repetition `a\+`/],
    ['(\\w+\\s?)*$', /contains another repetition/],
    ['(.*,){12}', /contains another repetition/],
    ['^(([a-z])+.)+[A-Z]([a-z])+$', /contains another repetition/],
    ['(a|a)*', /alternatives that can start with the same character inside the repetition `\(a\|a\)\*`/],
    ['(?:a|ab)+c', /alternatives that can start with the same character/],
    ['(?:\\d|\\w)+', /alternatives that can start with the same character/],
    ['(?:A|a)+', /alternatives that can start with the same character/],
    ['(?:x|b?x)+', /alternatives that can start with the same character/],
    ['(a)\\1', /backreferences/],
    ['(?<w>a)\\k<w>', /backreferences/],
    ['(unclosed', /^invalid regular expression: Unterminated group/],
    ['a**', /^invalid regular expression: Nothing to repeat/],
    ['a'.repeat(301), /longer than 300 characters/],
  ])('rejects %s', (pattern, expected) => {
    expect(reason(pattern)).toMatch(expected);
  });

  it('really is catastrophic where it rejects: (a+)+$ on 26 a and a b takes measurable time', () => {
    const start = performance.now();
    /^(a+)+$/.test(`${'a'.repeat(24)}b`);
    expect(performance.now() - start).toBeGreaterThan(5);
    expect(() => compileSafeRegex('^(a+)+$')).toThrow(UnsafeRegexError);
  });

  it('compiles once, case-insensitive and with accents folded like the text it runs on', () => {
    const pattern = compileSafeRegex('tués? par balles?');
    expect(pattern.flags).toBe('giu');
    expect('deux tues par balle'.match(pattern)?.[0]).toBe('tues par balle');
    expect(pattern.source).toBe('tues? par balles?');
  });
});
