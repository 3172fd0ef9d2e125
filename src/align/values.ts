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

/**
 * A claim's words as sorted integer ids with their weights: a few bytes a word, where a Map of strings
 * would take a kilobyte a claim (a block of a large archive holds hundreds of thousands of claims).
 */
interface Features {
  claim: Claim;
  ids: Int32Array;
  weights: Float64Array;
  norm: number;
  /** Ids of the words right next to the value, sorted. */
  local: Int32Array;
}

/**
 * Finds, for each value claim, the claim of every other document that states the same fact: same key
 * (what is measured), in sentences that share rare words, names and other values (IDF-weighted cosine).
 * Candidates come from an inverted index inside each key's block, so the cost stays near-linear; a pair
 * is kept only when each claim is the other's best match in its document.
 */
export function alignValueClaims(claims: readonly Claim[], options: ValueAlignOptions): { facts: ValueFact[]; pairs: AlignedPair[] } {
  const vocabulary = new Map<string, number>();
  const idf = inverseDocumentFrequency(claims, vocabulary);
  const related = relatedDocuments(claims);
  const blocks = new Map<string, Claim[]>();
  for (const claim of claims) pushTo(blocks, claim.keyParts.key ?? claim.attribute, claim);
  const pairs: AlignedPair[] = [];
  for (const [, block] of [...blocks].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
    if (new Set(block.map((c) => c.doc)).size < 2) continue;
    const features = block.map((claim) => featuresOf(claim, idf, vocabulary));
    const postings = new Map<number, number[]>();
    features.forEach((f, i) => {
      for (const word of f.ids) pushTo(postings, word, i);
    });
    // best[i] = doc → { j, similarity }
    const best = features.map(() => new Map<string, { j: number; similarity: number; local: boolean }>());
    for (let i = 0; i < features.length; i++) {
      const candidates = new Set<number>();
      for (const word of features[i]!.ids) {
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
  // Each document's rare names as sorted small integers: a pair is tested by merging two short arrays.
  const nameIds = new Map<string, number>();
  const rare = new Map<string, Int32Array>();
  for (const [doc, set] of names) {
    const ids: number[] = [];
    for (const name of set) {
      if (frequency.get(name)! > cap) continue;
      let id = nameIds.get(name);
      if (id === undefined) nameIds.set(name, (id = nameIds.size));
      ids.push(id);
    }
    rare.set(doc, Int32Array.from(ids).sort());
  }
  return (a, b) => sharesAny(rare.get(a)!, rare.get(b)!);
}

function sharesAny(x: Int32Array, y: Int32Array): boolean {
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) return true;
    if (x[i]! < y[j]!) i++;
    else j++;
  }
  return false;
}

function offer(best: Map<string, { j: number; similarity: number; local: boolean }>, doc: string, j: number, similarity: number, local: boolean): void {
  const current = best.get(doc);
  if (!current || similarity > current.similarity || (similarity === current.similarity && j < current.j)) best.set(doc, { j, similarity, local });
}

/** Inverse document frequency of every word, by word id (ids are given out in `vocabulary` as words are met). */
function inverseDocumentFrequency(claims: readonly Claim[], vocabulary: Map<string, number>): Float64Array {
  const docsByWord: Array<Set<string>> = [];
  const docs = new Set<string>();
  for (const claim of claims) {
    docs.add(claim.doc);
    for (const word of words(claim)) {
      let id = vocabulary.get(word);
      if (id === undefined) vocabulary.set(word, (id = vocabulary.size));
      (docsByWord[id] ??= new Set()).add(claim.doc);
    }
  }
  const n = docs.size;
  const idf = new Float64Array(docsByWord.length);
  docsByWord.forEach((set, id) => (idf[id] = Math.log((n + 1) / set.size) + 0.1));
  return idf;
}

function words(claim: Claim): string[] {
  const context = claim.keyParts.context ? claim.keyParts.context.split(' ') : [];
  const anchors = claim.keyParts.anchors ? claim.keyParts.anchors.split(' ') : [];
  return [...context, ...anchors];
}

function featuresOf(claim: Claim, idf: Float64Array, vocabulary: Map<string, number>): Features {
  const localWords = new Set(claim.keyParts.local ? claim.keyParts.local.split(' ') : []);
  const weightOf = new Map<number, number>();
  for (const word of words(claim)) {
    // Names, places and other values in the sentence, and the words right next to the value, say more.
    const boost = /^(?:[#@&]|[tnw]:)/.test(word) || localWords.has(word) ? 2 : 1;
    const id = vocabulary.get(word)!;
    weightOf.set(id, idf[id]! * boost);
  }
  const ids = Int32Array.from(weightOf.keys()).sort();
  const weights = Float64Array.from(ids, (id) => weightOf.get(id)!);
  let norm = 0;
  for (const w of weights) norm += w * w;
  // A local word missing from the context (rare) gets an id too: it can still meet another claim's.
  const local = Int32Array.from([...localWords].map((word) => vocabulary.get(word) ?? addWord(vocabulary, word))).sort();
  return { claim, ids, weights, norm: Math.sqrt(norm), local };
}

function addWord(vocabulary: Map<string, number>, word: string): number {
  const id = vocabulary.size;
  vocabulary.set(word, id);
  return id;
}

function similarityOf(a: Features, b: Features, localBonus: number): { similarity: number; local: boolean } {
  if (a.norm === 0 || b.norm === 0) return { similarity: 0, local: false };
  let dot = 0;
  for (let i = 0, j = 0; i < a.ids.length && j < b.ids.length; ) {
    if (a.ids[i] === b.ids[j]) dot += a.weights[i++]! * b.weights[j++]!;
    else if (a.ids[i]! < b.ids[j]!) i++;
    else j++;
  }
  const local = sharesAny(a.local, b.local);
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
