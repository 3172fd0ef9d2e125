import type { Claim, ClaimValue } from '../model/claim.js';
import type { CorroborationDraft, FindingDraft, Severity, SideDraft } from '../model/finding.js';
import type { Fact } from '../align/facts.js';
import { pushTo } from '../util/collections.js';
import { daysApart, timesCompatible } from './time.js';
import { fillTemplate, listOf, majority, MAX_MAJORITY_SIDES, oneDigitApart, strictLeader } from './values.js';

export interface CompareOptions {
  ruleId: string;
  severity: Severity;
  /** The fact in plain words, already filled. */
  fact: string;
  messages: Readonly<Record<string, string>>;
}

export interface CompareResult {
  findings: FindingDraft[];
  corroborated: CorroborationDraft[];
}

/** Default message templates of event rules; a rule file may override any of them by id. */
export const EVENT_MESSAGES = {
  conflict: '{{sides}}: the dates do not match.',
  planVersusHeld: '{{planned}} announced it for {{plannedValue}}; {{held}} reports it held {{heldValue}}.',
  plansDiffer: 'The announced dates differ: {{sides}}.',
  setConflict: '{{sides}}. {{shared}}',
} as const;

export interface DocSide {
  doc: string;
  claim: Claim;
  values: ClaimValue[];
}

/** The claim of each document that says most precisely when the event took place. */
function sidesByDoc(fact: Fact): { dated: DocSide[]; undated: DocSide[] } {
  const byDoc = new Map<string, Claim[]>();
  for (const claim of fact.claims) pushTo(byDoc, claim.doc, claim);
  const dated: DocSide[] = [];
  const undated: DocSide[] = [];
  for (const [doc, claims] of [...byDoc].sort((a, b) => a[0].localeCompare(b[0]))) {
    const withTimes = claims.filter((c) => c.values.some((v) => v.time));
    const best = withTimes.sort((a, b) => rank(b) - rank(a))[0];
    if (best) {
      const value = [...best.values.filter((v) => v.time)].sort((a, b) => precisionRank(a) - precisionRank(b))[0]!;
      dated.push({ doc, claim: best, values: [value] });
    } else undated.push({ doc, claim: claims[0]!, values: [] });
  }
  return { dated, undated };
}

function rank(claim: Claim): number {
  return claim.values.filter((v) => v.stated).length * 10 + (claim.modality === 'held' ? 1 : 0);
}

function precisionRank(value: ClaimValue): number {
  const order = ['day', 'month', 'season', 'year', 'decade'];
  return (value.stated ? 0 : 10) + order.indexOf(value.time?.precision ?? 'decade');
}

function toSide(side: DocSide): SideDraft {
  const value = side.values[0];
  const { ordinal, trigger } = side.claim;
  // An inferred or missing date is cited at the event's own words ("8e session").
  const evidence: [number, number] = ordinal ? [ordinal.span[0], trigger.span[1]] : trigger.span;
  return {
    doc: side.doc,
    values: side.values.map((v) => v.value),
    modality: side.claim.modality,
    span: value?.stated ? value.span : evidence,
    sentence: side.claim.sentence,
    inferred: value ? !value.stated : undefined,
  };
}

function describe(side: DocSide): string {
  const value = side.values[0];
  if (!value) return `${side.doc} gives no date`;
  const how = value.stated ? '' : ' (inferred from the publication date)';
  return `${side.doc} says ${value.value}${how} (${side.claim.modality})`;
}

/**
 * A large agreeing part of a finding: the sides of one modality in the group of compatible dates that
 * outnumbers every other group, when they are more than MAX_MAJORITY_SIDES. A finding cites its first few
 * and gives its number; every other side is cited. On an archive an event's usual date is repeated by
 * hundreds of articles (1,398 in a generated 100,000), and citing each made the finding's message, its
 * fingerprint and every report that lists its documents grow with the archive.
 */
interface Cluster {
  sides: DocSide[];
  modality: Claim['modality'];
}

function largeClusters(groups: readonly DocSide[][]): Map<DocSide, Cluster> {
  const inCluster = new Map<DocSide, Cluster>();
  const largest = strictLeader(groups, (group) => group.length);
  if (!largest) return inCluster;
  const byModality = new Map<Claim['modality'], DocSide[]>();
  for (const side of largest) pushTo(byModality, side.claim.modality, side);
  for (const [modality, sides] of byModality) {
    if (sides.length <= MAX_MAJORITY_SIDES) continue;
    const cluster = { sides, modality };
    for (const side of sides) inCluster.set(side, cluster);
  }
  return inCluster;
}

