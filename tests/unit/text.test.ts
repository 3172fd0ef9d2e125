import { describe, expect, it } from 'vitest';
import { sentenceTokens, tokenize } from '../../src/extract/tokens.js';
import { escapeRegExp, foldAccents, foldAligned, foldDocument, foldName, foldWord, phrasePattern } from '../../src/text/fold.js';
import { LineIndex } from '../../src/text/line-index.js';
import { forEachLetterRun, isLetterOrNumber, startsUpper, wordBeforeSpaces } from '../../src/text/words.js';
import { MAX_SENTENCE_CHARS, splitClauses, splitSentences } from '../../src/text/sentences.js';

const FR_ABBREVIATIONS = new Set(['M', 'Mme', 'Dr', 'oct', 'janv']);

function sentences(text: string, abbreviations = FR_ABBREVIATIONS): string[] {
  return splitSentences(text, [0, text.length], abbreviations).map(([s, e]) => text.slice(s, e));
}

describe('splitSentences', () => {
  it('does not split after French and English abbreviations', () => {
    expect(sentences('M. Durand a reçu le Dr. Lefèvre le 3 oct. 2024. Ils ont parlé.')).toEqual([
      'M. Durand a reçu le Dr. Lefèvre le 3 oct. 2024.',
      'Ils ont parlé.',
    ]);
  });

  it('does not split after initials and dotted acronyms', () => {
    expect(sentences('J. K. Rowling met U.S. officials. Then she left.', new Set())).toEqual([
      'J. K. Rowling met U.S. officials.',
      'Then she left.',
    ]);
  });

  it('always ends a sentence at a line break (headlines, bylines)', () => {
    expect(sentences('Un titre sans point\nLe texte commence ici. Puis continue.')).toEqual([
      'Un titre sans point',
      'Le texte commence ici.',
      'Puis continue.',
    ]);
  });

  it('keeps a closing quote with its sentence', () => {
    expect(sentences('Il a dit « oui. » Ensuite il est parti.')).toEqual(['Il a dit « oui. »', 'Ensuite il est parti.']);
  });

  it('returns spans that index the original text', () => {
    const text = ' date 2020-12 Premier. Second.';
    for (const [s, e] of splitSentences(text, [14, text.length], FR_ABBREVIATIONS)) expect(text.slice(s, e)).toMatch(/^(Premier|Second)\.$/);
  });

  it('cuts a run with no sentence end into pieces of at most maxChars, at spaces, losing no word', () => {
    const words = Array.from({ length: 400 }, (_, i) => `W${i}${'x'.repeat(i % 9)}`);
    const text = `Avant. ${words.join(' ')} Après.`;
    const pieces = splitSentences(text, [0, text.length], FR_ABBREVIATIONS, 100).map(([s, e]) => text.slice(s, e));
    expect(pieces[0]).toBe('Avant.');
    expect(pieces.length).toBeGreaterThan(25);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(100);
    // Every cut falls at a space: the pieces' words are the text's words, in order.
    expect(pieces.join(' ').split(' ')).toEqual(text.split(' '));
    // A piece ends at the last space it can: it is at least half the limit, but for the last.
    for (const piece of pieces.slice(1, -1)) expect(piece.length).toBeGreaterThanOrEqual(50);
  });

  it('cuts at the limit a run with no space either, and keeps every character', () => {
    const text = 'a'.repeat(250);
    expect(sentences(text).length).toBe(1);
    expect(splitSentences(text, [0, text.length], FR_ABBREVIATIONS, 100)).toEqual([
      [0, 100],
      [100, 200],
      [200, 250],
    ]);
  });

  it('leaves prose whole: the default limit is far above a long sentence', () => {
    const long = `${'Le ministre, qui a rappelé les engagements pris, a ajouté que la réunion aurait lieu, '.repeat(40)}fin.`;
    expect(long.length).toBeLessThan(MAX_SENTENCE_CHARS);
    expect(long.length).toBeGreaterThan(3000);
    expect(sentences(long)).toEqual([long]);
    const longer = long.repeat(3).replace(/fin\./g, 'fin');
    const pieces = sentences(longer);
    expect(pieces.length).toBe(Math.ceil(longer.length / MAX_SENTENCE_CHARS));
    expect(pieces.join(' ')).toBe(longer);
  });
});

