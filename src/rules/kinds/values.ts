import { alignBlock, blockKeyOf, blocksOf, factsFrom, summarizeValues, valueStatistics, type AlignedPair, type ValueFact } from '../../align/values.js';
import { memorySource } from '../../claims/store.js';
import { buildValueClaims, type ValueType } from '../../claims/values.js';
import { listMembers, relate, type Relation } from '../../compare/quantities.js';
import { fillTemplate, listOf, MAX_MAJORITY_SIDES, oneDigitApart } from '../../compare/values.js';
import type { Claim, ClaimValue } from '../../model/claim.js';
import type { FindingDraft, Severity, SideDraft } from '../../model/finding.js';
import type { CheckResult, ClaimSource, Rule, RuleMeta } from '../types.js';

export interface ValuesOptions {
  types: ValueType[];
  threshold: number;
  localBonus: number;
  localWindow: number;
  maxPostings: number;
  /** Two documents alone (no majority) must agree on at least this many other aligned values. */
  minAgreements: number;
  /** An outlier must be aligned with the sources it contradicts at least this well, or share the words next to the value. */
  outlierThreshold: number;
  /** Below this confidence a disagreement is reported as info (a note to check), never as a conflict. */
  minConfidence: number;
  /** Below this confidence a disagreement is not reported at all. */
  reportConfidence: number;
}

export const VALUES_MESSAGES = {
  outlier: '{{majority}} give {{majorityValue}}; {{outliers}}.',
  split: '{{sides}}.',
};

export interface Group {
  claims: Claim[];
}

/**
 * Generic values: every weekday, year, date, count, quantity, ordinal and place a sentence states is a
 * claim; claims are aligned across documents and languages by what they measure and the words, names
 * and values around them; a fact whose documents disagree is reported when a majority outvotes an
 * outlier, or when two documents that agree on several other facts disagree on this one.
 */
export function valuesRule(options: ValuesOptions, meta: RuleMeta): Rule {
  const messages = { ...VALUES_MESSAGES, ...meta.messages };
  const types = new Set(options.types);
  return {
    meta: { ...meta, messages },
    extract: (analysis, ctx) =>
      buildValueClaims(analysis, ctx.lexicon, { ruleId: meta.id, types, localWindow: options.localWindow }),
    blockOf: blockKeyOf,
    summarize: summarizeValues,
    checkReadsDocuments: false,
    checkBlocks: (claims) => checkValues(claims, options, meta, messages),
    check: (claims) => checkValues(memorySource([...claims], summarizeValues), options, meta, messages),
  };
}

/**
 * The corpus statistics from each article's summary, then one pass over the claims, a shard at a time,
 * aligning each block.
 * A block's facts on which every source agrees become corroborations at once; only the facts in dispute
 * (few) are kept, with what judging them needs, until the evidence between documents is complete.
 */
function checkValues(source: ClaimSource, options: ValuesOptions, meta: RuleMeta, messages: typeof VALUES_MESSAGES): CheckResult {
  const statistics = valueStatistics(source.summaries());
  const evidence = new PairEvidence();
  const disputed: Array<{ order: string; fact: ValueFact; groups: Group[]; stated: StatedValues }> = [];
  const corroborated: Array<{ order: string; corroboration: CheckResult['corroborated'][number] }> = [];
  for (const shard of source.shards()) {
    for (const [key, block] of blocksOf(shard)) {
      const pairs = alignBlock(block, statistics, options);
      if (pairs.length === 0) continue;
      evidence.add(key, pairs);
      let stated: StatedValues | undefined;
      for (const fact of factsFrom(pairs)) {
        const groups = groupValues(fact);
        const order = fact.claims[0]!.id;
        if (groups.length === 1) {
          corroborated.push({ order, corroboration: { ruleId: meta.id, fact: factLabel(fact), value: fact.claims[0]!.values[0]!.value, sides: fact.claims.map(side) } });
          continue;
        }
        stated ??= statedValues(block);
        disputed.push({ order, fact, groups, stated: statedOf(stated, fact) });
      }
    }
  }
  // Facts in the order of their first claim, whatever the shards: the same report however claims were cut.
  const byOrder = (x: { order: string }, y: { order: string }) => (x.order < y.order ? -1 : x.order > y.order ? 1 : 0);
  const findings: FindingDraft[] = [];
  for (const { fact, groups, stated } of disputed.sort(byOrder)) {
    const finding = judge(fact, groups, evidence.pairs, stated, options, meta, messages);
    if (finding) findings.push(finding);
  }
  return { findings, corroborated: corroborated.sort(byOrder).map((c) => c.corroboration), events: sameEventGroups(evidence.pairs) };
}