/** `sides` described one by one, each large cluster once, by its number, values and first few documents. */
function describeAll(sides: readonly DocSide[], clusters: ReadonlyMap<DocSide, Cluster>): string {
  const parts: string[] = [];
  const told = new Set<Cluster>();
  for (const side of sides) {
    const cluster = clusters.get(side);
    if (!cluster) parts.push(describe(side));
    else if (!told.has(cluster)) {
      told.add(cluster);
      const values = [...new Set(cluster.sides.map((s) => s.values[0]!.value))];
      parts.push(`${cluster.sides.length} sources say ${values.join(' or ')} (${cluster.modality}), among them ${someOf(cluster.sides.map((s) => s.doc))}`);
    }
  }
  return parts.join('; ');
}

/** Whether a side is cited: outside any large cluster, among its first few, or named by the message. */
function citedIn(clusters: ReadonlyMap<DocSide, Cluster>, named: readonly DocSide[]): (side: DocSide) => boolean {
  const first = new Set([...new Set(clusters.values())].flatMap((cluster) => cluster.sides.slice(0, MAX_MAJORITY_SIDES)));
  return (side) => !clusters.has(side) || first.has(side) || named.includes(side);
}

/**
 * Documents named in a message or a hint: all of them ("a, b and c", or as `few` lists them), or the
 * first MAX_MAJORITY_SIDES and how many more.
 */
function someOf(docs: readonly string[], few: (docs: readonly string[]) => string = listOf): string {
  if (docs.length <= MAX_MAJORITY_SIDES) return few(docs);
  return `${docs.slice(0, MAX_MAJORITY_SIDES).join(', ')} and ${docs.length - MAX_MAJORITY_SIDES} more`;
}

/**
 * A one-off or numbered event must have one date. Sides are grouped by compatible dates (at their common
 * precision); two groups make a finding: an error when both report it held, a warning when one only
 * announced it (a plan that slipped), info when two announcements differ.
 */
export function compareEventDates(fact: Fact, options: CompareOptions): CompareResult {
  const { dated, undated } = sidesByDoc(fact);
  if (dated.length < 2) return { findings: [], corroborated: [] };
  const groups: DocSide[][] = [];
  // Each group's distinct dates: hundreds of sources repeat a handful of dates, so a side meets only those.
  const dates: Array<Map<string, NonNullable<ClaimValue['time']>>> = [];
  for (const side of dated) {
    const time = side.values[0]!.time!;
    let at = dates.findIndex((known) => [...known.values()].every((other) => timesCompatible(other, time)));
    if (at < 0) {
      groups.push([]);
      dates.push(new Map());
      at = groups.length - 1;
    }
    groups[at]!.push(side);
    dates[at]!.set(JSON.stringify(time), time);
  }
  if (groups.length === 1) {
    return {
      findings: [],
      corroborated: [{ ruleId: options.ruleId, fact: options.fact, value: finest(dated), sides: dated.map(toSide) }],
    };
  }
  const held = dated.filter((s) => s.claim.modality === 'held' || s.claim.modality === 'hedged');
  const planned = dated.filter((s) => s.claim.modality === 'planned');
  // Sets, not lists: a fact of a large archive has thousands of sides, and list lookups made this quadratic.
  const isHeld = new Set(held);
  const heldGroups = groups.filter((g) => g.some((s) => isHeld.has(s)));
  let severity: Severity;
  let messageId: keyof typeof EVENT_MESSAGES;
  let message: string;
  let hint: string;
  let confidence: number;
  const clusters = largeClusters(groups);
  let named: DocSide[] = [];
  if (heldGroups.length >= 2) {
    severity = options.severity;
    messageId = 'conflict';
    message = fillTemplate(options.messages.conflict ?? EVENT_MESSAGES.conflict, { sides: describeAll(held, clusters) });
    const inHeldGroups = new Set(heldGroups.flat());
    hint = explainDisagreement(held.filter((s) => inHeldGroups.has(s)));
    confidence = held.some((s) => !s.values[0]!.stated) ? 0.6 : held.some((s) => s.claim.modality === 'hedged') ? 0.65 : 0.85;
    if (/typo|outlier/.test(hint)) confidence = Math.min(0.95, confidence + 0.05);
  } else if (planned.length > 0 && held.length > 0) {
    severity = downgrade(options.severity);
    messageId = 'planVersusHeld';
    const heldSide = held[0]!;
    const plannedSide = planned.find((p) => !timesCompatible(p.values[0]!.time!, heldSide.values[0]!.time!)) ?? planned[0]!;
    named = [heldSide, plannedSide];
    message = fillTemplate(options.messages.planVersusHeld ?? EVENT_MESSAGES.planVersusHeld, {
      planned: plannedSide.doc,
      plannedValue: plannedSide.values[0]!.value,
      held: heldSide.doc,
      heldValue: `on ${heldSide.values[0]!.value}${heldSide.values[0]!.stated ? '' : ' (inferred from the publication date)'}`,
    });
    const later = heldSide.values[0]!.time!.start > plannedSide.values[0]!.time!.end;
    hint = later
      ? 'Held later than announced: a plan that slipped, or the two sources mean different instances (check the ordinal).'
      : 'Held earlier than announced: check the ordinal or the dates.';
    confidence = heldSide.values[0]!.stated ? 0.6 : 0.5;
  } else {
    severity = 'info';
    messageId = 'plansDiffer';
    message = fillTemplate(options.messages.plansDiffer ?? EVENT_MESSAGES.plansDiffer, { sides: describeAll(dated, clusters) });
    hint = 'Announcements change; the later one is likely current.';
    confidence = 0.4;
  }
  if (undated.length > 0) hint += ` ${someOf(undated.map((s) => s.doc))} report${undated.length > 1 ? '' : 's'} the same event without a date.`;
  // A large cluster is cited by its first few sides, and so are sides without a date.
  const cited = citedIn(clusters, named);
  const sides = [...dated.filter(cited), ...undated.slice(0, MAX_MAJORITY_SIDES)].map(toSide);
  return {
    findings: [{ ruleId: options.ruleId, severity, fact: options.fact, message, hint, confidence, sides, messageId }],
    corroborated: [],
  };
}

