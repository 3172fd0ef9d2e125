import { readModality } from '../../claims/modality.js';
import { fillTemplate, listOf, majority } from '../../compare/values.js';
import type { Claim, ClaimValue, EntityRef } from '../../model/claim.js';
import type { CorroborationDraft, FindingDraft, SideDraft } from '../../model/finding.js';
import type { Lexicon } from '../../model/lexicon.js';
import type { Mention, Span } from '../../model/mention.js';
import { foldDocument } from '../../text/fold.js';
import { RangeIndex, SpanIndex } from '../../text/spans.js';
import type { QuantityOptions, QuantityRuleFile, Tolerance } from '../schema.js';
import type { CheckResult, CorpusDocument, DocumentAnalysis, Rule, RuleMeta } from '../types.js';
import { pushTo } from '../../util/collections.js';
import { joinId } from '../../util/strings.js';

export const QUANTITY_MESSAGES = {
  conflict: '{{sides}}: the {{what}} does not match.',
};

/** Compiled `patterns:` of a quantity rule, per language (compiled and checked by the loader). */
export type CompiledPatterns = Partial<Record<string, readonly RegExp[]>>;

/**
 * A number attached to an event, compared across documents: "12 morts" vs "15 people killed".
 *
 * Reading: in each sentence, every trigger word of the rule (or match of one of its patterns) takes the
 * nearest number of the sentence, before it ("12 morts", "15 people killed") or else after it ("a tué
 * 12 personnes"), at most `maxWords` words away with no punctuation between. Numbers with a unit (km, %,
 * €) are not counts. The number's hedge ("au moins", "about") is kept.
 *
 * Same event: with `sameEvent: place`, two numbers are about the same event when the places named in
 * their sentences (else anywhere in their articles) are the same or one contains the other; numbers with no
 * place are not compared. With `sameEvent: corpus`, every number of the rule is about one event.
 *
 * Each document's first number for the event (its lede) is its side. Two sides conflict when their
 * values are further apart than the tolerance allows, hedges widening them: "at least 12" agrees with 15,
 * "about 12" with anything within 10 %.
 */
export function quantityRule(file: QuantityRuleFile, meta: RuleMeta, patterns: CompiledPatterns = {}): Rule {
  const messages = { ...QUANTITY_MESSAGES, ...meta.messages };
  const options = file.options;
  return {
    meta: { ...meta, messages },
    triggers: { ruleId: meta.id, eventType: file.quantity.what, phrases: file.quantity.triggers },
    extract: (analysis, ctx) => readQuantities(analysis, ctx.lexicon, meta.id, file.quantity.what, options, patterns),
    check(claims, analyses, ctx): CheckResult {
      const result: CheckResult = { findings: [], corroborated: [], events: [] };
      for (const group of sameEventGroups(claims, options.sameEvent)) {
        const sides = firstPerDocument(group);
        if (sides.length < 2) continue;
        const place = sides.flatMap((c) => c.places)[0];
        const placeName = place ? (ctx.lexicon.places[place.canonical]?.names[0] ?? place.text) : undefined;
        const fact = fillTemplate(file.quantity.label ?? (placeName ? '{{what}} in {{place}}' : '{{what}}'), {
          what: file.quantity.what,
          place: placeName ?? 'an unnamed place',
        });
        const docs = sides.map((c) => c.doc);
        result.events!.push({ fact, docs, why: options.sameEvent === 'corpus' ? 'one event per corpus (sameEvent: corpus)' : `same place: ${placeName}` });
        const values = distinctQuantities(sides, options.tolerance);
        const conflicting = values.some((a, i) => values.slice(i + 1).some((b) => !valuesAgree(a, b, options.tolerance)));
        if (!conflicting) {
          result.corroborated.push(corroboration(meta.id, fact, sides));
          continue;
        }
        result.findings.push({
          ruleId: meta.id,
          severity: meta.severity,
          fact,
          message: fillTemplate(messages.conflict, { sides: listOf(sides.map(describeSide)), what: file.quantity.what }),
          hint: hintFor(sides, analyses),
          confidence: options.sameEvent === 'corpus' ? 0.7 : 0.8,
          sides: sides.map(toSide),
          messageId: 'conflict',
        });
      }
      return result;
    },
  };
}

