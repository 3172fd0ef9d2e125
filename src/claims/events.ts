import type { Claim, ClaimValue, EntityRef } from '../model/claim.js';
import type { Lang } from '../model/document.js';
import type { Lexicon } from '../model/lexicon.js';
import type { Mention, Span } from '../model/mention.js';
import type { TimeValue } from '../model/time.js';
import { foldDocument, foldWord } from '../text/fold.js';
import { splitClauses } from '../text/sentences.js';
import { isWithin, SpanIndex } from '../text/spans.js';
import { groupBy } from '../util/collections.js';
import { readModality } from './modality.js';
import { joinId, NO_KEYS, orNone } from '../util/strings.js';

export type Identity = 'series' | 'once' | 'repeatable';

/** What the claims stage needs of an event rule (built from its YAML by the rule engine). */
export interface EventSpec {
  ruleId: string;
  eventType: string;
  identity: Identity;
  /** Folded head words of the identifying name, per language (commission, forum / partenariat, accord). */
  nameHeads: Partial<Record<Lang, ReadonlySet<string>>>;
  /** Folded name words that do not tell two bodies apart. */
  genericNameWords: ReadonlySet<string>;
}

export interface ClaimInput {
  doc: { id: string; lang: Lang; text: string; published: { value: string; precision: string } | null };
  sentences: readonly Span[];
  mentions: readonly Mention[];
}

/** Lower-case words that may stand between a trigger and the body it belongs to ("session de la Commission"). */
const MAX_LINK_WORDS = 3;

/**
 * Event frames: for each clause with a trigger of one of `specs`, one claim per rule holding the event's
 * participants, place, ordinal, series name, times, count and modality. Times are shared out so that a
 * clause naming a visit "for the 3rd summit, planned for 2017" dates the summit, not the visit.
 */
export function buildEventClaims(input: ClaimInput, specs: readonly EventSpec[], lexicon: Lexicon): Claim[] {
  const { doc } = input;
  const locale = lexicon.locales[doc.lang];
  if (!locale || specs.length === 0) return [];
  const folded = foldDocument(doc.text);
  const specByRule = new Map(specs.map((spec) => [spec.ruleId, spec]));
  const triggers = input.mentions.filter((m) => m.kind === 'trigger' && specByRule.has(String(m.attrs.rule)));
  if (triggers.length === 0) return [];
  const claims: Claim[] = [];
  let counter = 0;
  const triggerIndex = new SpanIndex(triggers);
  const mentionIndex = new SpanIndex(input.mentions);
  for (const sentence of input.sentences) {
    const inSentence = triggerIndex.within(sentence);
    if (inSentence.length === 0) continue;
    for (const clause of splitClauses(doc.text, sentence, locale.clauseBreaks)) {
      const clauseTriggers = inSentence.filter((t) => isWithin(t.span, clause));
      if (clauseTriggers.length === 0) continue;
      const mentions = mentionIndex.within(clause);
      const times = mentions.filter((m) => m.kind === 'time' && !m.attrs.clock);
      const timeOwner = assignTimes(times, clauseTriggers, specByRule);
      const modality = readModality(folded, clause, locale);
      const byRule = groupBy(clauseTriggers, (t) => String(t.attrs.rule));
      for (const [ruleId, ruleTriggers] of byRule) {
        const spec = specByRule.get(ruleId)!;
        const frame = buildFrame(input, spec, ruleTriggers, mentions, lexicon);
        if (!frame) continue;
        const ownTimes = times.filter((t) => ruleTriggers.includes(timeOwner.get(t)!));
        let values = ownTimes.filter((t) => t.attrs.resolved !== false && t.value).map(timeValue);
        let claimModality = modality.modality;
        if (values.length === 0 && modality.current && doc.published && spec.identity !== 'repeatable') {
          values = [publicationValue(doc.published, frame.trigger.span)];
        }
        if (claimModality === 'held' && values.length > 0 && doc.published && values.every((v) => v.time && v.time.start > endOf(doc.published!))) {
          // A "held" event dated after the article was published can only be a plan.
          claimModality = 'planned';
        }
        const distinct = new Set(values.map((v) => v.value));
        claims.push({
          id: joinId(doc.id, ruleId, counter++),
          doc: doc.id,
          lang: doc.lang,
          ruleId,
          eventType: spec.eventType,
          attribute: 'time',
          values,
          exhaustive: frame.count !== undefined && frame.count === distinct.size && distinct.size > 0,
          count: frame.count,
          modality: claimModality,
          agents: orNone(frame.agents),
          places: orNone(frame.places),
          series: frame.series,
          ordinal: frame.ordinal,
          trigger: frame.trigger,
          sentence,
          keyParts: NO_KEYS,
        });
      }
    }
  }
  return claims;
}