function downgrade(severity: Severity): Severity {
  return severity === 'error' ? 'warning' : 'info';
}

function finest(sides: DocSide[]): string {
  return [...sides].sort((a, b) => precisionRank(a.values[0]!) - precisionRank(b.values[0]!))[0]!.values[0]!.value;
}

/** A likely typo (one digit apart), an outlier (3+ sources, one alone), or how far apart the dates are. */
export function explainDisagreement(sides: DocSide[]): string {
  const values = sides.map((s) => s.values[0]!);
  // Each distinct value once, in the order of its first side: the first pair one digit apart is the one a
  // scan of every pair of sides finds first (equal values never are), in the square of a handful of dates
  // rather than of thousands of sides.
  const distinct = [...new Set(values.map((v) => v.value))];
  for (let i = 0; i < distinct.length; i++) {
    for (let j = i + 1; j < distinct.length; j++) {
      if (oneDigitApart(distinct[i]!, distinct[j]!)) return `${distinct[i]} and ${distinct[j]} are one digit apart: a likely typo on one side.`;
    }
  }
  const support = groupSupport(sides);
  const verdict = majority(support);
  if (verdict) {
    return `${verdict.majority.docs.length} sources agree on ${verdict.majority.value}; ${listOf(verdict.outliers.map((o) => `${someOf(o.docs, (docs) => docs.join(', '))} (${o.value})`))} ${verdict.outliers.length > 1 ? 'are outliers' : 'is the outlier'}.`;
  }
  const gap = daysApart(values[0]!.time!, values[1]!.time!);
  return `The dates are ${gap} day${gap === 1 ? '' : 's'} apart; neither side has a majority.`;
}

function groupSupport(sides: DocSide[]): Array<{ value: string; docs: string[] }> {
  const groups: Array<{ value: string; docs: string[]; side: DocSide }> = [];
  for (const side of sides) {
    const group = groups.find((g) => timesCompatible(g.side.values[0]!.time!, side.values[0]!.time!));
    if (group) group.docs.push(side.doc);
    else groups.push({ value: side.values[0]!.value, docs: [side.doc], side });
  }
  return groups;
}

/**
 * Visits, meetings: each mention may be a different occurrence, so only complete lists are compared
 * ("two visits, in 2015 and 2017" vs "two visits, in 2001 and 2015"). Values are matched at their common
 * precision; single mentions of a listed value count as support for it.
 */
