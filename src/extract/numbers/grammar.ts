import type { LocaleLexicon } from '../../model/lexicon.js';
import { foldKeys, foldList, type Qualifier, quantityTables } from './lexicon.js';
import { alternation, cachedPer, escapeRegex, NUMBER_START, SPACE, WORD_END, WORD_START } from './regex.js';
import { numberWordsOf, type NumberWords } from './words.js';

/** A unit read after a number: the normalised unit and the factor it carries ("M€" = × 1 000 000). */
export interface UnitReading {
  readonly unit: string;
  readonly times: number;
}

/** Everything the number extractor needs for one locale, compiled once per lexicon object. */
export interface NumberGrammar {
  readonly words: NumberWords;
  readonly ordinals: ReadonlyMap<string, number>;
  /** Digits with optional currency sign, groups and decimals: "£125", "12 000", "1,5", "3.000". */
  readonly digits: RegExp;
  readonly wordNumbers: RegExp;
  readonly ordinalDigits: RegExp;
  readonly ordinalWords: RegExp;
  /** Sticky, at the end of digits after a currency sign: "m" of "£125m", "bn" of "$1.5bn". */
  readonly multiplierSuffix: RegExp;
  /** Sticky: " millions", " billion" after digits. */
  readonly multiplierWord: RegExp;
  /** Sticky: a unit, optionally after a link word ("d'euros", " de dollars"). */
  readonly linkedUnit: RegExp;
  /** Sticky: a unit right after the number, glued or after spaces ("3.000m", "12 %"). */
  readonly unit: RegExp;
  readonly qualifierBefore: RegExp;
  readonly idBefore: RegExp;
  readonly phone: RegExp;
  readonly notOrdinal: RegExp;
  readonly units: ReadonlyMap<string, UnitReading>;
  readonly unitsAfterMultiplier: ReadonlyMap<string, UnitReading>;
  readonly currencyPrefixes: ReadonlyMap<string, string>;
  readonly multiplierSuffixes: ReadonlyMap<string, number>;
  readonly multipliers: ReadonlyMap<string, number>;
  readonly qualifiers: ReadonlyMap<string, Qualifier>;
  readonly nounSkip: ReadonlySet<string>;
  readonly stopwords: ReadonlySet<string>;
}

export const numberGrammarOf = cachedPer((lexicon: LocaleLexicon): NumberGrammar => {
  const tables = quantityTables(lexicon);
  const words = numberWordsOf(lexicon);
  const ordinals = foldKeys(lexicon.ordinals);
  const plainUnits = new Map([...foldKeys(tables.units)].map(([key, unit]) => [key, { unit, times: 1 }] as const));
  const scaledUnits = foldKeys(tables.scaledUnits);
  const units = new Map<string, UnitReading>([...plainUnits, ...scaledUnits]);
  const unitsAfterMultiplier = new Map<string, UnitReading>([
    ...units,
    ...[...foldKeys(tables.unitsAfterMultiplier)].map(([key, unit]) => [key, { unit, times: 1 }] as const),
  ]);
  const currencyPrefixes = foldKeys(tables.currencyPrefixes);
  const multiplierSuffixes = foldKeys(tables.multiplierSuffixes);
  const multipliers = new Map([...foldKeys(lexicon.multipliers)].filter(([, value]) => value >= 1000));
  const qualifiers = foldKeys(tables.qualifiers);
  const groupSeparator = tables.groupSeparators.map((sep) => (sep === ' ' ? SPACE : escapeRegex(sep))).join('|');
  const end = '(?![\\p{L}\\p{N}_])';
  const ordinalWord = alternation(ordinals.keys());
  const joiner = alternation(foldList(tables.numberJoiners));
  const flags = 'gu';
  return {
    words,
    ordinals,
    digits: new RegExp(
      `${NUMBER_START}(?:(${alternation(currencyPrefixes.keys())})${SPACE}?)?` +
        `(\\d{1,3}(?:(?:${groupSeparator})\\d{3})+(?!\\d)|\\d+)(?:[.,](\\d+))?(?![.,]?\\d)`,
      flags,
    ),
    wordNumbers: new RegExp(words.sequence, flags),
    ordinalDigits: new RegExp(`${WORD_START}(\\d{1,4})(${alternation(foldList(tables.ordinalSuffixes))})${WORD_END}`, flags),
    ordinalWords: new RegExp(
      `${WORD_START}(?:(${words.sequence})(?:${SPACE}*-${SPACE}*|${SPACE}+)(?:${joiner}(?:-|${SPACE}+))?)?(${ordinalWord})${WORD_END}`,
      flags,
    ),
    multiplierSuffix: new RegExp(`(${alternation(multiplierSuffixes.keys())})${end}`, 'uy'),
    multiplierWord: new RegExp(`${SPACE}+(${alternation(multipliers.keys())})${end}`, 'uy'),
    linkedUnit: new RegExp(
      `(?:${SPACE}+${alternation(foldList(tables.unitLinks))}${SPACE}*|${SPACE}*)(${alternation(unitsAfterMultiplier.keys())})${end}`,
      'uy',
    ),
    unit: new RegExp(`${SPACE}*(${alternation(units.keys())})${end}`, 'uy'),
    qualifierBefore: new RegExp(`(?:^|[^\\p{L}])(${alternation(qualifiers.keys())})${SPACE}+$`, 'u'),
    idBefore: new RegExp(`(?:(?:^|[^\\p{L}])${alternation(foldList(tables.idWords))}${SPACE}*|[\\p{L}][-/])$`, 'u'),
    // "+33 1 23 45 67 89", "06 12 34 56 78", "(555) 123-4567": identifiers, never quantities.
    phone: /\+\d{1,3}(?:[\s.-]?\(?\d{1,4}\)?){3,}|(?<!\d)0\d(?:[\s.]\d{2}){4}(?!\d)|(?<!\d)\(?\d{3}\)?[\s.-]\d{3}-\d{4}(?!\d)/gu,
    notOrdinal: new RegExp(alternation(foldList(tables.notOrdinal)) + end, 'uy'),
    units,
    unitsAfterMultiplier,
    currencyPrefixes,
    multiplierSuffixes,
    multipliers,
    qualifiers,
    nounSkip: new Set(foldList(tables.nounSkip)),
    stopwords: new Set(foldList(lexicon.stopwords)),
  };
});
