import type { LocaleLexicon } from '../../model/lexicon.js';
import type { Mention } from '../../model/mention.js';
import { decimalFromInteger, decimalOf, type Decimal, formatDecimal, multiplyDecimal } from './decimal.js';
import { foldDocument } from '../../text/fold.js';
import { numberGrammarOf, type NumberGrammar, type UnitReading } from './grammar.js';
import { parseNumberWords } from './words.js';
import { startsUpper, wordBeforeSpaces } from '../../text/words.js';
import { Coverage } from '../../text/spans.js';

export interface NumberContext {
  lang: 'fr' | 'en';
  lexicon: LocaleLexicon;
}

type Span = readonly [number, number];

/** Numbers, quantities and ordinals in the range, skipping any overlap with `taken` spans (e.g. the time mentions). */
export function extractNumbers(
  text: string,
  range: readonly [number, number],
  ctx: NumberContext,
  taken: ReadonlyArray<readonly [number, number]>,
): Mention[] {
  const [from, to] = clampRange(text, range);
  const grammar = numberGrammarOf(ctx.lexicon);
  // The article's fold, shared with the rest of extraction: foldAligned folds each code unit on its own,
  // so a slice of the article's fold is the fold of the slice.
  const scan: Scan = { text, folded: foldDocument(text).slice(from, to), offset: from, grammar, lang: ctx.lang };
  const blocked = new Coverage(text.length);
  for (const span of taken) blocked.add(span);
  for (const span of phoneSpans(scan)) blocked.add(span);
  const found: Mention[] = [];
  const accept = (mention: Mention | null) => {
    if (mention && !blocked.overlaps(mention.span)) {
      found.push(mention);
      blocked.add(mention.span);
    }
  };
  // Ordinals first: "8e" must not be read as the number 8 followed by a letter.
  for (const match of scan.folded.matchAll(grammar.ordinalDigits)) accept(ordinalFromDigits(scan, match));
  for (const match of scan.folded.matchAll(grammar.ordinalWords)) accept(ordinalFromWords(scan, match));
  for (const match of scan.folded.matchAll(grammar.digits)) accept(numberFromDigits(scan, match));
  for (const match of scan.folded.matchAll(grammar.wordNumbers)) accept(numberFromWords(scan, match));
  return found.sort((a, b) => a.span[0] - b.span[0] || a.span[1] - b.span[1]);
}

interface Scan {
  readonly text: string;
  /** Folded copy of text[offset..]: same length, so local index + offset = absolute offset. */
  readonly folded: string;
  readonly offset: number;
  readonly grammar: NumberGrammar;
  readonly lang: 'fr' | 'en';
}

function clampRange(text: string, range: readonly [number, number]): [number, number] {
  const from = Math.max(0, Math.min(text.length, Math.floor(range[0])));
  return [from, Math.max(from, Math.min(text.length, Math.floor(range[1])))];
}

function phoneSpans(scan: Scan): Span[] {
  return [...scan.folded.matchAll(scan.grammar.phone)].map((m) => [scan.offset + m.index, scan.offset + m.index + m[0].length]);
}

function mention(scan: Scan, kind: 'number' | 'ordinal', start: number, end: number, value: string, rule: string, attrs: Mention['attrs']): Mention {
  const span: [number, number] = [scan.offset + start, scan.offset + end];
  return { kind, span, text: scan.text.slice(span[0], span[1]), value, stated: true, rule: `${scan.lang}.${rule}`, attrs };
}

function ordinalFromDigits(scan: Scan, match: RegExpMatchArray): Mention | null {
  const start = match.index!;
  if (isIdentifier(scan, start)) return null;
  const value = String(Number(match[1]));
  return mention(scan, 'ordinal', start, start + match[0].length, value, 'ordinal.digits', {});
}

