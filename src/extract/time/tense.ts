import { alternation, SPACE, WORD_END, WORD_START } from '../numbers/regex.js';
import { foldList } from '../numbers/lexicon.js';
import type { TimeWords } from './lexicon.js';
import type { Tense } from './resolve.js';
import { firstWhere } from '../../text/spans.js';
import { MAX_SENTENCE_CHARS } from '../../text/sentences.js';

/** Finds whether the clause around an expression speaks of the future ("se tiendra jeudi", "will meet on Friday"). */
export interface TenseReader {
  readonly futureCue: RegExp;
  /** A lower-case word with a future ending, tested on the text as written (names keep their capital). */
  readonly futureWord: RegExp | null;
  readonly clauseBreak: RegExp;
}

/** Words ending with an apostrophe ("qu'") are glued to the next word: no word end after them. */
const wordsPattern = (words: readonly string[]) => `${WORD_START}${alternation(foldList(words))}(?:(?<=')|${WORD_END})`;

export function tenseReaderOf(words: TimeWords): TenseReader {
  return {
    futureCue: new RegExp(wordsPattern(words.tables.futureCues), 'u'),
    futureWord:
      words.tables.futureSuffixes.length === 0
        ? null
        : new RegExp(`${WORD_START}\\p{Ll}{2,}${alternation(foldList(words.tables.futureSuffixes))}${WORD_END}`, 'u'),
    // A clause ends at a semicolon, a new line, a full stop followed by a space, or a subordinating word.
    clauseBreak: new RegExp(`[;\\n]|[.!?](?=${SPACE}|$)|${wordsPattern(words.tables.clauseBreaks)}`, 'gu'),
  };
}

/** Clause boundaries of a folded text, computed once per text and shared by all its expressions. */
export function clauseBreaks(folded: string, reader: TenseReader): number[] {
  const breaks: number[] = [];
  for (const match of folded.matchAll(reader.clauseBreak)) breaks.push(match.index);
  return breaks;
}

export function tenseOf(
  original: string,
  folded: string,
  start: number,
  end: number,
  breaks: readonly number[],
  reader: TenseReader,
): Tense {
  // The clause: from the last break before the expression to the first at or after its end (breaks are in
  // order; found by halving, as a long text has thousands). Like a sentence, it reads at most
  // MAX_SENTENCE_CHARS on each side: text with no break for longer is not prose, and testing all of it for
  // each expression would cost the square of its length.
  const before = firstWhere(breaks, (at) => at >= start) - 1;
  const after = firstWhere(breaks, (at) => at >= end);
  const from = Math.max(before >= 0 ? breaks[before]! : 0, start - MAX_SENTENCE_CHARS);
  const to = Math.min(after < breaks.length ? breaks[after]! : folded.length, end + MAX_SENTENCE_CHARS);
  if (reader.futureCue.test(folded.slice(from, to))) return 'future';
  return reader.futureWord?.test(original.slice(from, to)) ? 'future' : 'past';
}
