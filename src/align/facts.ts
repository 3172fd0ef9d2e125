import type { Claim } from '../model/claim.js';
import type { Identity } from '../claims/events.js';
import { agentsOverlap, placesCompatible, seriesCompatible } from './entities.js';

/** Claims judged to speak of the same fact, and why. */
export interface Fact {
  key: string;
  ruleId: string;
  claims: Claim[];
  why: string;
}

/**
 * Groups claims of one rule into facts. Claims are first put in blocks by a cheap key (the series' head
 * word, the agent's surname), so the cost grows with the corpus, not with its square; inside a block,
 * claims that are compatible (same ordinal, compatible names and places) are joined.
 */
export function alignClaims(claims: readonly Claim[], identity: Identity): Fact[] {
  const blocks = new Map<string, Claim[]>();
  for (const claim of claims) {
    for (const key of blockingKeys(claim, identity)) {
      const block = blocks.get(key);
      if (block) block.push(claim);
      else blocks.set(key, [claim]);
    }
  }
  const facts: Fact[] = [];
  for (const [key, block] of [...blocks].sort((a, b) => a[0].localeCompare(b[0]))) {
    const parent = block.map((_, i) => i);
    const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
    const reasons = new Map<number, string>();
    for (let i = 0; i < block.length; i++) {
      for (let j = i + 1; j < block.length; j++) {
        const why = sameFact(block[i]!, block[j]!, identity);
        if (why && ordinalsAgree(block, parent, find, i, j)) {
          const root = find(j);
          parent[root] = find(i);
          reasons.set(find(i), why);
        }
      }
    }
    const groups = new Map<number, Claim[]>();
    block.forEach((claim, i) => {
      const root = find(i);
      groups.set(root, [...(groups.get(root) ?? []), claim]);
    });
    for (const [root, group] of groups) {
      if (new Set(group.map((c) => c.doc)).size < 2) continue;
      facts.push({ key, ruleId: group[0]!.ruleId, claims: group, why: reasons.get(root) ?? key });
    }
  }
  return dedupeFacts(facts);
}

/** Joining two groups must not put two different ordinals (the 7th and 8th sessions) in one fact. */
function ordinalsAgree(block: Claim[], parent: number[], find: (i: number) => number, i: number, j: number): boolean {
  const roots = new Set([find(i), find(j)]);
  const ordinals = new Set<number>();
  parent.forEach((_, k) => {
    const ordinal = block[k]!.ordinal;
    if (ordinal && roots.has(find(k))) ordinals.add(ordinal.value);
  });
  return ordinals.size <= 1;
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