/** Every value claim of each document, by document and key. */
type StatedValues = Map<string, Claim[]>;

function statedValues(claims: readonly Claim[]): StatedValues {
  const stated: StatedValues = new Map();
  for (const claim of claims) {
    const key = `${claim.doc}\u0000${blockKeyOf(claim)}`;
    const list = stated.get(key);
    if (list) list.push(claim);
    else stated.set(key, [claim]);
  }
  return stated;
}

/** The stated values of a fact's documents only (a disputed fact waits for judging without its whole block). */
function statedOf(stated: StatedValues, fact: ValueFact): StatedValues {
  const own: StatedValues = new Map();
  for (const claim of fact.claims) {
    const key = `${claim.doc}\u0000${fact.key}`;
    const list = stated.get(key);
    if (list) own.set(key, list);
  }
  return own;
}

interface Evidence {
  same: number;
  conflict: number;
  examples: string[];
}

/** How many examples of agreement are kept per document pair. */
const EXAMPLES = 3;

/**
 * Per document pair: how many aligned values agree and how many conflict, and the first few agreeing
 * values in key order (so the examples do not depend on the order blocks are read in).
 */
class PairEvidence {
  readonly pairs = new Map<string, Evidence>();
  private readonly exampleKeys = new Map<string, string[]>();

  add(blockKey: string, pairs: readonly AlignedPair[]): void {
    for (const { a, b } of pairs) {
      const key = pairKey(a.doc, b.doc);
      let entry = this.pairs.get(key);
      if (!entry) this.pairs.set(key, (entry = { same: 0, conflict: 0, examples: [] }));
      const relation = relate(a.attribute, a.values[0]!, b.values[0]!);
      if (relation === 'conflict') {
        entry.conflict++;
        continue;
      }
      entry.same++;
      let keys = this.exampleKeys.get(key);
      if (!keys) this.exampleKeys.set(key, (keys = []));
      // After the examples of the same or an earlier key (a block's pairs come in order), before later keys'.
      let at = keys.length;
      while (at > 0 && keys[at - 1]! > blockKey) at--;
      if (at >= EXAMPLES) continue;
      keys.splice(at, 0, blockKey);
      entry.examples.splice(at, 0, `"${a.values[0]!.text}"`);
      if (keys.length > EXAMPLES) {
        keys.pop();
        entry.examples.pop();
      }
    }
  }
}

function pairKey(x: string, y: string): string {
  return x < y ? `${x}\u0000${y}` : `${y}\u0000${x}`;
}

/**
 * Documents grouped by compatible values (a claim joins the first group it is compatible with throughout).
 * `relate` reads only what `valueKey` holds, so a group is tested against its distinct values: a fact of a
 * large archive has thousands of claims but a handful of values, and testing every member was quadratic.
 */
export function groupValues(fact: ValueFact): Group[] {
  const groups: Array<Group & { keys: Set<string>; values: ClaimValue[] }> = [];
  for (const claim of fact.claims) {
    const value = claim.values[0]!;
    const key = valueKey(value);
    let group = groups.find((g) => g.values.every((other) => relate(claim.attribute, other, value) !== 'conflict'));
    if (!group) groups.push((group = { claims: [], keys: new Set(), values: [] }));
    group.claims.push(claim);
    if (!group.keys.has(key)) {
      group.keys.add(key);
      group.values.push(value);
    }
  }
  return groups.map(({ claims }) => ({ claims })).sort((x, y) => y.claims.length - x.claims.length);
}

/** Everything `relate` reads of a value. */
function valueKey(value: ClaimValue): string {
  return `${value.value}\u0000${value.number ?? ''}\u0000${value.unit ?? ''}\u0000${value.qualifier ?? ''}`;
}