/**
 * Each time expression goes to the nearest trigger of an identifiable event (series, once) in its clause;
 * visits and meetings get the clause's times only when no such event competes. Listed years stay together.
 */
function assignTimes(times: readonly Mention[], triggers: readonly Mention[], specs: ReadonlyMap<string, EventSpec>): Map<Mention, Mention> {
  const identifiable = triggers.filter((t) => specs.get(String(t.attrs.rule))?.identity !== 'repeatable');
  const owner = new Map<Mention, Mention>();
  const groupOwner = new Map<string, Mention>();
  for (const time of times) {
    const group = time.attrs.group === undefined ? undefined : String(time.attrs.group);
    const known = group ? groupOwner.get(group) : undefined;
    if (known) {
      owner.set(time, known);
      continue;
    }
    const pool = identifiable.length > 0 ? identifiable : triggers;
    const nearest = [...pool].sort((a, b) => distance(a.span, time.span) - distance(b.span, time.span))[0]!;
    owner.set(time, nearest);
    if (group) groupOwner.set(group, nearest);
  }
  return owner;
}

function distance(a: Span, b: Span): number {
  if (a[1] <= b[0]) return b[0] - a[1];
  if (b[1] <= a[0]) return a[0] - b[1];
  return 0;
}

function timeValue(mention: Mention): ClaimValue {
  const start = String(mention.attrs.start ?? '');
  const end = String(mention.attrs.end ?? start);
  const time: TimeValue | undefined = start ? { value: mention.value, precision: mention.precision ?? 'day', start, end } : undefined;
  return { value: mention.value, span: mention.span, text: mention.text, stated: mention.stated, time, qualifier: mention.rule };
}

function publicationValue(published: { value: string; precision: string }, span: Span): ClaimValue {
  const bounds = calendarBounds(published.value);
  return {
    value: published.value,
    span,
    text: '',
    stated: false,
    time: { value: published.value, precision: published.precision as TimeValue['precision'], start: bounds[0], end: bounds[1] },
    qualifier: 'present tense: taken as the publication date',
  };
}

/** Inclusive first and last day of "2018", "2018-12" or "2018-12-03". */
export function calendarBounds(value: string): [string, string] {
  const [y, m, d] = value.split('-');
  if (d) return [value, value];
  if (m) {
    const last = new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate();
    return [`${y}-${m}-01`, `${y}-${m}-${String(last).padStart(2, '0')}`];
  }
  return [`${y}-01-01`, `${y}-12-31`];
}

function endOf(published: { value: string }): string {
  return calendarBounds(published.value)[1];
}

interface Frame {
  trigger: { text: string; span: Span };
  agents: EntityRef[];
  places: EntityRef[];
  series?: Claim['series'];
  ordinal?: Claim['ordinal'];
  count?: number;
}