function ordinalFromWords(scan: Scan, match: RegExpMatchArray): Mention | null {
  const start = match.index!;
  const ordinalStart = start + match[0].length - match[2]!.length;
  const { grammar } = scan;
  grammar.notOrdinal.lastIndex = ordinalStart;
  if (grammar.notOrdinal.test(scan.folded)) return null;
  // "1 second" is a unit of time, not a rank.
  if (/\d[^\S\r\n]*$/.test(scan.folded.slice(Math.max(0, start - 3), start))) return null;
  const ordinal = grammar.ordinals.get(match[2]!.replace(/\s+/g, ' '))!;
  let value = BigInt(ordinal);
  if (match[1] !== undefined) {
    const prefix = parseNumberWords(match[1], grammar.words);
    if (!prefix || prefix.length !== match[1].length) return null;
    value = ordinal >= 100 ? prefix.value * value : prefix.value + value;
  }
  return mention(scan, 'ordinal', start, start + match[0].length, value.toString(), 'ordinal.words', { word: true });
}

function numberFromDigits(scan: Scan, match: RegExpMatchArray): Mention | null {
  const { grammar, folded } = scan;
  const [whole, currencySign, integer, fraction] = match as unknown as [string, string | undefined, string, string | undefined];
  const start = match.index!;
  const digitsStart = start + whole.length - integer.length - (fraction === undefined ? 0 : fraction.length + 1);
  const integerDigits = integer.replace(/\D/g, '');
  if (integerDigits.length > 1 && integerDigits.startsWith('0') && fraction === undefined) return null;
  if (currencySign === undefined && isIdentifier(scan, digitsStart)) return null;
  let value: Decimal = decimalOf(integerDigits, fraction ?? '');
  let end = start + whole.length;
  let unit: UnitReading | undefined = currencySign === undefined ? undefined : { unit: grammar.currencyPrefixes.get(currencySign)!, times: 1 };
  let multiplied = false;
  const suffix = currencySign === undefined ? null : stickyMatch(grammar.multiplierSuffix, folded, end);
  if (suffix) {
    value = multiplyDecimal(value, decimalFromInteger(grammar.multiplierSuffixes.get(suffix[1]!)!));
    end += suffix[0].length;
    multiplied = true;
  } else {
    const word = stickyMatch(grammar.multiplierWord, folded, end);
    if (word) {
      value = multiplyDecimal(value, decimalFromInteger(grammar.multipliers.get(word[1]!.replace(/\s+/g, ' '))!));
      end += word[0].length;
      multiplied = true;
    }
  }
  if (unit === undefined) {
    const unitMatch = stickyMatch(multiplied ? grammar.linkedUnit : grammar.unit, folded, end);
    if (unitMatch) {
      unit = (multiplied ? grammar.unitsAfterMultiplier : grammar.units).get(unitMatch[1]!.replace(/\s+/g, ' '))!;
      value = multiplyDecimal(value, decimalFromInteger(unit.times));
      end += unitMatch[0].length;
    }
  }
  // "3D", "4G", "12x": digits glued to letters that are not a unit are a name, not a quantity.
  if (/^[\p{L}\p{N}_]/u.test(folded.slice(end, end + 1))) return null;
  if (!unit && !multiplied && fraction === undefined && looksLikeYear(scan, integer, end)) return null;
  return mention(scan, 'number', start, end, formatDecimal(value), 'number.digits', quantityAttrs(scan, start, end, unit, false));
}

function numberFromWords(scan: Scan, match: RegExpMatchArray): Mention | null {
  const { grammar, folded } = scan;
  const start = match.index!;
  const parsed = parseNumberWords(match[0], grammar.words);
  if (!parsed) return null;
  let end = start + parsed.length;
  let value = decimalOf(parsed.value.toString());
  let unit: UnitReading | undefined;
  const unitMatch = stickyMatch(parsed.hasMultiplier ? grammar.linkedUnit : grammar.unit, folded, end);
  // A unit after number words needs a space: "deux m" is not "2 metres".
  if (unitMatch && (parsed.hasMultiplier || /^\s/u.test(unitMatch[0])) && /\p{L}{2}/u.test(unitMatch[1]!)) {
    unit = (parsed.hasMultiplier ? grammar.unitsAfterMultiplier : grammar.units).get(unitMatch[1]!.replace(/\s+/g, ' '))!;
    value = multiplyDecimal(value, decimalFromInteger(unit.times));
    end += unitMatch[0].length;
  }
  return mention(scan, 'number', start, end, formatDecimal(value), 'number.words', quantityAttrs(scan, start, end, unit, true));
}