export function compareEnumerations(fact: Fact, options: CompareOptions): CompareResult {
  const lists = new Map<string, Claim>();
  for (const claim of fact.claims) {
    if (!claim.exhaustive || claim.modality === 'planned' || claim.modality === 'negated') continue;
    const current = lists.get(claim.doc);
    if (!current || claim.values.length > current.values.length) lists.set(claim.doc, claim);
  }
  const docs = [...lists.keys()].sort();
  if (docs.length < 2) return { findings: [], corroborated: [] };
  const listed = docs.map((doc) => lists.get(doc)!);
  const singles = fact.claims.filter((c) => !lists.has(c.doc) && c.modality !== 'planned' && c.modality !== 'negated');
  const allValues = listed.flatMap((claim) => claim.values);
  const distinct: ClaimValue[] = [];
  for (const value of allValues) {
    if (!distinct.some((d) => d.time && value.time && timesCompatible(d.time, value.time))) distinct.push(value);
  }
  const has = (claim: Claim, value: ClaimValue) => claim.values.some((v) => v.time && value.time && timesCompatible(v.time, value.time));
  const disputed = distinct.filter((value) => !listed.every((claim) => has(claim, value)));
  const toListSide = (claim: Claim): SideDraft => ({
    doc: claim.doc,
    values: claim.values.map((v) => v.value),
    modality: claim.modality,
    span: [Math.min(...claim.values.map((v) => v.span[0])), Math.max(...claim.values.map((v) => v.span[1]))],
    sentence: claim.sentence,
  });
  if (disputed.length === 0) {
    return { findings: [], corroborated: [{ ruleId: options.ruleId, fact: options.fact, value: distinct.map((d) => d.value).join(', '), sides: listed.map(toListSide) }] };
  }
  const shared = distinct.filter((value) => !disputed.includes(value)).map((v) => v.value);
  // The list most documents give, when they are many, is cited by its first few (see largeClusters).
  const common = commonList(listed, has) ?? [];
  const inCommon = new Set(common);
  const describeList = (claim: Claim) => `${claim.doc} lists ${listOf(claim.values.map((v) => v.value))}`;
  const parts: string[] = [];
  for (const claim of listed) {
    if (!inCommon.has(claim)) parts.push(describeList(claim));
    else if (claim === common[0]) {
      const docs = common.map((c) => c.doc);
      parts.push(`${docs.length} sources list ${listOf(claim.values.map((v) => v.value))}, among them ${someOf(docs)}`);
    }
  }
  const firstFew = new Set(common.slice(0, MAX_MAJORITY_SIDES));
  const sides = listed.filter((claim) => !inCommon.has(claim) || firstFew.has(claim)).map(toListSide);
  const message = fillTemplate(options.messages.setConflict ?? EVENT_MESSAGES.setConflict, {
    sides: parts.join('; '),
    shared: shared.length > 0 ? `${listOf(shared)} ${shared.length > 1 ? 'are' : 'is'} shared.` : 'No value is shared.',
  });
  const hints: string[] = [];
  for (let i = 0; i < disputed.length; i++) {
    for (let j = i + 1; j < disputed.length; j++) {
      if (oneDigitApart(disputed[i]!.value, disputed[j]!.value)) {
        hints.push(`${disputed[i]!.value} and ${disputed[j]!.value} differ by one digit: a likely typo on one side.`);
      }
    }
  }
  const support = disputed.map((value) => ({
    value: value.value,
    docs: [...new Set([...listed, ...singles].filter((claim) => has(claim, value)).map((c) => c.doc))],
  }));
  const verdict = majority(support);
  if (verdict) hints.push(`${verdict.majority.value} is reported by ${verdict.majority.docs.length} sources; ${listOf(verdict.outliers.map((o) => `${o.value} (${someOf(o.docs, (docs) => docs.join(', '))})`))} only by fewer.`);
  else hints.push('Neither side has a majority.');
  const corroborating = singles.filter((claim) => shared.length > 0 && claim.values.some((v) => distinct.some((d) => shared.includes(d.value) && d.time && v.time && timesCompatible(d.time, v.time))));
  if (corroborating.length > 0) {
    hints.push(`${someOf([...new Set(corroborating.map((c) => c.doc))])} also report${corroborating.length > 1 ? '' : 's'} ${listOf(shared)}.`);
  }
  return {
    findings: [
      {
        ruleId: options.ruleId,
        severity: options.severity,
        fact: options.fact,
        message,
        hint: hints.join(' '),
        confidence: listed.every((c) => c.values.every((v) => v.stated)) ? 0.9 : 0.7,
        sides,
        messageId: 'setConflict',
      },
    ],
    corroborated: [],
  };
}

/**
 * The lists that give the same values (each value of one compatible with one of the other's, as many of
 * each), in document order, when they outnumber every other such group and are more than
 * MAX_MAJORITY_SIDES; undefined otherwise.
 */
function commonList(listed: readonly Claim[], has: (claim: Claim, value: ClaimValue) => boolean): Claim[] | undefined {
  const groups: Claim[][] = [];
  for (const claim of listed) {
    const same = (other: Claim) => other.values.length === claim.values.length && claim.values.every((v) => has(other, v)) && other.values.every((v) => has(claim, v));
    const group = groups.find((g) => same(g[0]!));
    if (group) group.push(claim);
    else groups.push([claim]);
  }
  const largest = strictLeader(groups, (group) => group.length);
  return largest && largest.length > MAX_MAJORITY_SIDES ? largest : undefined;
}
