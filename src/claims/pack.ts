/**
 * Claims packed to be written as JSON and read back exactly: the claims store's spill files (./store.ts)
 * and the analysis cache's entries (../cache/store.ts) both keep claims this way.
 */
import { Claim as ClaimSchema, type Claim } from '../model/claim.js';

/**
 * A claim as written: an array of its fields by position rather than an object with its keys, and without
 * what the line or the file already says (document, language, rule, the id's usual prefix) or empty
 * defaults. JSON costs most of what spilling costs, and the keys were a third of it.
 *
 * `[id, eventType, attribute, modality, sentence start, sentence end, values, flags, trigger, agents, places,
 * keyParts, series, ordinal, count, doc, lang, other fields]`, where `id` is the part after `doc#rule#`
 * (the whole id with flag FULL_ID), 0 stands for a field that is absent or empty, and trailing 0s are left out.
 */
export type PackedClaim = [string, string, string, Claim['modality'], number, number, PackedValue[], number, ...unknown[]];

/** A claim value: `[value, span start, span end, text, stated (1/0), its other fields (time, number…)?]`. */
type PackedValue = [string, number, number, string, 0 | 1, Record<string, unknown>?];

const EXHAUSTIVE = 1;
/** `id` is the whole id, which does not start with the usual `doc#rule#`. */
const FULL_ID = 2;
/** The trigger is the first value (its text and span), not written twice. */
const TRIGGER_IS_VALUE = 4;
const HAS_COUNT = 8;

/** Where the optional fields sit in a packed claim. */
const TRIGGER = 8;
const AGENTS = 9;
const PLACES = 10;
const KEY_PARTS = 11;
const SERIES = 12;
const ORDINAL = 13;
const COUNT = 14;
const DOC = 15;
const LANG = 16;
const REST = 17;

function packValue(claimValue: Claim['values'][number]): PackedValue {
  const packed: PackedValue = [claimValue.value, claimValue.span[0], claimValue.span[1], claimValue.text, claimValue.stated ? 1 : 0];
  const more = fieldsBeyond(claimValue, VALUE_FIELDS);
  if (more) packed.push(more);
  return packed;
}

const VALUE_FIELDS = new Set(['value', 'span', 'text', 'stated']);
const TRIGGER_FIELDS = new Set(['text', 'span']);
const CLAIM_FIELDS = new Set(Object.keys(ClaimSchema.shape));

/**
 * The fields of `object` not in `known` and not undefined (JSON would drop those), or undefined when there are
 * none. A loop rather than a rest pattern: this runs for every claim and value.
 */
function fieldsBeyond(object: object, known: ReadonlySet<string>): Record<string, unknown> | undefined {
  let more: Record<string, unknown> | undefined;
  for (const key in object) {
    const value = (object as Record<string, unknown>)[key];
    if (value !== undefined && !known.has(key)) (more ??= {})[key] = value;
  }
  return more;
}

function unpackValue(packed: PackedValue): Claim['values'][number] {
  const value: Claim['values'][number] = { value: packed[0], span: [packed[1], packed[2]], text: packed[3], stated: packed[4] === 1 };
  return packed.length > 5 ? Object.assign(value, packed[5]) : value;
}

/** `claim` packed, for a line or an entry that names its document (`lineDoc`) and language (`lineLang`). */
export function packClaim(claim: Claim, lineDoc: string, lineLang: string): PackedClaim {
  const { id, doc, lang, ruleId, eventType, attribute, values, exhaustive, count, modality, agents, places, series, ordinal, trigger, sentence, keyParts } = claim;
  const first = values[0];
  const prefix = `${doc}#${ruleId}#`;
  const ownId = id.startsWith(prefix);
  const triggerIsValue = first !== undefined && trigger.text === first.text && trigger.span[0] === first.span[0] && trigger.span[1] === first.span[1] && fieldsBeyond(trigger, TRIGGER_FIELDS) === undefined;
  const flags = (exhaustive ? EXHAUSTIVE : 0) | (ownId ? 0 : FULL_ID) | (triggerIsValue ? TRIGGER_IS_VALUE : 0) | (count === undefined ? 0 : HAS_COUNT);
  const packed: PackedClaim = [
    ownId ? id.slice(prefix.length) : id,
    eventType,
    attribute,
    modality,
    sentence[0],
    sentence[1],
    values.map(packValue),
    flags,
    triggerIsValue ? 0 : trigger,
    agents.length > 0 ? agents : 0,
    places.length > 0 ? places : 0,
    hasFields(keyParts) ? keyParts : 0,
    series ?? 0,
    ordinal ?? 0,
    count ?? 0,
    // Every claim of an article should name it; one that does not keeps its own.
    doc === lineDoc ? 0 : doc,
    lang === lineLang ? 0 : lang,
    fieldsBeyond(claim, CLAIM_FIELDS) ?? 0,
  ];
  while (packed.length > TRIGGER && packed[packed.length - 1] === 0) packed.pop();
  return packed;
}

function hasFields(object: object): boolean {
  for (const _ in object) return true;
  return false;
}

/** The claim `packClaim` was given, its fields in the schema's order (then a rule's own fields). */
export function unpackClaim(packed: PackedClaim, lineDoc: string, lineLang: string, ruleId: string): Claim {
  const flags = packed[7];
  const values = packed[6].map(unpackValue);
  const doc = typeof packed[DOC] === 'string' ? packed[DOC] : lineDoc;
  // Fields added one by one, in the schema's order (then a rule's own fields): no spread of optional ones.
  const claim = { id: flags & FULL_ID ? packed[0] : `${doc}#${ruleId}#${packed[0]}`, doc } as Claim;
  claim.lang = typeof packed[LANG] === 'string' ? packed[LANG] : lineLang;
  claim.ruleId = ruleId;
  claim.eventType = packed[1];
  claim.attribute = packed[2];
  claim.values = values;
  claim.exhaustive = (flags & EXHAUSTIVE) !== 0;
  if (flags & HAS_COUNT) claim.count = (packed[COUNT] as number | undefined) ?? 0;
  claim.modality = packed[3];
  claim.agents = (packed[AGENTS] as Claim['agents'] | undefined) || [];
  claim.places = (packed[PLACES] as Claim['places'] | undefined) || [];
  const series = packed[SERIES] as Claim['series'] | 0 | undefined;
  if (series) claim.series = series;
  const ordinal = packed[ORDINAL] as Claim['ordinal'] | 0 | undefined;
  if (ordinal) claim.ordinal = ordinal;
  claim.trigger = flags & TRIGGER_IS_VALUE ? { text: values[0]!.text, span: [values[0]!.span[0], values[0]!.span[1]] } : (packed[TRIGGER] as Claim['trigger']);
  claim.sentence = [packed[4], packed[5]];
  claim.keyParts = (packed[KEY_PARTS] as Claim['keyParts'] | undefined) || {};
  const rest = packed[REST] as Record<string, unknown> | 0 | undefined;
  return rest ? Object.assign(claim, rest) : claim;
}
