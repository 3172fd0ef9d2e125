import type { Claim } from '../model/claim.js';
import { pushTo } from '../util/collections.js';

export interface AlignedPair {
  a: Claim;
  b: Claim;
  similarity: number;
  /** The words right next to the two values overlap ("sentenced Saturday" / "sentenced on Monday"). */
  local: boolean;
}

export interface ValueFact {
  key: string;
  /** One claim per document. */
  claims: Claim[];
  pairs: AlignedPair[];
}

export interface ValueAlignOptions {
  /** Minimum similarity of two sentences for their values to be the same fact (0..1). */
  threshold: number;
  /** Bonus when the words right next to the two values overlap ("sentenced Saturday" / "sentenced on Monday"). */
  localBonus: number;
  /** Postings longer than this are skipped when looking for candidates (very common words). */
  maxPostings: number;
}

interface Features {
  claim: Claim;
  weights: Map<string, number>;
  norm: number;
  local: Set<string>;
}

/**
 * Finds, for each value claim, the claim of every other document that states the same fact: same key
 * (what is measured), in sentences that share rare words, names and other values (IDF-weighted cosine).
 * Candidates come from an inverted index inside each key's block, so the cost stays near-linear; a pair
 * is kept only when each claim is the other's best match in its document.
 */
export function alignValueClaims(claims: readonly Claim[], options: ValueAlignOptions): { facts: ValueFact[]; pairs: AlignedPair[] } {
  const idf = inverseDocumentFrequency(claims);
  const related = relatedDocuments(claims);
  const blocks = new Map<string, Claim[]>();
  for (const claim of claims) pushTo(blocks, claim.keyParts.key ?? claim.attribute, claim);
  const pairs: AlignedPair[] = [];
  for (const [, block] of [...blocks].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
    if (new Set(block.map((c) => c.doc)).size < 2) continue;
    const features = block.map((claim) => featuresOf(claim, idf));
    const postings = new Map<string, number[]>();
    features.forEach((f, i) => {
      for (const word of f.weights.keys()) pushTo(postings, word, i);
    });
    // best[i] = doc → { j, similarity }
    const best = features.map(() => new Map<string, { j: number; similarity: number; local: boolean }>());
    for (let i = 0; i < features.length; i++) {
      const candidates = new Set<number>();
      for (const word of features[i]!.weights.keys()) {
        const list = postings.get(word)!;
        if (list.length > options.maxPostings) continue;
        for (const j of list) if (j > i && features[j]!.claim.doc !== features[i]!.claim.doc) candidates.add(j);
      }
      for (const j of candidates) {
        if (!related(features[i]!.claim.doc, features[j]!.claim.doc)) continue;
        const { similarity, local } = similarityOf(features[i]!, features[j]!, options.localBonus);
        if (similarity < options.threshold) continue;
        offer(best[i]!, features[j]!.claim.doc, j, similarity, local);
        offer(best[j]!, features[i]!.claim.doc, i, similarity, local);
      }
    }
    for (let i = 0; i < features.length; i++) {
      for (const [doc, { j, similarity, local }] of best[i]!) {
        if (j < i) continue;
        const back = best[j]!.get(features[i]!.claim.doc);
        if (back?.j === i && doc === features[j]!.claim.doc) pairs.push({ a: features[i]!.claim, b: features[j]!.claim, similarity, local });
      }
    }
  }
  return { facts: factsFrom(pairs), pairs };
}

/** In a corpus this small every pair of documents may be compared; above it, only documents that share a rare name. */
const SMALL_CORPUS = 50;
/** A name in more than this share of a large corpus (a capital, a head of state) does not relate two articles. */
const RARE_SHARE = 0.01;

/**
 * Which documents may speak of the same facts: in a large archive, those that share at least one rare
 * name, place or organisation (the blocking key of document pairs), so unrelated stories are never
 * compared however alike their sentences are. Small corpora (one story's coverage) compare every pair.
 */