/** Each distinct value of some claims once (by `valueKey`), with the attribute `relate` is told. */
function distinctValues(claims: readonly Claim[]): Array<{ attribute: string; value: ClaimValue }> {
  const seen = new Map<string, { attribute: string; value: ClaimValue }>();
  for (const claim of claims) {
    const key = `${claim.attribute}\u0000${valueKey(claim.values[0]!)}`;
    if (!seen.has(key)) seen.set(key, { attribute: claim.attribute, value: claim.values[0]! });
  }
  return [...seen.values()];
}

function judge(
  fact: ValueFact,
  allGroups: Group[],
  evidence: Map<string, { same: number; conflict: number }>,
  stated: StatedValues,
  options: ValuesOptions,
  meta: RuleMeta,
  messages: typeof VALUES_MESSAGES,
): FindingDraft | null {
  let groups = allGroups;
  if (spansWeeks(fact)) return null;
  // Every dissenting claim must be firmly tied to the claims it contradicts; one that is only loosely
  // aligned is more likely a neighbouring sentence's value than a contradiction, and leaves the fact.
  const reference = groups[0]!;
  // Sets and distinct values, not lists: a fact of a large archive has thousands of claims.
  const inReference = new Set(reference.claims);
  const referenceValues = distinctValues(reference.claims);
  // A count of a named class (deaths, villages) already shares its counted noun with the other side.
  const countedClass = fact.key.startsWith('count:');
  const firm = (claim: Claim) =>
    fact.pairs.some(
      (p) =>
        (p.a === claim ? inReference.has(p.b) : p.b === claim && inReference.has(p.a)) &&
        (p.similarity >= options.outlierThreshold || p.local || countedClass || sameGroup(p.a, p.b)),
    );
  // An article that itself gives the value of the others elsewhere (same key) knows it: its other value is
  // about something else (a rival's three-year lease in an article that also gives the five-year one).
  const agreesElsewhere = (claim: Claim) =>
    (stated.get(`${claim.doc}\u0000${fact.key}`) ?? []).some(
      (other) => other !== claim && referenceValues.some((r) => relate(r.attribute, r.value, other.values[0]!) === 'same'),
    );
  groups = [
    reference,
    ...groups
      .slice(1)
      .map((g) => ({ claims: g.claims.filter(firm) }))
      .filter((g) => g.claims.length > 0 && !(g.claims.length >= 2 && g.claims.every(agreesElsewhere))),
  ];
  if (groups.length < 2) return null;
  const [first, second] = groups;
  const majority = first!.claims.length >= 2 && first!.claims.length > second!.claims.length ? first! : null;
  // Without a majority, two documents must otherwise tell the same story to be compared at all.
  if (!majority) {
    const docsA = first!.claims.map((c) => c.doc);
    const docsB = second!.claims.map((c) => c.doc);
    const strong = docsA.some((a) =>
      docsB.some((b) => {
        const e = evidence.get(pairKey(a, b));
        return !!e && e.same >= options.minAgreements && e.same >= 2 * e.conflict;
      }),
    );
    if (!strong) return null;
  }
  // Soft: the two leading groups never truly conflict (only rounding apart); with more groups, all rounding.
  const secondValues = distinctValues(second!.claims);
  const relations: Relation[] = distinctValues(first!.claims).flatMap((a) => secondValues.map((b) => relate(a.attribute, a.value, b.value)));
  const isSoft = relations.every((r) => r !== 'conflict') && (groups.length === 2 || relations.every((r) => r === 'soft'));
  // A large majority is cited by its first few sources; every dissenting source is cited.
  const sides = groups.flatMap((g, i) => (i === 0 ? g.claims.slice(0, MAX_MAJORITY_SIDES) : g.claims).map(side));
  const inFirst = new Set(first!.claims);
  const across = fact.pairs.filter((p) => inFirst.has(p.a) !== inFirst.has(p.b));
  const strength = across.reduce((max, p) => Math.max(max, p.similarity), 0);
  const local = across.some((p) => p.local);
  const typos = oneDigitPairs(groups);
  const hint = explain(fact, groups, majority, typos);
  let confidence = confidenceOf(fact.key, strength, local, majority?.claims.length ?? 0, typos.length > 0);
  let severity: Severity = meta.severity;
  if (isSoft) confidence = Math.min(confidence, 0.45);
  if (confidence < options.reportConfidence) return null;
  if (confidence < options.minConfidence) severity = 'info';
  else if ((!majority || isSoft) && severity === 'error') severity = 'warning';
  const describe = (g: Group) => `${listOf(g.claims.map((c) => c.doc))} ${g.claims.length > 1 ? 'say' : 'says'} ${g.claims[0]!.values[0]!.value}`;
  const message = majority
    ? fillTemplate(messages.outlier, {
        majority: `${majority.claims.length} sources`,
        majorityValue: majority.claims[0]!.values[0]!.value,
        outliers: groups.filter((g) => g !== majority).map(describe).join('; '),
      })
    : fillTemplate(messages.split, { sides: groups.map(describe).join('; ') });
  return {
    ruleId: meta.id,
    severity,
    fact: factLabel(fact),
    message,
    hint,
    confidence,
    sides,
    messageId: majority ? 'outlier' : 'split',
  };
}

