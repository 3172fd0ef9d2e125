import type { Claim } from '../model/claim.js';
import type { Identity } from '../claims/events.js';
import { pushTo } from '../util/collections.js';
import { agentsOverlap, placesCompatible, seriesCompatible } from './entities.js';

/** Claims judged to speak of the same fact, and why. */
export interface Fact {
  key: string;
  ruleId: string;
  claims: Claim[];
  why: string;
}

/** Time spent aligning claims since the process started, read by the `--timings` hook of a check. */
export const alignmentClock = { ms: 0 };

/**
 * Groups claims of one rule into facts. Claims are first put in blocks by a cheap key (the series' head
 * word, the agent's surname); inside a block, claims that are compatible (same ordinal, compatible names
 * and places) are joined. Claims that agree on everything compatibility reads (their signature) are
 * compared once, as a class, so a block costs its number of claims plus the square of its number of
 * distinct signatures, not the square of its claims: a large archive repeats the same few hundred facts.
 */
export function alignClaims(claims: readonly Claim[], identity: Identity): Fact[] {
  const started = performance.now();
  const blocks = new Map<string, Claim[]>();
  for (const claim of claims) {
    for (const key of blockingKeys(claim, identity)) pushTo(blocks, key, claim);
  }
  const facts: Fact[] = [];
  for (const [key, block] of [...blocks].sort((a, b) => a[0].localeCompare(b[0]))) {
    const compatibility = new BlockCompatibility(block, identity);
    for (const group of groupBlock(block, compatibility)) {
      const members = group.map((i) => block[i]!);
      if (new Set(members.map((c) => c.doc)).size < 2) continue;
      facts.push({ key, ruleId: members[0]!.ruleId, claims: members, why: lastReason(block, group, compatibility, identity) ?? key });
    }
  }
  alignmentClock.ms += performance.now() - started;
  return dedupeFacts(facts);
}

/** Everything `sameFact` reads of a claim: two claims with one signature are compatible with the same claims. */
function signature(claim: Claim, identity: Identity): string {
  const ordinal = claim.ordinal?.value ?? '';
  const places = claim.places.map((p) => `${p.key}<${p.within.join('\u0002')}`).sort().join('\u0001');
  if (identity === 'repeatable') return `${ordinal}\u0003${claim.agents.map((a) => a.key).sort().join('\u0001')}\u0003${places}`;
  const series = claim.series ? `${claim.series.head}\u0002${[...claim.series.words].sort().join('\u0001')}` : '';
  return identity === 'once' ? `${ordinal}\u0003${series}` : `${ordinal}\u0003${series}\u0003${places}`;
}

/** Whether two claims of a block are the same fact, decided once per pair of signatures. */
class BlockCompatibility {
  /** Signature class of each claim of the block, and the first claim of each class. */
  readonly classOf: number[] = [];
  readonly representative: number[] = [];
  private readonly matrix: Uint8Array;

  constructor(block: readonly Claim[], identity: Identity) {
    const ids = new Map<string, number>();
    for (let i = 0; i < block.length; i++) {
      const sig = signature(block[i]!, identity);
      let id = ids.get(sig);
      if (id === undefined) {
        ids.set(sig, (id = this.representative.length));
        this.representative.push(i);
      }
      this.classOf.push(id);
    }
    const k = this.representative.length;
    this.matrix = new Uint8Array(k * k);
    // Claims with two different ordinals are never joined (sameFact or the join refuses): skip such pairs.
    const ordinal = this.representative.map((i) => block[i]!.ordinal?.value);
    for (let p = 0; p < k; p++) {
      for (let q = p; q < k; q++) {
        if (ordinal[p] !== undefined && ordinal[q] !== undefined && ordinal[p] !== ordinal[q]) continue;
        if (sameFact(block[this.representative[p]!]!, block[this.representative[q]!]!, identity)) {
          this.matrix[p * k + q] = this.matrix[q * k + p] = 1;
        }
      }
    }
  }

  get classes(): number {
    return this.representative.length;
  }

  classesCompatible(p: number, q: number): boolean {
    return this.matrix[p * this.classes + q] === 1;
  }

  compatible(i: number, j: number): boolean {
    return this.classesCompatible(this.classOf[i]!, this.classOf[j]!);
  }
}

/**
 * The groups of a block, as claim indices in block order, groups ordered by their first claim. This is
 * the result of joining every compatible pair (i < j) in order unless the join would put two ordinals in
 * one group. Where a connected set of claims holds at most one ordinal, no join is refused and the order
 * does not matter: the group is the connected set. Only a set that an ordinal-less claim bridges across
 * ordinals is replayed pair by pair.
 */