function readQuantities(
  analysis: DocumentAnalysis,
  lexicon: Lexicon,
  ruleId: string,
  what: string,
  options: QuantityOptions,
  patterns: CompiledPatterns,
): Claim[] {
  const { doc, sentences, mentions } = analysis;
  const locale = lexicon.locales[doc.lang];
  const folded = foldDocument(doc.text);
  const triggers = [...mentions.filter((m) => m.kind === 'trigger' && m.attrs.rule === ruleId), ...patternMatches(folded, doc.text, sentences, patterns[doc.lang] ?? [])];
  const documentPlaces = mentions.filter((m) => m.kind === 'place').map(placeRef);
  const claims: Claim[] = [];
  const seen = new Set<Mention>();
  const sentenceIndex = new RangeIndex(sentences);
  const mentionIndex = new SpanIndex(mentions);
  for (const trigger of triggers.sort((a, b) => a.span[0] - b.span[0])) {
    const sentence = sentenceIndex.containing(trigger.span);
    if (!sentence) continue;
    const inSentence = mentionIndex.within(sentence);
    const number = nearestCount(doc.text, trigger, inSentence, options.maxWords);
    if (!number || seen.has(number)) continue;
    seen.add(number);
    const places = inSentence.filter((m) => m.kind === 'place').map(placeRef);
    claims.push({
      id: joinId(doc.id, ruleId, number.span[0]),
      doc: doc.id,
      lang: doc.lang,
      ruleId,
      eventType: what,
      attribute: 'count',
      values: [
        {
          value: number.value,
          span: number.span,
          text: number.text,
          stated: true,
          number: Number(number.value),
          qualifier: typeof number.attrs.qualifier === 'string' ? number.attrs.qualifier : 'exact',
        },
      ],
      exhaustive: false,
      modality: locale ? readModality(folded, sentence, locale).modality : 'held',
      agents: [],
      places: places.length > 0 ? places : documentPlaces,
      trigger: { text: trigger.text, span: trigger.span },
      sentence,
      keyParts: { counted: trigger.text, phrase: doc.text.slice(Math.min(number.span[0], trigger.span[0]), Math.max(number.span[1], trigger.span[1])) },
    });
  }
  return claims;
}

/** Pattern matches inside sentences, as trigger-like mentions (patterns never run on more than a sentence). */
function patternMatches(folded: string, text: string, sentences: readonly Span[], patterns: readonly RegExp[]): Mention[] {
  const out: Mention[] = [];
  for (const pattern of patterns) {
    for (const sentence of sentences) {
      const slice = folded.slice(sentence[0], sentence[1]);
      pattern.lastIndex = 0;
      for (let match = pattern.exec(slice); match; match = pattern.exec(slice)) {
        if (match[0].length === 0) {
          pattern.lastIndex++;
          continue;
        }
        const span: Span = [sentence[0] + match.index, sentence[0] + match.index + match[0].length];
        out.push({ kind: 'trigger', span, text: text.slice(span[0], span[1]), value: 'pattern', stated: true, attrs: { pattern: pattern.source } });
      }
    }
  }
  return out;
}

function nearestCount(text: string, trigger: Mention, mentions: readonly Mention[], maxWords: number): Mention | undefined {
  let best: { mention: Mention; words: number; after: boolean } | undefined;
  for (const m of mentions) {
    if (m.kind !== 'number' || m.attrs.unit !== undefined || !Number.isFinite(Number(m.value))) continue;
    const after = m.span[0] >= trigger.span[1];
    if (!after && m.span[1] > trigger.span[0]) continue;
    const words = after ? wordsBetween(text, trigger.span[1], m.span[0]) : wordsBetween(text, m.span[1], trigger.span[0]);
    if (words > maxWords) continue;
    if (!best || words < best.words || (words === best.words && best.after && !after)) best = { mention: m, words, after };
  }
  return best?.mention;
}

