import type { LocaleLexicon } from '../../model/lexicon.js';
import type { Mention } from '../../model/mention.js';
import type { PublicationDate } from '../../model/time.js';
import { foldAligned } from '../../text/fold.js';
import { getOrMake } from '../../util/collections.js';
import { SpanIndex } from '../../text/spans.js';
import { timeGrammarOf } from './grammar.js';
import type { Candidate, ParseScope } from './parser.js';
import { refiners } from './refine.js';
import { type Anchor, anchorOf, resolveTime } from './resolve.js';
import { clauseBreaks, type TenseReader, tenseOf } from './tense.js';

export interface TimeContext {
  lang: 'fr' | 'en';
  lexicon: LocaleLexicon;
  published: PublicationDate | null;
  /** `foldAligned(text)` when the caller has it already (it is the same length as `text`). */
  foldedText?: string;
}

/**
 * The time grammar's readings of text[range[0]..range[1]), before they are resolved against a
 * publication date: parsed once per document, resolved once the publication date is known (which the
 * readings themselves may give: see findPublicationDate).
 */
export interface ParsedTimes {
  readonly text: string;
  readonly lang: 'fr' | 'en';
  /** Absolute offset of the range; candidates' offsets are relative to it. */
  readonly from: number;
  readonly original: string;
  readonly folded: string;
  readonly candidates: readonly Candidate[];
  readonly breaks: readonly number[];
  readonly tense: TenseReader;
}

/** All time expressions and durations in text[range[0]..range[1]); spans are absolute offsets into `text`. */
export function extractTimes(text: string, range: readonly [number, number], ctx: TimeContext): Mention[] {
  return resolveTimes(parseTimes(text, range, ctx), ctx.published);
}

/** The grammar's readings of the range, refined, not yet resolved. */
export function parseTimes(text: string, range: readonly [number, number], ctx: Omit<TimeContext, 'published'>): ParsedTimes {
  const from = Math.max(0, Math.min(text.length, Math.floor(range[0])));
  const to = Math.max(from, Math.min(text.length, Math.floor(range[1])));
  const grammar = timeGrammarOf(ctx.lexicon);
  const original = text.slice(from, to);
  const folded = ctx.foldedText !== undefined ? ctx.foldedText.slice(from, to) : foldAligned(original);
  const scope: ParseScope = {
    original,
    folded,
    words: grammar.words,
    numbers: grammar.numbers,
    namedDays: [...folded.matchAll(grammar.namedDays)].map((m) => [m.index, m.index + m[0].length] as const),
    durationCueBefore: (at) => grammar.durationCueAtEnd.test(folded.slice(Math.max(0, at - 40), at)),
    isAge: (start, end) =>
      grammar.ageBefore.test(folded.slice(Math.max(0, start - 20), start)) ||
      grammar.ageAfter.test(folded.slice(end, end + 12)) ||
      // "Michael Vann, 72 ans, a déclaré": an apposition after a name is an age.
      (/,[^\S\r\n]*$/u.test(folded.slice(Math.max(0, start - 3), start)) && /^[^\S\r\n]*[,)]/u.test(folded.slice(end, end + 3))),
  };
  let candidates: Candidate[] = [];
  // Whether the range contains a word of each list a parser requires, tested once per list.
  const found = new Map<RegExp, boolean>();
  const contains = (gate: RegExp) => getOrMake(found, gate, () => gate.test(folded));
  for (const { parser, regex, gates } of grammar.parsers) {
    if (!gates.every(contains)) continue;
    regex.lastIndex = 0;
    for (let match = regex.exec(folded); match; match = regex.exec(folded)) {
      if (match[0].length === 0) {
        regex.lastIndex++;
        continue;
      }
      const found = parser.extract(match, scope);
      if (found) candidates.push(found);
      // A rejected match may hide a valid one inside it ("a five-year deal": "a five" fails, "five-year" reads).
      else regex.lastIndex = match.index + 1;
    }
  }
  for (const refine of refiners) candidates = refine(candidates, { folded, words: grammar.words, offset: from });
  return { text, lang: ctx.lang, from, original, folded, candidates, breaks: clauseBreaks(folded, grammar.tense), tense: grammar.tense };
}

/** The readings resolved against a publication date; with `within`, only those inside that span (absolute offsets). */
export function resolveTimes(parsed: ParsedTimes, published: PublicationDate | null, within?: readonly [number, number]): Mention[] {
  const anchor = anchorOf(published);
  const { text, from, lang, original, folded, breaks, tense } = parsed;
  const chosen = within ? candidateIndex(parsed).within([within[0] - from, within[1] - from]) : parsed.candidates;
  return chosen.map((c) => toMention(c, text, from, lang, anchor, tenseOf(original, folded, c.start, c.end, breaks, tense)));
}

const candidateIndexes = new WeakMap<ParsedTimes, SpanIndex<Candidate>>();

/** The readings by position, made the first time a span's are asked for (the publication date asks sentence by sentence). */
function candidateIndex(parsed: ParsedTimes): SpanIndex<Candidate> {
  return getOrMake(candidateIndexes, parsed, () => new SpanIndex(parsed.candidates, (c) => c.start, (c) => c.end));
}

function toMention(c: Candidate, text: string, offset: number, lang: string, anchor: Anchor | null, tense: 'past' | 'future'): Mention {
  const resolution = resolveTime(c.spec, anchor, tense);
  const attrs: Mention['attrs'] = { ...c.attrs, ...resolution.attrs, resolved: resolution.resolved };
  if (resolution.range) {
    attrs['start'] = resolution.range.start;
    attrs['end'] = resolution.range.end;
  }
  if (resolution.tenseUsed) attrs['tense'] = tense;
  const span: [number, number] = [offset + c.start, offset + c.end];
  const mention: Mention = {
    kind: c.kind,
    span,
    text: text.slice(span[0], span[1]),
    value: resolution.value,
    stated: !resolution.inferred,
    rule: `${lang}.${c.rule}${resolution.note ? ` → ${resolution.note}` : ''}`,
    attrs,
  };
  if (resolution.precision) mention.precision = resolution.precision;
  return mention;
}
