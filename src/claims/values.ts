import type { Claim, ClaimValue } from '../model/claim.js';
import type { Lexicon, LocaleLexicon } from '../model/lexicon.js';
import type { Mention, Span } from '../model/mention.js';
import { escapeRegExp, foldAligned, foldName, foldWord } from '../text/fold.js';
import { BoundedMemo, groupBy } from '../util/collections.js';
import { sentenceTokens, type Token } from '../extract/tokens.js';
import { timeGrammarOf } from '../extract/time/grammar.js';
import type { TenseReader } from '../extract/time/tense.js';
import type { ClaimInput } from './events.js';
import { joinId, NONE } from '../util/strings.js';

/** The kinds of values compared across articles without a rule per story. */
export const VALUE_TYPES = ['weekday', 'year', 'date', 'duration', 'count', 'age', 'quantity', 'ordinal', 'place'] as const;
export type ValueType = (typeof VALUE_TYPES)[number];

export interface ValueClaimOptions {
  ruleId: string;
  types: ReadonlySet<ValueType>;
  /** Content words this close to a value (in words) describe it ("sentenced Saturday", "three villages"). */
  localWindow: number;
}

const WEEKDAYS = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Units → the dimension they measure and the factor to a base unit; money keeps its currency apart. */
const UNITS: Record<string, { dimension: string; factor: number }> = {
  kg: { dimension: 'mass', factor: 1 },
  g: { dimension: 'mass', factor: 0.001 },
  t: { dimension: 'mass', factor: 1000 },
  lb: { dimension: 'mass', factor: 0.45359237 },
  m: { dimension: 'length', factor: 1 },
  km: { dimension: 'length', factor: 1000 },
  cm: { dimension: 'length', factor: 0.01 },
  mi: { dimension: 'length', factor: 1609.344 },
  ft: { dimension: 'length', factor: 0.3048 },
  '%': { dimension: 'percent', factor: 1 },
};

interface Vocabulary {
  functionWords: Set<string>;
  classes: Map<string, string>;
  /** The time grammar's reader of future cues ("will", "se tiendra") and endings ("-eront"). */
  tense: TenseReader;
  ages: AgeReader;
  /** The words of the age phrases, as compared (normaliseWord). */
  ageWords: Set<string>;
  /** The translation table `contentWords` was made with. */
  translations: Lexicon['translations'];
  /** Memo of contentWord by token text: every sentence with a value is read word by word, and its words recur. */
  contentWords: BoundedMemo<string | null>;
}

/** Patterns that tell an age from the words around a number (see `ages` in the lexicon). */
interface AgeReader {
  /** Folded text before the number ends with a cue, maybe followed by the first ages of a list ("aged 17, 18 and "). */
  before: RegExp | null;
  /** The same, with nothing but a comma or a bracket before the cue (after a name: "Saipov, âgé de "). */
  named: RegExp | null;
  /** Text after the number starts with an age word ("-year-old"). */
  after: RegExp | null;
  /** Folded text before the number ends with a person noun (or a number) and a link ("un homme de "). */
  person: RegExp | null;
  /** Text after the number starts with the unit of that construction (" ans"). */
  unit: RegExp | null;
}

/** Ages above this are not ages ("aged 2013" is a misreading). */
const MAX_AGE = 125;

function ageReader(locale: LocaleLexicon): AgeReader {
  const { ages } = locale;
  // "year-old" also matches "year old": the parts of a phrase may be joined by dashes or spaces.
  const alt = (words: readonly string[]) =>
    words.map((w) => foldAligned(w).split(/[-\s]+/).map(escapeRegExp).join('[-\\s]+')).join('|');
  const list = `(?:\\d{1,3}\\s*(?:,${ages.joins.length ? `|(?:${alt(ages.joins)})(?![\\p{L}])` : ''})\\s*)*`;
  const numberWords = Object.keys(locale.numbers);
  return {
    before: ages.before.length ? new RegExp(`(?<![\\p{L}])(?:${alt(ages.before)})\\s+${list}$`, 'u') : null,
    named: ages.before.length ? new RegExp(`^\\s*[,(]?\\s*(?:${alt(ages.before)})\\s+${list}$`, 'u') : null,
    after: ages.after.length ? new RegExp(`^[-\\s](?:${alt(ages.after)})(?![\\p{L}])`, 'iu') : null,
    person:
      ages.persons.length && ages.links.length
        ? new RegExp(`(?<![\\p{L}])(?:${alt([...ages.persons, ...numberWords])}|\\d+)\\s+(?:${alt(ages.links)})\\s*$`, 'u')
        : null,
    unit: ages.units.length ? new RegExp(`^\\s+(?:${alt(ages.units)})(?![\\p{L}])`, 'iu') : null,
  };
}

