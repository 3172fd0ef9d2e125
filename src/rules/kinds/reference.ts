import { calendarBounds } from '../../claims/events.js';
import { timesCompatible } from '../../compare/time.js';
import { englishOrdinal, fillTemplate, listOf } from '../../compare/values.js';
import type { Claim, ClaimValue } from '../../model/claim.js';
import type { FindingDraft } from '../../model/finding.js';
import type { Lexicon } from '../../model/lexicon.js';
import type { TimeValue } from '../../model/time.js';
import { foldName, foldWord } from '../../text/fold.js';
import type { ReferenceFact, ReferenceRuleFile, Tolerance } from '../schema.js';
import type { CheckResult, Rule, RuleMeta } from '../types.js';
import { valuesAgree } from './quantity.js';

export const REFERENCE_MESSAGES = {
  conflict: '{{doc}} says {{value}}, but the reference says {{expected}} ({{reference}}).',
  planDiffers: '{{doc}} gives {{value}} ({{modality}}), but the reference says {{expected}} ({{reference}}).',
};

/** What a reference rule borrows from the rule it names: claims read with that rule's words. */
export interface ReferenceTarget {
  /** The named rule, instantiated under the reference rule's id so its claims come to this rule. */
  reader: Rule;
  /** What its claims carry: dates (event rules) or numbers (quantity rules). */
  attribute: 'time' | 'count';
  /** The quantity rule's tolerance (counts only). */
  tolerance: Tolerance;
  /** The event type or the counted thing, for the fact's label. */
  what: string;
}

/** A fact's value, parsed once at load. */
export type ReferenceValue = { kind: 'time'; time: TimeValue } | { kind: 'count'; number: number };

/** Reads a fact's value for the target's attribute, or says what was expected. */
export function parseReferenceValue(value: string, attribute: ReferenceTarget['attribute']): ReferenceValue | string {
  if (attribute === 'count') {
    const number = Number(value);
    return Number.isFinite(number) ? { kind: 'count', number } : `a number for a quantity rule, not "${value}"`;
  }
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!match) return `a date written 2019-04-03, 2019-04 or 2019 for an event rule, not "${value}"`;
  const [start, end] = calendarBounds(value);
  const precision = match[3] ? 'day' : match[2] ? 'month' : 'year';
  return { kind: 'time', time: { value, precision, start, end } };
}

/**
 * Canonical facts a newsroom keeps, checked against every article: a claim read by the target rule that
 * matches a fact (same ordinal, series words, place, agent: every criterion given) but states an
 * incompatible value is reported, citing the article; the reference and its source are named in the
 * message. Only stated values are checked (not dates inferred from the publication date); a planned or
 * hedged value that differs is a warning, a held one gets the rule's severity; denials are ignored.
 */
export function referenceRule(file: ReferenceRuleFile, meta: RuleMeta, target: ReferenceTarget | undefined, values: readonly ReferenceValue[]): Rule {
  const messages = { ...REFERENCE_MESSAGES, ...meta.messages };
  if (!target || file.facts.length === 0) return { meta: { ...meta, messages } }; // nothing to check: reads nothing
  return {
    meta: { ...meta, messages },
    triggers: target.reader.triggers,
    extract: target.reader.extract,
    checkReadsDocuments: false,
    check(claims, _analyses, ctx): CheckResult {
      const findings: FindingDraft[] = [];
      file.facts.forEach((fact, index) => {
        const expected = values[index]!;
        const reported = new Set<string>();
        for (const claim of [...claims].sort((a, b) => a.doc.localeCompare(b.doc) || a.trigger.span[0] - b.trigger.span[0])) {
          if (claim.modality === 'negated' || reported.has(claim.doc) || !matches(claim, fact, ctx.lexicon)) continue;
          const stated = claim.values.filter((v) => v.stated && (expected.kind === 'time' ? v.time : v.number !== undefined));
          if (stated.length === 0 || stated.some((v) => agrees(v, expected, target.tolerance))) continue;
          reported.add(claim.doc);
          const value = stated[0]!;
          const held = claim.modality === 'held';
          findings.push({
            ruleId: meta.id,
            severity: held ? meta.severity : 'warning',
            fact: factLabel(fact, target),
            message: fillTemplate(held ? messages.conflict : messages.planDiffers, {
              doc: claim.doc,
              value: value.value,
              modality: claim.modality,
              expected: fact.value,
              reference: fact.source ?? meta.source,
            }),
            hint: `The reference is kept in ${meta.source}. If it is right, correct the article; if the fact changed, update the reference.`,
            confidence: 0.9,
            sides: [{ doc: claim.doc, values: [value.value], modality: claim.modality, span: value.span, sentence: claim.sentence }],
            messageId: held ? 'conflict' : 'planDiffers',
          });
        }
      });
      return { findings, corroborated: [] };
    },
  };
}

function agrees(value: ClaimValue, expected: ReferenceValue, tolerance: Tolerance): boolean {
  if (expected.kind === 'time') return timesCompatible(value.time!, expected.time);
  return valuesAgree(value, { number: expected.number }, tolerance);
}

/** A claim matches a fact when every criterion the fact gives holds. */
function matches(claim: Claim, fact: ReferenceFact, lexicon: Lexicon): boolean {
  const { ordinal, series, place, agent } = fact.match;
  if (ordinal !== undefined && claim.ordinal?.value !== ordinal) return false;
  if (series && !series.every((word) => seriesWords(claim, lexicon).has(translate(foldWord(word), lexicon)))) return false;
  if (place && !claimPlaceKeys(claim, lexicon).has(foldWord(place))) return false;
  if (agent) {
    const wanted = foldName(agent).split(' ');
    if (!claim.agents.some((a) => wanted.every((w) => foldName(a.canonical).split(' ').includes(w) || foldName(a.text).split(' ').includes(w)))) return false;
  }
  return true;
}

function translate(word: string, lexicon: Lexicon): string {
  return lexicon.translations[word] ?? word;
}

/** The words of the claim's series name, as written and translated (commission, mixte, joint…). */
function seriesWords(claim: Claim, lexicon: Lexicon): Set<string> {
  if (!claim.series) return new Set();
  const written = foldWord(claim.series.text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return new Set([...claim.series.words, claim.series.head, ...written, ...written.map((w) => translate(w, lexicon))]);
}

/** Every way of naming the claim's places: lexicon ids, names in every language, and what contains them. */
function claimPlaceKeys(claim: Claim, lexicon: Lexicon): Set<string> {
  const keys = new Set<string>();
  const ids = [...claim.places.flatMap((p) => [p.canonical, ...p.within]), ...(claim.series?.words ?? []).filter((w) => w.startsWith('@')).map((w) => w.slice(1))];
  for (const id of ids) {
    keys.add(foldWord(id));
    for (const name of lexicon.places[id]?.names ?? []) keys.add(foldWord(name));
  }
  for (const p of claim.places) keys.add(foldWord(p.text));
  return keys;
}

function factLabel(fact: ReferenceFact, target: ReferenceTarget): string {
  const { ordinal, series, place, agent } = fact.match;
  const instance = [ordinal ? `the ${englishOrdinal(ordinal)}` : 'the', target.what, series ? `of the ${series.join(' ')}` : ''].filter(Boolean).join(' ');
  const where = [place ? `in ${place}` : '', agent ? `with ${agent}` : ''].filter(Boolean);
  const subject = [instance, ...where].join(' ');
  return target.attribute === 'time' ? `date of ${subject}` : `${target.what}${where.length > 0 ? ` ${listOf(where)}` : ''}`;
}