describe('splitClauses', () => {
  it('splits at connectives from the lexicon', () => {
    const text = 'la 3e session est prévue pour 2027, ainsi que la visite du ministre en 2028.';
    const clauses = splitClauses(text, [0, text.length], [' ainsi que ']).map(([s, e]) => text.slice(s, e));
    expect(clauses).toEqual(['la 3e session est prévue pour 2027,', 'ainsi que la visite du ministre en 2028.']);
  });
});

describe('LineIndex', () => {
  it('maps offsets to 1-based lines and columns and back', () => {
    const index = new LineIndex('ab\ncd\n\nef');
    expect(index.position(0)).toEqual({ line: 1, column: 1 });
    expect(index.position(4)).toEqual({ line: 2, column: 2 });
    expect(index.position(7)).toEqual({ line: 4, column: 1 });
    expect(index.offset(4, 2)).toBe(8);
    expect(index.lineCount).toBe(4);
  });

  it('gives every offset, line breaks and the end included, the line and column counting gives', () => {
    const text = '\nab\n\ncde\nf\n';
    const index = new LineIndex(text);
    for (let offset = 0; offset <= text.length + 2; offset++) {
      const before = text.slice(0, offset).split('\n');
      expect(index.position(offset)).toEqual({ line: before.length, column: before[before.length - 1]!.length + 1 + Math.max(0, offset - text.length) });
    }
  });
});