/**
 * Whether a number states someone's age ("a 20-year-old", "aged 17, 18 and 20", "un homme de 20 ans",
 * "Vessel, 41,"), and whose, when a name is attached to it: `null` if it is not an age, the person's
 * name (or '' when none is attached) if it is.
 */
function ageOf(mention: Mention, text: string, inside: readonly Mention[], ages: AgeReader): string | null {
  const digits = /^\d{1,3}(?![\d.,]\d)/.exec(mention.text);
  if (!digits || Number(digits[0]) > MAX_AGE) return null;
  const start = mention.span[0];
  const end = start + digits[0].length;
  const after = text.slice(end, end + 24);
  const suffix = ages.after?.exec(after);
  const nameOf = (m: Mention | undefined) => (m ? String(m.attrs.surname ?? m.value ?? '') : '');
  if (suffix) {
    // "the 41-year-old Bowe": the name right after the age phrase.
    const at = end + suffix[0].length;
    return nameOf(inside.find((m) => m.kind === 'person' && m.span[0] >= at && /^\s*$/.test(text.slice(at, m.span[0]))));
  }
  const before = foldAligned(text.slice(Math.max(0, start - 60), start));
  const apposed = inside.find((m) => m.kind === 'person' && m.span[1] <= start && /^\s*[,(]\s*$/.test(text.slice(m.span[1], start)));
  if (apposed && /^\s*[,)]/.test(after)) return nameOf(apposed);
  if (ages.before?.test(before)) {
    // "Saipov, âgé de 30 ans": the name the cue follows.
    const named = ages.named;
    return nameOf(named ? inside.find((m) => m.kind === 'person' && m.span[1] <= start && named.test(foldAligned(text.slice(m.span[1], start)))) : undefined);
  }
  return ages.person?.test(before) && ages.unit?.test(after) ? '' : null;
}

const vocabularyCache = new WeakMap<LocaleLexicon, Vocabulary>();

function vocabulary(locale: LocaleLexicon, lexicon: Lexicon): Vocabulary {
  let vocab = vocabularyCache.get(locale);
  if (!vocab) {
    const classes = new Map<string, string>();
    for (const [name, words] of Object.entries(locale.nounClasses)) for (const word of words) classes.set(foldWord(word), name);
    vocab = {
      functionWords: new Set([...locale.functionWords, ...locale.stopwords].map(foldWord)),
      classes,
      tense: timeGrammarOf(locale).tense,
      ages: ageReader(locale),
      ageWords: new Set(
        [...locale.ages.before, ...locale.ages.after, ...locale.ages.units].flatMap((phrase) => phrase.split(/[-\s]+/)).filter((w) => /\p{L}{2,}/u.test(w)).map((w) => normaliseWord(w, lexicon)),
      ),
      translations: lexicon.translations,
      contentWords: new BoundedMemo(50_000),
    };
    vocabularyCache.set(locale, vocab);
  }
  return vocab;
}

/** Letters kept of a word to compare it: a crude stem that also joins French and English cognates (inaugur-). */
const STEM_LENGTH = 5;