/**
 * Two lists of ages that share most of their members ("17, 18, 20" / "17, 18, 26") speak of the same group
 * of people, however differently their sentences are worded.
 */
function sameGroup(a: Claim, b: Claim): boolean {
  if (a.attribute !== 'age') return false;
  const x = listMembers(a.values[0]!.value);
  const y = new Set(listMembers(b.values[0]!.value));
  const shared = x.filter((v) => y.has(v)).length;
  return shared >= 2 && 2 * shared >= Math.max(x.length, y.size);
}

/** Days within which two resolved weekdays can be the same occurrence. */
const SAME_WEEK_DAYS = 7;

/**
 * Weekdays resolved against publication dates weeks apart name different occurrences (two meetings of the
 * same ministers), not one event told two ways: such a fact is not compared.
 */
function spansWeeks(fact: ValueFact): boolean {
  if (!fact.key.startsWith('weekday')) return false;
  const days = fact.claims.map((c) => c.values[0]!.time?.start).filter((d): d is string => !!d).map((d) => Date.parse(d));
  return days.length >= 2 && (Math.max(...days) - Math.min(...days)) / 86_400_000 > SAME_WEEK_DAYS;
}

/**
 * How likely a disagreement is a real contradiction rather than two different facts. Weekdays, years and
 * dates are rarely two facts in sentences that align; amounts, percentages, ordinals and places often are
 * (two offers, two awards, a hometown and a venue). Alignment strength, the words next to the values, a
 * majority and a one-digit difference raise it.
 */
const PRIORS: ReadonlyArray<readonly [RegExp, number]> = [
  [/^(weekday|weekday:future|year|date)$/, 0.5],
  [/^(count:|duration$|age(:|$))/, 0.4],
  [/^ordinal:/, 0.3],
  [/^quantity:(mass|length)$/, 0.35],
  [/^quantity:/, 0.15],
  [/^place$/, 0.05],
];

export function confidenceOf(key: string, strength: number, local: boolean, majority: number, typo: boolean): number {
  const prior = PRIORS.find(([pattern]) => pattern.test(key))?.[1] ?? 0.3;
  const support = majority >= 3 ? 0.1 : majority === 2 ? 0.05 : -0.05;
  const score = prior + 0.3 * Math.min(1, strength / 0.5) + (local ? 0.05 : 0) + support + (typo ? 0.1 : 0);
  return Math.round(Math.max(0.05, Math.min(0.95, score)) * 100) / 100;
}

function side(claim: Claim): SideDraft {
  const value = claim.values[0]!;
  // Places are compared by key; a person reads the name as written.
  const shown = claim.attribute === 'place' ? value.text : value.value;
  return { doc: claim.doc, values: [shown], modality: claim.modality, span: value.span, sentence: claim.sentence };
}

const TYPE_LABELS: Record<string, string> = {
  weekday: 'weekday',
  'weekday:future': 'announced weekday',
  year: 'year',
  date: 'date',
  duration: 'duration',
  place: 'place',
  'quantity:money': 'amount',
  'quantity:mass': 'weight',
  'quantity:length': 'distance',
  'quantity:percent': 'percentage',
};