function buildFrame(input: ClaimInput, spec: EventSpec, triggers: Mention[], mentions: readonly Mention[], lexicon: Lexicon): Frame | null {
  const ordinals = mentions.filter((m) => m.kind === 'ordinal');
  const orgs = mentions.filter((m) => m.kind === 'org');
  // The trigger that carries an ordinal ("8e session") anchors the frame; else the first one.
  let anchor = triggers[0]!;
  let ordinal: Frame['ordinal'];
  for (const trigger of triggers) {
    const found = ordinals.find((o) => o.span[1] <= trigger.span[0] && gapWords(input.doc.text, o.span[1], trigger.span[0]) <= 1);
    if (found) {
      anchor = trigger;
      ordinal = { value: Number(found.value), span: found.span, text: found.text };
      break;
    }
  }
  let series: Frame['series'];
  if (spec.identity !== 'repeatable') {
    const heads = spec.nameHeads[input.doc.lang];
    const name =
      spec.identity === 'series' ? seriesName(input.doc.text, anchor, orgs) : nearestName(anchor, orgs.filter((o) => heads?.has(String(o.attrs.head))));
    if (!name) return null;
    series = nameKey(name, spec, lexicon);
    if (!series) return null;
  }
  if (spec.identity !== 'series') ordinal = undefined;
  const nameSpan = series?.span;
  const agents = mentions.filter((m) => m.kind === 'person' && m.value).map(entity);
  const places = mentions.filter((m) => m.kind === 'place' && !(nameSpan && isWithin(m.span, nameSpan))).map(entity);
  const numbers = mentions.filter((m) => m.kind === 'number' && !m.attrs.unit);
  const countMention = numbers.find((n) => n.span[1] <= anchor.span[0] && gapWords(input.doc.text, n.span[1], anchor.span[0]) <= 1);
  const count = countMention ? Number(countMention.value) : undefined;
  return {
    trigger: { text: anchor.text, span: anchor.span },
    agents: dedupe(agents),
    places: dedupe(places),
    series,
    ordinal,
    count: count !== undefined && Number.isInteger(count) ? count : undefined,
  };
}

function gapWords(text: string, from: number, to: number): number {
  if (to < from) return Infinity;
  const gap = text.slice(from, to);
  if (/[,;:.!?()]/.test(gap)) return Infinity;
  return gap.split(/[\s\u00a0\u202f—–-]+/).filter(Boolean).length;
}

/** The body a series trigger belongs to: the organisation containing it, followed up "de/of" chains. */
function seriesName(text: string, trigger: Mention, orgs: readonly Mention[]): Mention | undefined {
  let current = orgs.find((o) => isWithin(trigger.span, o.span));
  let from = current ? current.span[1] : trigger.span[1];
  for (;;) {
    const next = orgs.find((o) => o.span[0] >= from && isLink(text.slice(from, o.span[0])));
    if (!next) break;
    current = next;
    from = next.span[1];
  }
  return current;
}

function isLink(gap: string): boolean {
  if (/[,;:.!?()«»"]/.test(gap)) return false;
  const words = gap.split(/[\s\u00a0]+/).filter(Boolean);
  return words.length <= MAX_LINK_WORDS && words.every((w) => /^\p{Ll}/u.test(w));
}

function nearestName(trigger: Mention, names: readonly Mention[]): Mention | undefined {
  return [...names].sort((a, b) => distance(a.span, trigger.span) - distance(b.span, trigger.span))[0];
}

/** The words that identify a named body across languages: translated, folded, generic words and places dropped. */
function nameKey(name: Mention, spec: EventSpec, lexicon: Lexicon): Claim['series'] | undefined {
  const translate = (word: string) => lexicon.translations[word] ?? word;
  const placeWords = new Set<string>();
  for (const id of (name.attrs.places as string[] | undefined) ?? []) {
    for (const placeName of lexicon.places[id]?.names ?? []) for (const w of placeName.split(/[\s-]+/)) placeWords.add(foldWord(w));
  }
  const words = ((name.attrs.words as string[] | undefined) ?? [])
    .filter((w) => !placeWords.has(w))
    .map(translate)
    .filter((w) => !spec.genericNameWords.has(w));
  const head = translate(String(name.attrs.head ?? ''));
  if (!head) return undefined;
  const places = ((name.attrs.places as string[] | undefined) ?? []).map((p) => `@${p}`);
  return { text: name.text, span: name.span, words: [...new Set([...words, ...places])].sort(), head };
}

function entity(mention: Mention): EntityRef {
  const within = Array.isArray(mention.attrs.within) ? (mention.attrs.within as string[]) : [];
  const key = mention.kind === 'person' ? String(mention.attrs.surname ?? mention.value) : mention.value;
  return { text: mention.text, span: mention.span, canonical: mention.value, key, within };
}

function dedupe(refs: EntityRef[]): EntityRef[] {
  const seen = new Set<string>();
  return refs.filter((ref) => (seen.has(ref.key) ? false : (seen.add(ref.key), true)));
}
