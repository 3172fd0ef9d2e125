import { foldWord } from '../../text/fold.js';
import { alternation, NUMBER_START, SPACE, WORD_END, WORD_RANGES, WORD_START } from '../numbers/regex.js';
import type { NumberWords } from '../numbers/words.js';
import type { TimeWords } from './lexicon.js';

/**
 * Regex building blocks, made from one locale's words. Parsers assemble them; the words stay data.
 * Every fragment matches folded text (lower case, no accents), so no `i` flag is needed.
 */
export interface Fragments {
  readonly words: TimeWords;
  /** One or more spaces on a line; zero or more. */
  readonly S: string;
  readonly S0: string;
  /** Word boundaries that understand accented letters and digits. */
  readonly B: string;
  readonly E: string;
  /** A list of words (folded) as a non-capturing alternation; never matches when empty. */
  alt(words: Iterable<string>): string;
  month(name: string): string;
  /** Full month names only: used where an abbreviation would be too ambiguous ("en mar"). */
  monthFull(name: string): string;
  weekday(name: string): string;
  day(name: string): string;
  year(name: string): string;
  /** An amount in digits or number words ("4", "quatre", "twenty-five"). */
  amount(name: string): string;
  /** Something after which a bare number may be a year: the start, or a non-letter. */
  readonly wordBefore: string;
}

export function fragmentsOf(words: TimeWords, numbers: NumberWords): Fragments {
  const S = `${SPACE}+`;
  const S0 = `${SPACE}*`;
  const alt = (list: Iterable<string>) => alternation([...list].map((word) => foldWord(word)));
  const abbreviations = [...words.monthAbbreviations.keys()];
  const dotted = abbreviations.filter((key) => key.endsWith('.'));
  const plain = abbreviations.filter((key) => !key.endsWith('.'));
  const monthAlternatives = [`${alt(words.months.keys())}(?![\\p{L}])`];
  if (dotted.length > 0) monthAlternatives.push(alternation(dotted));
  if (plain.length > 0) monthAlternatives.push(`${alternation(plain)}(?:\\.|(?![\\p{L}]))`);
  const monthSource = monthAlternatives.join('|');
  const suffixes = words.tables.daySuffixes.length > 0 ? `(?:${alt(words.tables.daySuffixes)})?` : '';
  return {
    words,
    S,
    S0,
    B: WORD_START,
    E: WORD_END,
    alt,
    month: (name) => `(?<${name}>${monthSource})`,
    monthFull: (name) => `(?<${name}>${alt(words.months.keys())})(?![\\p{L}])`,
    weekday: (name) => `(?<${name}>${alt(words.weekdays.keys())})${WORD_END}`,
    day: (name) => `${NUMBER_START}(?<${name}>0?[1-9]|[12]\\d|3[01])${suffixes}(?![\\p{L}\\p{N}]|[.,:]\\d)`,
    year: (name) => `${NUMBER_START}(?<${name}>1\\d{3}|2[01]\\d{2})(?![\\p{L}\\p{N}_]|[.,]\\d)`,
    amount: (name) => `(?<${name}>${NUMBER_START}\\d+(?:[.,]\\d+)?|${numbers.sequence})`,
    wordBefore: `(?:^|[^${WORD_RANGES}'])`,
  };
}