/** A word reduced for comparison: folded, translated to English, cut to a stem shared by its inflections and cognates. */
export function normaliseWord(word: string, lexicon: Lexicon): string {
  const folded = foldWord(word).replace(/['’]s$/, '');
  const translated = lexicon.translations[folded] ?? folded;
  return translated.slice(0, STEM_LENGTH);
}

/**
 * Value claims: every weekday, year, date, count of a thing, measured quantity, ordinal and place that a
 * sentence states, each keyed by what it measures (the counted noun's class, the unit's dimension) and
 * described by the words around it, so that the same fact can be found in another article, in either
 * language, however it is phrased.
 */
export function buildValueClaims(input: ClaimInput, lexicon: Lexicon, options: ValueClaimOptions): Claim[] {
  const { doc } = input;
  const locale = lexicon.locales[doc.lang];
  if (!locale) return [];
  const vocab = vocabulary(locale, lexicon);
  const claims: Claim[] = [];
  let mentionIndex = 0;
  const mentions = input.mentions;
  for (const sentence of input.sentences) {
    while (mentionIndex < mentions.length && mentions[mentionIndex]!.span[0] < sentence[0]) mentionIndex++;
    const inside: Mention[] = [];
    for (let k = mentionIndex; k < mentions.length && mentions[k]!.span[0] < sentence[1]; k++) {
      if (mentions[k]!.span[1] <= sentence[1]) inside.push(mentions[k]!);
    }
    if (!inside.some(isValueMention)) continue;
    const tokens = sentenceTokens(doc.text, sentence);
    const words = tokens.map((t) => ({ token: t, word: contentWord(t, vocab, lexicon) }));
    // One string per sentence, shared by every claim read from it (memory on large archives).
    const context = [...new Set(words.map((w) => w.word).filter((w): w is string => w !== null))].sort().join(' ');
    const anchors = new Map<Mention, string>();
    for (const m of inside) {
      const anchor = anchorOf(m);
      if (anchor) anchors.set(m, anchor);
    }
    const reads: Array<{ mentions: Mention[]; read: ReadValue }> = [];
    const ages: Array<{ mention: Mention; read: ReadValue }> = [];
    for (const mention of inside) {
      for (const read of readValue(mention, doc.text, inside, tokens, vocab, lexicon, options.types)) {
        if (read.type === 'age') ages.push({ mention, read });
        else reads.push({ mentions: [mention], read });
      }
    }
    // The ages of one sentence are one claim, a list ("a 17-year-old, two 18-year-olds and a 20-year-old"):
    // the people of a list cannot be told apart, so lists are compared as sets.
    for (const list of groupBy(ages, (a) => a.read.key).values()) {
      reads.push({ mentions: list.map((a) => a.mention), read: ageList(list.map((a) => a.read), doc.text) });
    }
    for (const { mentions: own, read } of reads) {
      const mention = own[0]!;
      const span: Span = [mention.span[0], own[own.length - 1]!.span[1]];
      const local = localWords(words, span, options.localWindow);
      // "aged", "year-old", "ans" say that a number is an age, not which age: they would align any two ages.
      if (read.type === 'age') for (const word of vocab.ageWords) local.delete(word);
      const ownAnchors = new Set(own.map((m) => anchors.get(m)));
      const sentenceAnchors = [...anchors].filter(([m, a]) => !own.includes(m) && !ownAnchors.has(a)).map(([, a]) => a);
      claims.push({
        id: joinId(doc.id, options.ruleId, mention.span[0], read.type),
        doc: doc.id,
        lang: doc.lang,
        ruleId: options.ruleId,
        eventType: 'value',
        attribute: read.type,
        values: [read.value],
        exhaustive: false,
        modality: 'held',
        agents: NONE,
        places: NONE,
        trigger: { text: read.value.text, span: read.value.span },
        sentence,
        keyParts: {
          key: read.key,
          context,
          local: [...local].sort().join(' '),
          anchors: [...new Set(sentenceAnchors)].sort().join(' '),
        },
      });
    }
  }
  return claims;
}

/** The ages of one sentence as one list value (read back by `listMembers`): "17, 18, 20", in order, without repeats, cited from the first to the last. */
function ageList(reads: readonly ReadValue[], text: string): ReadValue {
  const first = reads[0]!.value;
  const last = reads[reads.length - 1]!.value;
  const ages = [...new Set(reads.map((r) => r.value.number!))].sort((x, y) => x - y);
  const span: Span = reads.length === 1 ? first.span : [first.span[0], last.span[1]];
  const base = { span, text: reads.length === 1 ? first.text : text.slice(span[0], span[1]), stated: true };
  return { type: 'age', key: reads[0]!.key, value: claimValue(base, { value: ages.join(', '), number: ages.length === 1 ? ages[0] : undefined }) };
}

function isValueMention(m: Mention): boolean {
  return m.kind === 'time' || m.kind === 'duration' || m.kind === 'number' || m.kind === 'ordinal' || m.kind === 'place';
}

/** Approximate length in days of an ISO duration ("P9Y", "P2M", "P3W", "P4D"), to compare units. */
function isoDurationDays(value: string): number {
  const m = /^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?/.exec(value);
  if (!m) return NaN;
  const [, y, mo, w, d] = m.map((x) => (x === undefined ? 0 : Number(x)));
  return y! * 365.25 + mo! * 30.44 + w! * 7 + d!;
}

function contentWord(token: Token, vocab: Vocabulary, lexicon: Lexicon): string | null {
  const { text } = token;
  // The memo holds for the translation table it was made with (a locale shared by another lexicon reads afresh).
  if (lexicon.translations !== vocab.translations) return readContentWord(text, vocab, lexicon);
  const known = vocab.contentWords.get(text);
  return known === undefined ? vocab.contentWords.set(text, readContentWord(text, vocab, lexicon)) : known;
}

/** The word a token contributes to its sentence's context (normaliseWord), or null for function words, numbers and punctuation. */
function readContentWord(text: string, vocab: Vocabulary, lexicon: Lexicon): string | null {
  if (!/\p{L}{2,}/u.test(text)) return null;
  const folded = foldWord(text).replace(/['’.]$/, '');
  if (vocab.functionWords.has(folded)) return null;
  return normaliseWord(text, lexicon);
}

/** Entities and values elsewhere in the sentence: strong evidence that two sentences tell the same thing. */
function anchorOf(m: Mention): string | null {
  switch (m.kind) {
    case 'person':
      return m.value ? `#${m.attrs.surname ?? m.value}` : null;
    case 'place':
      return `@${m.value}`;
    case 'org':
      return `&${String(m.attrs.head ?? '')}`;
    case 'time':
      if (m.attrs.clock || !m.value) return null;
      return m.stated ? `t:${m.value}` : m.attrs.weekday ? `w:${m.attrs.weekday}` : null;
    case 'number':
      return `n:${m.value}`;
    default:
      return null;
  }
}

function localWords(words: Array<{ token: Token; word: string | null }>, span: Span, window: number): Set<string> {
  const at = words.findIndex((w) => w.token.end > span[0]);
  const out = new Set<string>();
  if (at < 0) return out;
  let end = at;
  while (end < words.length && words[end]!.token.start < span[1]) end++;
  let seen = 0;
  for (let k = at - 1; k >= 0 && seen < window; k--) {
    if (/^[;:()«»"]$/.test(words[k]!.token.text)) break;
    const word = words[k]!.word;
    if (word) {
      out.add(word);
      seen++;
    }
  }
  seen = 0;
  for (let k = end; k < words.length && seen < window; k++) {
    if (/^[;:()«»"]$/.test(words[k]!.token.text)) break;
    const word = words[k]!.word;
    if (word) {
      out.add(word);
      seen++;
    }
  }
  return out;
}

interface ReadValue {
  type: ValueType;
  key: string;
  value: ClaimValue;
}

function readValue(
  mention: Mention,
  text: string,
  inside: readonly Mention[],
  tokens: readonly Token[],
  vocab: Vocabulary,
  lexicon: Lexicon,
  types: ReadonlySet<ValueType>,
): ReadValue[] {
  const base = { span: mention.span, text: mention.text, stated: mention.stated };
  if (mention.kind === 'time') {
    if (mention.attrs.clock) return [];
    const out: ReadValue[] = [];
    const weekday = Number(mention.attrs.weekday);
    if (weekday && types.has('weekday')) {
      // The day a weekday was resolved to (from the publication date) tells which week it belongs to.
      const start = mention.attrs.start === undefined ? undefined : String(mention.attrs.start);
      const time = start ? { value: start, precision: 'day' as const, start, end: String(mention.attrs.end ?? start) } : undefined;
      // "this coming Sunday", "next Tuesday" announce a day; they are never the day something happened.
      const future = Number(mention.attrs.offset ?? 0) > 0 || (mention.attrs.tense === 'future' && futureClause(mention, text, tokens, vocab));
      out.push({ type: 'weekday', key: future ? 'weekday:future' : 'weekday', value: claimValue(base, { value: WEEKDAYS[weekday]!, number: weekday, time }) });
    }
    const stated = mention.attrs.resolved === false && mention.attrs.day !== undefined && mention.attrs.month !== undefined;
    if (stated && types.has('date')) {
      // "on Feb. 22" with no publication date: the day and month are still stated.
      const pad = (n: unknown) => String(n).padStart(2, '0');
      out.push({ type: 'date', key: 'date', value: claimValue(base, { value: `--${pad(mention.attrs.month)}-${pad(mention.attrs.day)}` }) });
      return out;
    }
    if (mention.attrs.relative || mention.attrs.resolved === false || !types.has(mention.precision === 'year' ? 'year' : 'date')) return out;
    if (mention.precision === 'year' && /^\d{4}$/.test(mention.value) && mention.stated) {
      out.push({ type: 'year', key: 'year', value: claimValue(base, { value: mention.value, number: Number(mention.value) }) });
    } else if (mention.precision === 'day' && /^\d{4}-\d{2}-\d{2}$/.test(mention.value)) {
      // "16 October" with the year taken from the publication date: only the day and month are stated.
      out.push({ type: 'date', key: 'date', value: claimValue(base, { value: mention.stated ? mention.value : `--${mention.value.slice(5)}` }) });
    } else if (mention.precision === 'month' && /^\d{4}-\d{2}$/.test(mention.value) && mention.stated) {
      out.push({ type: 'date', key: 'date', value: claimValue(base, { value: mention.value }) });
    }
    return out;
  }
  const person = (mention.kind === 'number' || mention.kind === 'duration') && types.has('age') ? ageOf(mention, text, inside, vocab.ages) : null;
  if (person !== null) {
    // "âgés de 17, 18 et 26 ans" / "a 20-year-old": an age, whatever the number grammar made of it. The
    // ages of named people are only compared for the same name ("the 41-year-old Bowe", "Klitschko, 32,").
    const age = Number(/^\d+/.exec(mention.text)![0]);
    return [{ type: 'age', key: person ? `${AGE_KEY}:${foldName(person)}` : AGE_KEY, value: claimValue(base, { value: String(age), number: age }) }];
  }
  if (mention.kind === 'duration' && types.has('duration') && /^P\d/.test(mention.value)) {
    // "a nine-year deal" / "eight years", "four decades" / "deux décennies": compared as ISO durations.
    return [{ type: 'duration', key: 'duration', value: claimValue(base, { value: mention.value, number: isoDurationDays(mention.value) }) }];
  }
  if (mention.kind === 'number') {
    const amount = Number(mention.value);
    if (!Number.isFinite(amount)) return [];
    const unit = mention.attrs.unit === undefined ? undefined : String(mention.attrs.unit);
    const qualifier = String(mention.attrs.qualifier ?? 'exact');
    if (unit) {
      if (!types.has('quantity')) return [];
      const known = UNITS[unit];
      if (known) {
        return [{ type: 'quantity', key: `quantity:${known.dimension}`, value: claimValue(base, { value: `${mention.value} ${unit}`, number: amount * known.factor, unit, qualifier }) }];
      }
      // A currency (ISO code): amounts in different currencies are different values. Other units are
      // not compared, since they cannot be converted (degrees Celsius vs Fahrenheit).
      if (!/^[A-Z]{3}$/.test(unit)) return [];
      return [{ type: 'quantity', key: 'quantity:money', value: claimValue(base, { value: `${mention.value} ${unit}`, number: amount, unit, qualifier }) }];
    }
    if (!types.has('count')) return [];
    const noun = mention.attrs.noun === undefined ? null : foldWord(String(mention.attrs.noun));
    let counted = noun ? (vocab.classes.get(noun) ?? normaliseWord(noun, lexicon)) : measureBefore(mention, tokens, vocab, lexicon);
    // "1 000 personnes ont été blessées" / "six people were arrested": what happened to them is what is counted.
    if (counted === GENERIC_CLASS) counted = classAfter(mention, tokens, vocab) ?? counted;
    if (!counted || vocab.functionWords.has(counted)) return [];
    return [{ type: 'count', key: `count:${counted}`, value: claimValue(base, { value: mention.value, number: amount, qualifier }) }];
  }
  if (mention.kind === 'ordinal' && types.has('ordinal')) {
    const next = tokens.find((t) => t.start >= mention.span[1] && /\p{L}{3,}/u.test(t.text));
    if (!next || next.start - mention.span[1] > 2) return [];
    const noun = vocab.classes.get(foldWord(next.text)) ?? normaliseWord(next.text, lexicon);
    return [{ type: 'ordinal', key: `ordinal:${noun}`, value: claimValue(base, { value: mention.value, number: Number(mention.value) }) }];
  }
  if (mention.kind === 'place' && types.has('place')) {
    // Only places named as where something happened ("in Las Vegas"), not inside other names.
    const inName = inside.some((m) => m.kind === 'org' && m.span[0] <= mention.span[0] && m.span[1] >= mention.span[1]);
    const before = tokens.filter((t) => t.end <= mention.span[0]).pop();
    if (inName || !before || !/^(in|at|à|a|au|en|near|près)$/i.test(foldWord(before.text))) return [];
    const within = Array.isArray(mention.attrs.within) ? (mention.attrs.within as string[]) : [];
    return [{ type: 'place', key: 'place', value: claimValue(base, { value: mention.value, unit: within.join(' ') }) }];
  }
  return [];
}

/**
 * A claim value with every field in one fixed order (absent ones undefined): all values share one object
 * shape, which V8 stores compactly. The span is the mention's, shared with the claim's trigger.
 */
function claimValue(
  base: { span: Span; text: string; stated: boolean },
  fields: { value: string; number?: number; time?: ClaimValue['time']; qualifier?: string; unit?: string },
): ClaimValue {
  return {
    value: fields.value,
    span: base.span,
    text: base.text,
    stated: base.stated,
    time: fields.time,
    number: fields.number,
    qualifier: fields.qualifier,
    unit: fields.unit,
  };
}

/**
 * Whether the clause of a weekday speaks of the future. The time grammar reads the tense of the whole
 * clause, but a reporting clause set off by commas has its own ("the bridge will reopen next month, the
 * council said Friday": Friday is past). The weekday's comma-delimited segment decides, unless it holds
 * nothing but the weekday ("On Friday, the leaders will meet"), when the next segment does.
 */
function futureClause(mention: Mention, text: string, tokens: readonly Token[], vocab: Vocabulary): boolean {
  const isBreak = (t: Token) => /^[,;:()«»"—–]$/.test(t.text);
  let from = tokens.findIndex((t) => t.end > mention.span[0]);
  if (from < 0) return true;
  let to = from;
  while (from > 0 && !isBreak(tokens[from - 1]!)) from--;
  while (to < tokens.length && !isBreak(tokens[to]!)) to++;
  const content = tokens
    .slice(from, to)
    .filter((t) => (t.end <= mention.span[0] || t.start >= mention.span[1]) && /\p{L}{2,}/u.test(t.text) && !vocab.functionWords.has(foldWord(t.text)));
  if (content.length === 0) {
    // Only the weekday and small words: the clause it introduces follows.
    to++;
    while (to < tokens.length && !isBreak(tokens[to]!)) to++;
  }
  const segment = text.slice(tokens[from]!.start, tokens[Math.min(to, tokens.length) - 1]!.end);
  return vocab.tense.futureCue.test(foldAligned(segment)) || !!vocab.tense.futureWord?.test(segment);
}

/** The key of the ages stated in a sentence. */
export const AGE_KEY = 'age';

/** The class of counted things too general to compare on its own ("people"): refined by the verb that follows. */
const GENERIC_CLASS = 'people';
/** How far after a count its verb may stand ("people were arrested", "personnes ont été blessées"). */
const VERB_WINDOW = 5;

function classAfter(mention: Mention, tokens: readonly Token[], vocab: Vocabulary): string | undefined {
  const after = tokens.filter((t) => t.start >= mention.span[1]).slice(1, 1 + VERB_WINDOW);
  for (const token of after) {
    if (/^[,;:.]$/.test(token.text)) break;
    const found = vocab.classes.get(foldWord(token.text));
    if (found && found !== GENERIC_CLASS) return found;
  }
  return undefined;
}

/** "magnitude 5.9", "a depth of 10": the measure named just before a number without a counted noun. */
function measureBefore(mention: Mention, tokens: readonly Token[], vocab: Vocabulary, lexicon: Lexicon): string | null {
  const before = tokens.filter((t) => t.end <= mention.span[0]).slice(-3).reverse();
  for (const token of before) {
    const folded = foldWord(token.text);
    if (vocab.functionWords.has(folded) || !/^\p{L}{3,}/u.test(token.text)) continue;
    return vocab.classes.get(folded) ?? normaliseWord(token.text, lexicon);
  }
  return null;
}

export { WEEKDAYS };