/** "weekday of: sentenced, judge" — what is measured and the words that describe it. */
function factLabel(fact: ValueFact): string {
  const key = fact.key;
  const what = TYPE_LABELS[key] ?? (key.startsWith('count:') ? `number of ${key.slice(6)}` : key.startsWith('ordinal:') ? `ordinal of the ${key.slice(8)}` : key);
  const shared = sharedWords(fact.claims);
  return shared.length > 0 ? `${what} (${shared.slice(0, 4).join(', ')})` : what;
}

function sharedWords(claims: readonly Claim[]): string[] {
  const sets = claims.map((c) => new Set((c.keyParts.local ?? '').split(' ').filter(Boolean)));
  const counts = new Map<string, number>();
  for (const set of sets) for (const w of set) counts.set(w, (counts.get(w) ?? 0) + 1);
  return [...counts].filter(([, n]) => n >= 2).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
}

/** The groups' values that differ by one digit (2013 / 2003): the signature of a typo. */
function oneDigitPairs(groups: readonly Group[]): Array<[string, string]> {
  const values = groups.map((g) => g.claims[0]!.values[0]!.value);
  const pairs: Array<[string, string]> = [];
  for (let i = 0; i < values.length; i++) {
    for (let j = i + 1; j < values.length; j++) if (oneDigitApart(values[i]!, values[j]!)) pairs.push([values[i]!, values[j]!]);
  }
  return pairs;
}

function explain(fact: ValueFact, groups: Group[], majority: Group | null, typos: ReadonlyArray<[string, string]>): string {
  const hints: string[] = [];
  const values = groups.map((g) => g.claims[0]!.values[0]!);
  for (let i = 0; i < values.length; i++) {
    for (let j = i + 1; j < values.length; j++) {
      if (typos.some(([x, y]) => x === values[i]!.value && y === values[j]!.value)) hints.push(`${values[i]!.value} and ${values[j]!.value} are one digit apart: a likely typo.`);
      if (values[i]!.unit && values[j]!.unit && values[i]!.unit !== values[j]!.unit && fact.key === 'quantity:money') {
        hints.push(`The currencies differ (${values[i]!.unit} vs ${values[j]!.unit}): a conversion or translation error.`);
      }
    }
  }
  if (majority) {
    const outliers = groups.filter((g) => g !== majority).flatMap((g) => g.claims.map((c) => c.doc));
    hints.push(`${listOf(outliers)} ${outliers.length > 1 ? 'are outliers' : 'is the outlier'} against ${majority.claims.length} sources.`);
  } else hints.push('Two sources disagree and neither has a majority; both otherwise report the same facts.');
  const langs = new Set(fact.claims.map((c) => c.lang));
  if (langs.size > 1) hints.push('The sources are in different languages: check the translation.');
  return hints.join(' ');
}

/** Documents linked by agreeing aligned values, reported as "judged to be about the same event". */
function sameEventGroups(evidence: ReadonlyMap<string, Evidence>): CheckResult['events'] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    const p = parent.get(x) ?? x;
    if (p === x) return x;
    const root = find(p);
    parent.set(x, root);
    return root;
  };
  // Document pairs in sorted order: the same groups and examples however the pairs were found.
  const why: Array<[string, string, string[]]> = [];
  for (const key of [...evidence.keys()].sort()) {
    const e = evidence.get(key)!;
    if (e.same < 2 || e.same < e.conflict) continue;
    const [a, b] = key.split('\u0000') as [string, string];
    parent.set(find(a), find(b));
    why.push([a, b, e.examples]);
  }
  const groups = new Map<string, { docs: Set<string>; examples: string[] }>();
  for (const [a, b, examples] of why) {
    const root = find(a);
    let group = groups.get(root);
    if (!group) groups.set(root, (group = { docs: new Set(), examples: [] }));
    group.docs.add(a).add(b);
    group.examples.push(...examples);
  }
  return [...groups.values()].map(({ docs, examples }) => ({
    fact: 'same event',
    docs: [...docs].sort(),
    why: `they agree on aligned values such as ${listOf([...new Set(examples)].slice(0, 4))}`,
  }));
}
