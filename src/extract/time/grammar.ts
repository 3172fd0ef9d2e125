import type { LocaleLexicon } from '../../model/lexicon.js';
import { alternation, cachedPer, SPACE, WORD_END, WORD_START } from '../numbers/regex.js';
import { foldList } from '../numbers/lexicon.js';
import { numberWordsOf, type NumberWords } from '../numbers/words.js';
import { getOrMake } from '../../util/collections.js';
import { commonParsers } from './common.js';
import { englishParsers } from './en.js';
import { fragmentsOf } from './fragments.js';
import { frenchParsers } from './fr.js';
import { timeWordsOf, type TimeWords } from './lexicon.js';
import type { TimeParser } from './parser.js';
import { type TenseReader, tenseReaderOf } from './tense.js';

/** The parsers each language runs: the shared ones, then its own word orders. */
const LOCALE_PARSERS: Readonly<Record<string, readonly TimeParser[]>> = {
  fr: frenchParsers,
  en: englishParsers,
};

export interface CompiledParser {
  readonly parser: TimeParser;
  readonly regex: RegExp;
  /** What a text must contain for `regex` to match in it (TimeParser.requires): a regex per word list. */
  readonly gates: readonly RegExp[];
}

/** Everything extractTimes needs for one lexicon, compiled once and cached on the lexicon object. */
export interface TimeGrammar {
  readonly words: TimeWords;
  readonly numbers: NumberWords;
  readonly parsers: readonly CompiledParser[];
  readonly tense: TenseReader;
  /** Matches a duration cue at the end of the text before an expression ("pour une période de "). */
  readonly durationCueAtEnd: RegExp;
  readonly ageBefore: RegExp;
  readonly namedDays: RegExp;
  readonly ageAfter: RegExp;
}

export const timeGrammarOf = cachedPer((lexicon: LocaleLexicon): TimeGrammar => {
  const words = timeWordsOf(lexicon);
  const numbers = numberWordsOf(lexicon);
  const fragments = fragmentsOf(words, numbers);
  // Locale word orders first: on equal spans they are the more specific reading.
  // One regex per distinct word list: parsers that need a month share its test.
  const gates = new Map<string, RegExp>();
  const gate = (source: string) => getOrMake(gates, source, () => new RegExp(source, 'u'));
  const parsers = [...(LOCALE_PARSERS[lexicon.lang] ?? []), ...commonParsers].flatMap((parser) => {
    const source = parser.pattern(fragments);
    if (source === null) return [];
    // No `d` (hasIndices) flag: it makes every scan about 1.8 times slower; see groupStart.
    return [{ parser, regex: new RegExp(source, 'gu'), gates: (parser.requires?.(fragments) ?? []).map((words) => gate(fragments.alt(words))) }];
  });
  return {
    words,
    numbers,
    parsers,
    tense: tenseReaderOf(words),
    durationCueAtEnd: new RegExp(`(?:^|[^\\p{L}])${alternation(foldList(words.tables.durationCues))}${SPACE}+$`, 'u'),
    namedDays: new RegExp(`${WORD_START}${alternation(foldList(words.tables.weekdayNames))}${WORD_END}`, 'gu'),
    ageBefore: new RegExp(`(?:^|[^\\p{L}])${alternation(foldList(words.tables.ageBefore))}${SPACE}+$`, 'u'),
    ageAfter: new RegExp(`^(?:-|${SPACE}+)${alternation(foldList(words.tables.ageAfter))}(?![\\p{L}])`, 'u'),
  };
});