function relatedDocuments(claims: readonly Claim[]): (a: string, b: string) => boolean {
  const names = new Map<string, Set<string>>();
  for (const claim of claims) {
    let set = names.get(claim.doc);
    if (!set) names.set(claim.doc, (set = new Set()));
    for (const anchor of claim.keyParts.anchors ? claim.keyParts.anchors.split(' ') : []) if (/^[#@&]/.test(anchor)) set.add(anchor);
  }
  if (names.size <= SMALL_CORPUS) return () => true;
  const frequency = new Map<string, number>();
  for (const set of names.values()) for (const name of set) frequency.set(name, (frequency.get(name) ?? 0) + 1);
  const cap = Math.max(10, RARE_SHARE * names.size);
  const rare = new Map<string, Set<string>>();
  for (const [doc, set] of names) rare.set(doc, new Set([...set].filter((name) => frequency.get(name)! <= cap)));
  const memo = new Map<string, boolean>();
  return (a, b) => {
    const key = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
    let answer = memo.get(key);
    if (answer === undefined) {
      const [small, large] = [rare.get(a)!, rare.get(b)!].sort((x, y) => x.size - y.size);
      answer = [...small!].some((name) => large!.has(name));
      memo.set(key, answer);
    }
    return answer;
  };
}

function offer(best: Map<string, { j: number; similarity: number; local: boolean }>, doc: string, j: number, similarity: number, local: boolean): void {
  const current = best.get(doc);
  if (!current || similarity > current.similarity || (similarity === current.similarity && j < current.j)) best.set(doc, { j, similarity, local });
}

function inverseDocumentFrequency(claims: readonly Claim[]): Map<string, number> {
  const docsByWord = new Map<string, Set<string>>();
  const docs = new Set<string>();
  for (const claim of claims) {
    docs.add(claim.doc);
    for (const word of words(claim)) {
      let set = docsByWord.get(word);
      if (!set) docsByWord.set(word, (set = new Set()));
      set.add(claim.doc);
    }
  }
  const n = docs.size;
  const idf = new Map<string, number>();
  for (const [word, set] of docsByWord) idf.set(word, Math.log((n + 1) / set.size) + 0.1);
  return idf;
}

function words(claim: Claim): string[] {
  const context = claim.keyParts.context ? claim.keyParts.context.split(' ') : [];
  const anchors = claim.keyParts.anchors ? claim.keyParts.anchors.split(' ') : [];
  return [...context, ...anchors];
}

function featuresOf(claim: Claim, idf: Map<string, number>): Features {
  const weights = new Map<string, number>();
  const local = new Set(claim.keyParts.local ? claim.keyParts.local.split(' ') : []);
  for (const word of words(claim)) {
    // Names, places and other values in the sentence, and the words right next to the value, say more.
    const boost = /^(?:[#@&]|[tnw]:)/.test(word) || local.has(word) ? 2 : 1;
    weights.set(word, (idf.get(word) ?? 1) * boost);
  }
  let norm = 0;
  for (const w of weights.values()) norm += w * w;
  return { claim, weights, norm: Math.sqrt(norm), local };
}

function similarityOf(a: Features, b: Features, localBonus: number): { similarity: number; local: boolean } {
  if (a.norm === 0 || b.norm === 0) return { similarity: 0, local: false };
  let dot = 0;
  const [small, large] = a.weights.size <= b.weights.size ? [a, b] : [b, a];
  for (const [word, weight] of small.weights) {
    const other = large.weights.get(word);
    if (other !== undefined) dot += weight * other;
  }
  const local = [...a.local].some((word) => b.local.has(word));
  return { similarity: dot / (a.norm * b.norm) + (local ? localBonus : 0), local };
}

/** Aligned pairs joined into facts; a document keeps its best-aligned claim in each fact. */
function factsFrom(pairs: readonly AlignedPair[]): ValueFact[] {
  const index = new Map<Claim, number>();
  const parent: number[] = [];
  const id = (claim: Claim) => {
    let i = index.get(claim);
    if (i === undefined) {
      i = parent.length;
      index.set(claim, i);
      parent.push(i);
    }
    return i;
  };
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (const pair of pairs) parent[find(id(pair.a))] = find(id(pair.b));
  const groups = new Map<number, AlignedPair[]>();
  for (const pair of pairs) pushTo(groups, find(index.get(pair.a)!), pair);
  const facts: ValueFact[] = [];
  for (const group of groups.values()) {
    const score = new Map<Claim, number>();
    for (const pair of group) {
      score.set(pair.a, (score.get(pair.a) ?? 0) + pair.similarity);
      score.set(pair.b, (score.get(pair.b) ?? 0) + pair.similarity);
    }
    const byDoc = new Map<string, Claim>();
    for (const [claim] of [...score].sort((x, y) => y[1] - x[1] || (x[0].id < y[0].id ? -1 : 1))) {
      if (!byDoc.has(claim.doc)) byDoc.set(claim.doc, claim);
    }
    const claims = [...byDoc.values()].sort((x, y) => (x.doc < y.doc ? -1 : x.doc > y.doc ? 1 : 0));
    if (claims.length < 2) continue;
    // An article may state the fact twice: a pair made by the claim that was not kept counts for the kept
    // one when both give the same value (so the other side stays firmly aligned); otherwise it is dropped.
    const kept = (claim: Claim) => {
      const chosen = byDoc.get(claim.doc)!;
      return chosen.values[0]!.value === claim.values[0]!.value ? chosen : undefined;
    };
    const keptPairs = group.flatMap((p) => {
      const a = kept(p.a);
      const b = kept(p.b);
      return a && b ? [{ ...p, a, b }] : [];
    });
    facts.push({ key: claims[0]!.keyParts.key ?? claims[0]!.attribute, claims, pairs: keptPairs });
  }
  return facts.sort((x, y) => (x.claims[0]!.id < y.claims[0]!.id ? -1 : 1));
}