/**
 * "the 2004 Tonys", "UPDATED 05 / 03 / 2013": a bare 4-digit number from 1900 to 2099 not followed by a
 * lower-case word (a counted noun, as in "2000 people") is a year the time grammar left alone, not a count.
 */
function looksLikeYear(scan: Scan, integer: string, end: number): boolean {
  if (!/^(?:19|20)\d\d$/.test(integer)) return false;
  return !/^[^\S\r\n]*\p{Ll}/u.test(scan.text.slice(scan.offset + end, scan.offset + end + 4));
}

function stickyMatch(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

function quantityAttrs(scan: Scan, start: number, end: number, unit: UnitReading | undefined, word: boolean): Mention['attrs'] {
  const attrs: Mention['attrs'] = { qualifier: qualifierBefore(scan, start) };
  if (unit) attrs['unit'] = unit.unit;
  if (word) attrs['word'] = true;
  const noun = countedNoun(scan, end);
  if (noun) attrs['noun'] = noun;
  return attrs;
}

function qualifierBefore(scan: Scan, start: number): string {
  const before = scan.folded.slice(Math.max(0, start - 40), start);
  const match = scan.grammar.qualifierBefore.exec(before);
  return match ? scan.grammar.qualifiers.get(match[1]!.replace(/\s+/g, ' '))! : 'exact';
}

/**
 * An identifier rather than a quantity: after an id word ("numéro 20", "n°5"), glued to a word by a
 * dash ("COVID-19"), or right after a capitalised word inside a sentence ("Windows 10", "CAN 2019").
 */
function isIdentifier(scan: Scan, start: number): boolean {
  const before = scan.folded.slice(Math.max(0, start - 30), start);
  if (scan.grammar.idBefore.test(before)) return true;
  // Only the scanned range counts: a metadata header before it (" date 2014-03-02 ") is not a sentence.
  const windowStart = Math.max(scan.offset, scan.offset + start - 40);
  const previous = wordBeforeSpaces(scan.text, windowStart, scan.offset + start);
  if (!previous || !startsUpper(previous.word)) return false;
  const folded = before.slice(before.length - (scan.offset + start - previous.start));
  if (scan.grammar.qualifierBefore.test(folded)) return false;
  if (scan.grammar.currencyPrefixes.has(previous.word.toLowerCase())) return false;
  const beforeWord = scan.text.slice(windowStart, previous.start);
  const sentenceStart = beforeWord.trim() === '' || /[.!?:;«»"“”(\n]\s*$/u.test(beforeWord);
  return !sentenceStart;
}

function countedNoun(scan: Scan, end: number): string | undefined {
  const after = scan.text.slice(scan.offset + end, scan.offset + end + 60);
  const words = /^[^\S\r\n]*(?:([\p{L}][\p{L}-]*)['’]?[^\S\r\n]*)?(?:([\p{L}][\p{L}-]*)['’]?[^\S\r\n]*)?(?:([\p{L}][\p{L}-]*))?/u.exec(after);
  if (!words) return undefined;
  for (const word of words.slice(1)) {
    if (word === undefined) return undefined;
    const key = scan.grammar.nounSkip.has(word.toLowerCase()) ? null : word;
    if (key === null) continue;
    if (!/^\p{Ll}/u.test(word) || scan.grammar.stopwords.has(word.toLowerCase())) return undefined;
    return word;
  }
  return undefined;
}