describe('folding', () => {
  it('folds transliterations of one name to one key', () => {
    expect(foldName('Patrouchev')).toBe(foldName('Patrushev'));
    expect(foldName('Dmitri')).toBe(foldName('Dmitry'));
    expect(foldName('Sergueï')).toBe(foldName('Serguei'));
    expect(foldName('Tchaïkovski')).toBe(foldName('Tchaikovsky'));
    expect(foldName('Gorbatchev')).toBe(foldName('Gorbachev'));
  });

  it('keeps different names apart', () => {
    expect(foldName('Ivanov')).not.toBe(foldName('Ivanova'));
    expect(foldName('Petrov')).not.toBe(foldName('Popov'));
  });

  it('foldAligned keeps offsets', () => {
    const text = 'Élection à Montréal — cœur';
    expect(foldAligned(text)).toHaveLength(text.length);
    expect(foldAligned(text).startsWith('election a montreal')).toBe(true);
  });

  it('foldWord is foldAccents then lower case, on the already-folded ASCII shortcut as on the rest', () => {
    expect(foldWord('session')).toBe('session');
    expect(foldWord('Élysée')).toBe('elysee');
    expect(foldWord('l`an')).toBe("l'an");
    const alphabet = ['a', 'z', 'A', 'Z', '0', '9', '-', "'", '`', '.', '@', '[', '{', '~', 'é', 'Ï', 'œ', '’', '–', '\u0301'];
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 3000; n++) {
      const text = Array.from({ length: Math.floor(next() * 10) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      expect(foldWord(text), JSON.stringify(text)).toBe(foldAccents(text).toLowerCase());
    }
  });

  it('foldAligned of a slice is the slice of foldAligned (numbers read a slice of the article fold)', () => {
    const alphabet = ['a', 'Z', 'É', 'ï', 'œ', 'Σ', 'ς', 'İ', 'ß', '𝒜', '\u0301', ' ', '’', '-', '7'];
    let seed = 5;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 2000; n++) {
      const text = Array.from({ length: Math.floor(next() * 12) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      const end = Math.floor(next() * (text.length + 1));
      const start = Math.floor(next() * (end + 1));
      expect(foldAligned(text).slice(start, end), JSON.stringify({ text, start, end })).toBe(foldAligned(text.slice(start, end)));
    }
  });

  it('phrasePattern matches whole words, with * as a word ending', () => {
    expect(allMatches(phrasePattern(['visit*', 'tête-à-tête'])!, foldAligned('Two visits, one revisit, a tête-à-tête'))).toEqual(['visits', 'tete-a-tete']);
    expect(phrasePattern([' ', ''])).toBeNull();
  });

  it('phrasePattern finds what a lookbehind for the word start finds, on random text (astral letters, lone surrogates, marks, digits)', () => {
    const phrases = ['ab', 'a', 'b𝒜', '𝒜', 'é', 'ab*'];
    const pattern = phrasePattern(phrases)!;
    const parts = phrases.map(foldAligned).map((p) => (p.endsWith('*') ? `${escapeRegExp(p.slice(0, -1))}[\\p{L}\\p{M}]*` : escapeRegExp(p))).sort((x, y) => y.length - x.length);
    const lookbehind = new RegExp(`(?<![\\p{L}\\p{N}])(?:${parts.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
    const alphabet = ['a', 'b', 'é', '𝒜', '\ud835', '\udc9c', '\u0301', '3', '٣', ' ', '-', "'", 'x'];
    let seed = 5;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    let found = 0;
    for (let n = 0; n < 3000; n++) {
      const text = Array.from({ length: 1 + Math.floor(next() * 12) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      const expected = [...text.matchAll(lookbehind)].map((m) => `${m.index}:${m[0]}`);
      expect(allMatches(pattern, text, true), JSON.stringify(text)).toEqual(expected);
      found += expected.length;
    }
    expect(found).toBeGreaterThan(500);
  });
});

describe('letter and case tests by code point', () => {
  it('agree with \\p{Lu} and [\\p{L}\\p{N}] on ASCII, Latin, other scripts, astral characters and lone surrogates', () => {
    const samples = ['A', 'a', 'É', 'é', 'ǅ', 'Ж', 'ж', '5', '٣', '𝟎', '𝒜', '_', ' ', '-', "'", '\u0301', '\ud835', '\udc9c', ''];
    for (const sample of samples) {
      expect(startsUpper(`${sample}x`), JSON.stringify(sample)).toBe(/^\p{Lu}/u.test(`${sample}x`));
      if (sample !== '') expect(isLetterOrNumber(sample.codePointAt(0)!), JSON.stringify(sample)).toBe(/^[\p{L}\p{N}]/u.test(sample));
    }
  });
});

/** Every match of a phrase pattern, in order (with its index when asked). */
function allMatches(pattern: NonNullable<ReturnType<typeof phrasePattern>>, text: string, withIndex = false): string[] {
  const out: string[] = [];
  for (let m = pattern.exec(text); m; m = pattern.exec(text, m.index + m[0].length)) out.push(withIndex ? `${m.index}:${m[0]}` : m[0]);
  return out;
}

describe('per-article memos', () => {
  it('foldDocument is foldAligned, computed once for the article in hand', () => {
    const first = 'Le Président s’est rendu à Séville.';
    const second = 'Élections à Zürich.';
    expect(foldDocument(first)).toBe(foldAligned(first));
    expect(foldDocument(second)).toBe(foldAligned(second));
    expect(foldDocument(first)).toBe(foldAligned(first));
  });

  it('sentenceTokens gives tokenize of the sentence, the same array again for the same article and sentence', () => {
    const text = "Hier, l'Agence a reçu M. Durand. Il part demain.";
    const sentence: [number, number] = [0, 32];
    const tokens = sentenceTokens(text, sentence);
    expect(tokens).toEqual(tokenize(text, sentence));
    expect(sentenceTokens(text, sentence)).toBe(tokens);
    // Another span starting at the same offset, or another article, is tokenised afresh.
    expect(sentenceTokens(text, [0, 5]).map((t) => t.text)).toEqual(['Hier', ',']);
    const other = 'Hier, rien.';
    expect(sentenceTokens(other, [0, other.length]).map((t) => t.text)).toEqual(['Hier', ',', 'rien']);
  });
});

describe('wordBeforeSpaces', () => {
  // The regexes it replaces, on the window text.slice(from, end).
  const withDots = /([\p{L}][\p{L}'’.-]*)[^\S\r\n]+$/u;
  const withoutDots = /([\p{L}][\p{L}'’-]*)[^\S\r\n]+$/u;
  const byRegex = (regex: RegExp, text: string, from: number, end: number) => {
    const match = regex.exec(text.slice(from, end));
    return match ? { word: match[1]!, start: from + match.index } : undefined;
  };

  it('finds the word before the spaces, as the regex does', () => {
    expect(wordBeforeSpaces('le Président 20', 0, 13)).toEqual({ word: 'Président', start: 3 });
    expect(wordBeforeSpaces("J.-P. O'Neil  ", 0, 14)).toEqual({ word: "O'Neil", start: 6 });
    expect(wordBeforeSpaces('S.M. 3', 0, 5)).toEqual({ word: 'S.M.', start: 0 });
    expect(wordBeforeSpaces('S.M. 3', 0, 5, false)).toBeUndefined();
    expect(wordBeforeSpaces('mot\n', 0, 4)).toBeUndefined();
    expect(wordBeforeSpaces('-- ', 0, 3)).toBeUndefined();
  });

  it('agrees with the regex on random text (letters, accents, marks, astral letters, spaces, newlines, punctuation)', () => {
    const alphabet = ['a', 'Z', 'é', 'Ï', 'ß', '𝒜', '\u0301', ' ', ' ', '\u00a0', '\t', '\n', '\r', "'", '’', '.', '-', '3', ',', '«'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 3000; n++) {
      const text = Array.from({ length: 1 + Math.floor(next() * 14) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      const end = Math.floor(next() * (text.length + 1));
      const from = Math.floor(next() * (end + 1));
      expect(wordBeforeSpaces(text, from, end), JSON.stringify({ text, from, end })).toEqual(byRegex(withDots, text, from, end));
      expect(wordBeforeSpaces(text, from, end, false), JSON.stringify({ text, from, end })).toEqual(byRegex(withoutDots, text, from, end));
    }
  });
});

describe('forEachLetterRun', () => {
  const bySplit = (text: string) => text.split(/[^\p{L}']+/u).filter((word) => word !== '');
  /** The runs as strings; checks each run's ASCII flag on the way. */
  const letterRuns = (text: string): string[] => {
    const runs: string[] = [];
    forEachLetterRun(text, (start, end, ascii) => {
      const run = text.slice(start, end);
      expect(ascii, JSON.stringify(run)).toBe(/^[\x00-\x7f]*$/.test(run));
      runs.push(run);
    });
    return runs;
  };

  it('cuts text into runs of letters and apostrophes', () => {
    expect(letterRuns("L'état, c'est   moi! 2024 Ðorđe-𝒜b")).toEqual(["L'état", "c'est", 'moi', 'Ðorđe', '𝒜b']);
    expect(letterRuns('')).toEqual([]);
    expect(letterRuns(' 12, ')).toEqual([]);
  });

  it('agrees with a split on the Unicode regex on random text (accents, marks, astral letters, lone surrogates, digits, punctuation)', () => {
    const alphabet = ['a', 'Z', 'é', 'Ï', 'ß', 'ÿ', 'Ω', 'я', '中', '𝒜', '\ud835', '\udc9c', '\u0301', '\u00aa', '\u00b5', '\u00d7', ' ', '\u00a0', '\n', "'", '’', '.', '-', '3', ',', '«'];
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 3000; n++) {
      const text = Array.from({ length: 1 + Math.floor(next() * 16) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      expect(letterRuns(text), JSON.stringify(text)).toEqual(bySplit(text));
    }
  });
});