function groupBlock(block: readonly Claim[], compatibility: BlockCompatibility): number[][] {
  const k = compatibility.classes;
  const classParent = Array.from({ length: k }, (_, p) => p);
  const findClass = (p: number): number => {
    while (classParent[p] !== p) p = classParent[p] = classParent[classParent[p]!]!;
    return p;
  };
  const joined = new Uint8Array(k);
  for (let p = 0; p < k; p++) {
    for (let q = p; q < k; q++) {
      if (!compatibility.classesCompatible(p, q)) continue;
      joined[p] = joined[q] = 1;
      classParent[findClass(q)] = findClass(p);
    }
  }
  const components = new Map<string, number[]>();
  for (let i = 0; i < block.length; i++) {
    const p = compatibility.classOf[i]!;
    // A class compatible with nothing, not even itself, leaves each of its claims alone.
    pushTo(components, joined[p] ? `c${findClass(p)}` : `i${i}`, i);
  }
  const groups: number[][] = [];
  for (const members of components.values()) {
    const ordinals = new Set(members.map((i) => block[i]!.ordinal?.value).filter((v) => v !== undefined));
    if (ordinals.size <= 1) groups.push(members);
    else groups.push(...replayJoins(block, members, compatibility));
  }
  return groups.sort((a, b) => a[0]! - b[0]!);
}

/** Joins compatible pairs of `members` in order, refusing a join that would mix two ordinals. */
function replayJoins(block: readonly Claim[], members: readonly number[], compatibility: BlockCompatibility): number[][] {
  const parent = members.map((_, a) => a);
  const ordinal = members.map((i) => block[i]!.ordinal?.value);
  const find = (a: number): number => {
    while (parent[a] !== a) a = parent[a] = parent[parent[a]!]!;
    return a;
  };
  for (let a = 0; a < members.length; a++) {
    for (let b = a + 1; b < members.length; b++) {
      if (!compatibility.compatible(members[a]!, members[b]!)) continue;
      const ra = find(a);
      const rb = find(b);
      if (ra === rb) continue;
      if (ordinal[ra] !== undefined && ordinal[rb] !== undefined && ordinal[ra] !== ordinal[rb]) continue;
      parent[rb] = ra;
      ordinal[ra] ??= ordinal[rb];
    }
  }
  const groups = new Map<number, number[]>();
  members.forEach((i, a) => pushTo(groups, find(a), i));
  return [...groups.values()];
}

/** Why a group is one fact: the reason of its last compatible pair in block order (the last join made). */
function lastReason(block: readonly Claim[], group: readonly number[], compatibility: BlockCompatibility, identity: Identity): string | null {
  for (let a = group.length - 2; a >= 0; a--) {
    for (let b = group.length - 1; b > a; b--) {
      if (compatibility.compatible(group[a]!, group[b]!)) return sameFact(block[group[a]!]!, block[group[b]!]!, identity);
    }
  }
  return null;
}

function blockingKeys(claim: Claim, identity: Identity): string[] {
  if (identity === 'repeatable') return [...new Set(claim.agents.map((a) => `${claim.ruleId}|${a.key}`))];
  return claim.series ? [`${claim.ruleId}|${claim.series.head}`] : [];
}

/** Why two claims are the same fact, or null when they are not. */
function sameFact(a: Claim, b: Claim, identity: Identity): string | null {
  if (identity === 'repeatable') {
    if (!agentsOverlap(a.agents, b.agents)) return null;
    if (a.places.length === 0 || b.places.length === 0 || !placesCompatible(a.places, b.places)) return null;
    return `same participant (${a.agents[0]?.canonical}) and place (${a.places[0]?.canonical})`;
  }
  if (!a.series || !b.series || !seriesCompatible(a.series, b.series)) return null;
  if (identity === 'once') return `same name (${a.series.text} ≈ ${b.series.text})`;
  if (a.ordinal && b.ordinal) {
    return a.ordinal.value === b.ordinal.value ? `same body (${a.series.text} ≈ ${b.series.text}) and ordinal ${a.ordinal.value}` : null;
  }
  // Without an ordinal on one side, only the host place tells which edition it is.
  if (a.places.length > 0 && b.places.length > 0 && placesCompatible(a.places, b.places)) {
    return `same body (${a.series.text} ≈ ${b.series.text}) hosted in ${a.places[0]?.canonical}`;
  }
  return null;
}

/** A claim can land in several blocks (one per agent); keep each group of claims once. */
function dedupeFacts(facts: Fact[]): Fact[] {
  const seen = new Set<string>();
  return facts.filter((fact) => {
    const id = fact.claims
      .map((c) => c.id)
      .sort()
      .join(',');
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