function wordsBetween(text: string, from: number, to: number): number {
  const gap = text.slice(from, to);
  if (/[,;:.!?()«»"“”]/.test(gap)) return Infinity;
  return gap.split(/[\s\u00a0\u202f]+/).filter(Boolean).length;
}

function placeRef(mention: Mention): EntityRef {
  const within = Array.isArray(mention.attrs.within) ? (mention.attrs.within as string[]) : [];
  return { text: mention.text, span: mention.span, canonical: mention.value, key: mention.value, within };
}

/**
 * Each distinct value of the sides once (valuesAgree reads the number and its hedge): thousands of sides
 * repeat a few values, and comparing every pair of sides was quadratic. A value that does not even agree
 * with itself (no number) is kept every time, as every pair of sides would have compared it.
 */
function distinctQuantities(sides: readonly Claim[], tolerance: Tolerance): ClaimValue[] {
  const seen = new Set<string>();
  const values: ClaimValue[] = [];
  for (const side of sides) {
    const value = side.values[0]!;
    const key = `${value.number}\u0000${value.qualifier ?? ''}`;
    if (seen.has(key) && valuesAgree(value, value, tolerance)) continue;
    seen.add(key);
    values.push(value);
  }
  return values;
}

/**
 * Claims about one event: joined when they share a place (or all together with `corpus`), groups in the
 * order of their first claim. Two places are compatible when they have one key or one lies within the
 * other (`placeCompatible` in align/entities.ts), so claims are indexed by place key, never compared pair
 * by pair: every claim with a place of key k, and every claim with a place within k, is one event when
 * some claim names k.
 */
export function sameEventGroups(claims: readonly Claim[], sameEvent: QuantityOptions['sameEvent']): Claim[][] {
  if (sameEvent === 'corpus') return claims.length > 0 ? [[...claims]] : [];
  const placed = claims.filter((c) => c.places.length > 0);
  const parent = placed.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const named = new Map<string, number[]>();
  const inside = new Map<string, number[]>();
  placed.forEach((claim, i) => {
    for (const place of claim.places) {
      pushTo(named, place.key, i);
      for (const key of place.within) pushTo(inside, key, i);
    }
  });
  for (const [key, members] of named) {
    const root = find(members[0]!);
    for (const i of [...members, ...(inside.get(key) ?? [])]) parent[find(i)] = root;
  }
  const groups = new Map<number, Claim[]>();
  placed.forEach((claim, i) => pushTo(groups, find(i), claim));
  return [...groups.values()];
}

/** Each document's first number about the event, documents in id order. */
function firstPerDocument(group: readonly Claim[]): Claim[] {
  const first = new Map<string, Claim>();
  for (const claim of [...group].sort((a, b) => a.doc.localeCompare(b.doc) || a.values[0]!.span[0] - b.values[0]!.span[0])) {
    if (!first.has(claim.doc)) first.set(claim.doc, claim);
  }
  return [...first.values()];
}

/** The range a hedged value stands for: "at least 12" is [12, ∞), "about 12" is [10.8, 13.2]. */
export function valueRange(value: number, qualifier = 'exact'): [number, number] {
  switch (qualifier) {
    case 'about':
      return [value * 0.9, value * 1.1];
    case 'at-least':
    case 'more-than':
      return [value, Infinity];
    case 'at-most':
    case 'less-than':
      return [-Infinity, value];
    default:
      return [value, value];
  }
}

/** Two values agree when the ranges they stand for are no further apart than the tolerance. */
export function valuesAgree(a: { number?: number; qualifier?: string }, b: { number?: number; qualifier?: string }, tolerance: Tolerance): boolean {
  const [loA, hiA] = valueRange(a.number ?? NaN, a.qualifier);
  const [loB, hiB] = valueRange(b.number ?? NaN, b.qualifier);
  const gap = Math.max(0, loB - hiA, loA - hiB);
  if (tolerance === 'exact') return gap === 0;
  if ('absolute' in tolerance) return gap <= tolerance.absolute;
  return gap <= tolerance.relative * Math.max(Math.abs(a.number ?? 0), Math.abs(b.number ?? 0));
}

const HEDGE_WORDS: Record<string, string> = { about: 'about ', 'at-least': 'at least ', 'more-than': 'more than ', 'at-most': 'at most ', 'less-than': 'less than ' };

function describeSide(claim: Claim): string {
  const value = claim.values[0]!;
  return `${claim.doc} says ${HEDGE_WORDS[value.qualifier ?? 'exact'] ?? ''}${value.value} ("${claim.keyParts.phrase ?? value.text}")`;
}

function toSide(claim: Claim): SideDraft {
  const value = claim.values[0]!;
  const span: Span = [Math.min(value.span[0], claim.trigger.span[0]), Math.max(value.span[1], claim.trigger.span[1])];
  return { doc: claim.doc, values: [value.value], modality: claim.modality, span, sentence: claim.sentence };
}

function corroboration(ruleId: string, fact: string, sides: readonly Claim[]): CorroborationDraft {
  return { ruleId, fact, value: listOf([...new Set(sides.map((c) => c.values[0]!.value))]), sides: sides.map(toSide) };
}

function hintFor(sides: readonly Claim[], analyses: ReadonlyMap<string, CorpusDocument>): string {
  const byValue = new Map<string, string[]>();
  for (const claim of sides) byValue.set(claim.values[0]!.value, [...(byValue.get(claim.values[0]!.value) ?? []), claim.doc]);
  const verdict = majority([...byValue].map(([value, docs]) => ({ value, docs })));
  if (verdict) {
    return `${verdict.majority.docs.length} of ${sides.length} sources say ${verdict.majority.value}; ${listOf(verdict.outliers.flatMap((o) => o.docs))} may be wrong or out of date.`;
  }
  const dated = sides
    .map((c) => ({ doc: c.doc, published: analyses.get(c.doc)?.doc.published?.value }))
    .filter((d): d is { doc: string; published: string } => d.published !== undefined)
    .sort((a, b) => a.published.localeCompare(b.published));
  if (dated.length >= 2 && dated[0]!.published !== dated[dated.length - 1]!.published) {
    const latest = dated[dated.length - 1]!;
    return `Figures are often revised: ${latest.doc} is the latest report (${latest.published}). Check which figure is current.`;
  }
  return 'Check which figure is current and whether both speak of the same event.';
}
