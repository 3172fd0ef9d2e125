import type { Claim } from '../model/claim.js';
import { groupBy, pushTo } from '../util/collections.js';

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
  /** Where the claim's sentence stands in its document, from 0 (the start) to 1 (the end). */
  position: number;
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
  const statistics = valueStatistics([...groupBy(claims, (claim) => claim.doc).values()].map(summarizeValues));
  const pairs = blocksOf(claims).flatMap(([, block]) => alignBlock(block, statistics, options));
  return { facts: factsFrom(pairs), pairs };
}

/**
 * What aligning needs to know of the whole corpus, gathered in one pass over the claims (shard by shard
 * when they come from disk): the words' document frequencies, which documents may speak of the same
 * facts, and how long each document is.
 */
export interface ValueStatistics {
  vocabulary: Vocabulary;
  idf: Float64Array;
  related: (a: string, b: string) => boolean;
  /** Whether a document may be related to any other (in a large archive: has a rare name). */
  relatable: (doc: string) => boolean;
  lengths: Map<string, number>;
}

/**
 * What the statistics need of one article's value claims: its id, how far into it the last claim's
 * sentence ends (its length, as far as claims tell), and every word of the claims' contexts and anchors,
 * once each, space-separated. Made where the claims are made, so a spilled run reads these, not the claims.
 */
export type ValueSummary = [doc: string, length: number, words: string];

export function summarizeValues(claims: readonly Claim[]): ValueSummary {
  const words = new Set<string>();
  let length = 1;
  let context: string | undefined;
  let anchors: string | undefined;
  for (const claim of claims) {
    length = Math.max(length, claim.sentence[1]);
    // The claims of one sentence share these strings: split each once.
    if (claim.keyParts.context && claim.keyParts.context !== context) for (const word of (context = claim.keyParts.context).split(' ')) words.add(word);
    if (claim.keyParts.anchors && claim.keyParts.anchors !== anchors) for (const word of (anchors = claim.keyParts.anchors).split(' ')) words.add(word);
  }
  return [claims[0]?.doc ?? '', length, [...words].join(' ')];
}

/**
 * The corpus statistics of value claims, from each article's summary, in any order: words are numbered in
 * sorted order once all are seen, so the result does not depend on the order they were read in.
 */
export function valueStatistics(summaries: Iterable<unknown>): ValueStatistics {
  const vocabulary = new Vocabulary();
  // Per document: the sorted, distinct ids of every word of its claims.
  const words = new Map<string, Int32Array>();
  const lengths = new Map<string, number>();
  for (const summary of summaries) {
    const [doc, length, text] = summary as ValueSummary;
    const ids = vocabulary.list(text, false);
    const known = words.get(doc);
    words.set(doc, known ? union(known, ids).slice() : ids);
    lengths.set(doc, Math.max(lengths.get(doc) ?? 1, length));
  }
  const { related, relatable } = relatedDocuments(words, vocabulary.name);
  const renumbered = vocabulary.renumber();
  const frequency = new Float64Array(renumbered.length);
  for (const ids of words.values()) for (const id of ids) frequency[renumbered[id]!]! += 1;
  const n = words.size;
  const idf = new Float64Array(frequency.length);
  frequency.forEach((count, id) => (idf[id] = Math.log((n + 1) / count) + 0.1));
  return { vocabulary, idf, related, relatable, lengths };
}

/** Claims by block key (what is measured), blocks in key order, claims in their order. */
export function blocksOf(claims: readonly Claim[]): Array<[string, Claim[]]> {
  const blocks = new Map<string, Claim[]>();
  for (const claim of claims) pushTo(blocks, blockKeyOf(claim), claim);
  return [...blocks].sort((x, y) => (x[0] < y[0] ? -1 : 1));
}

export function blockKeyOf(claim: Claim): string {
  return claim.keyParts.key ?? claim.attribute;
}

/** The mutually best-aligned pairs of one block (claims of one key). */
export function alignBlock(block: readonly Claim[], statistics: ValueStatistics, options: ValueAlignOptions): AlignedPair[] {
  const { vocabulary, idf, related, relatable, lengths } = statistics;
  const pairs: AlignedPair[] = [];
  // A claim of a document related to no other can never pair: it is not compared, but its words still
  // count in the postings' lengths (maxPostings), so the pairs are the same as when every claim is.
  const comparable = block.filter((claim) => relatable(claim.doc));
  if (new Set(comparable.map((c) => c.doc)).size < 2) return pairs;
  const postingLength = new Map<number, number>();
  if (comparable.length < block.length) {
    for (const claim of block) for (const word of vocabulary.wordsOf(claim)) postingLength.set(word, (postingLength.get(word) ?? 0) + 1);
  }
  const features = comparable.map((claim) => featuresOf(claim, idf, vocabulary, lengths.get(claim.doc)!));
  const postings = new Map<number, number[]>();
  features.forEach((f, i) => {
    for (const word of f.ids) pushTo(postings, word, i);
  });
  // best[i] = doc → { j, similarity }, made when claim i is first offered a match (most never are).
  const best: Array<Map<string, { j: number; similarity: number; local: boolean }> | undefined> = new Array(features.length);
  for (let i = 0; i < features.length; i++) {
    const candidates = new Set<number>();
    for (const word of features[i]!.ids) {
      const list = postings.get(word)!;
      if ((postingLength.get(word) ?? list.length) > options.maxPostings) continue;
      for (const j of list) if (j > i && features[j]!.claim.doc !== features[i]!.claim.doc) candidates.add(j);
    }
    for (const j of candidates) {
      if (!related(features[i]!.claim.doc, features[j]!.claim.doc)) continue;
      const { similarity, local } = similarityOf(features[i]!, features[j]!, options.localBonus);
      if (similarity < options.threshold) continue;
      offer((best[i] ??= new Map()), features[j]!.claim.doc, j, similarity, local);
      offer((best[j] ??= new Map()), features[i]!.claim.doc, i, similarity, local);
    }
  }
  for (let i = 0; i < features.length; i++) {
    for (const [doc, { j, similarity, local }] of best[i] ?? []) {
      if (j < i) continue;
      const back = best[j]?.get(features[i]!.claim.doc);
      if (back?.j === i && doc === features[j]!.claim.doc) pairs.push({ a: features[i]!.claim, b: features[j]!.claim, similarity, local });
    }
  }
  return pairs;
}

/** In a corpus this small every pair of documents may be compared; above it, only documents that share a rare name. */
const SMALL_CORPUS = 50;
/** A name in more than this share of a large corpus (a capital, a head of state) does not relate two articles. */
const RARE_SHARE = 0.01;

/**
 * Which documents may speak of the same facts: in a large archive, those that share at least one rare
 * name, place or organisation (the blocking key of document pairs), so unrelated stories are never
 * compared however alike their sentences are. Small corpora (one story's coverage) compare every pair.
 * `words` holds each document's word ids (sorted), `isName` which ids are names.
 */
function relatedDocuments(
  words: ReadonlyMap<string, Int32Array>,
  isName: readonly boolean[],
): { related: (a: string, b: string) => boolean; relatable: (doc: string) => boolean } {
  if (words.size <= SMALL_CORPUS) return { related: () => true, relatable: () => true };
  const frequency = new Map<number, number>();
  for (const ids of words.values()) for (const id of ids) if (isName[id]) frequency.set(id, (frequency.get(id) ?? 0) + 1);
  const cap = Math.max(10, RARE_SHARE * words.size);
  // Each document's rare names as sorted small integers: a pair is tested by merging two short arrays.
  const rare = new Map<string, Int32Array>();
  for (const [doc, ids] of words) rare.set(doc, ids.filter((id) => isName[id] === true && frequency.get(id)! <= cap));
  return { related: (a, b) => sharesAny(rare.get(a)!, rare.get(b)!), relatable: (doc) => (rare.get(doc)?.length ?? 0) > 0 };
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

/**
 * Words as small integers. The space-separated word lists of claims are parsed into sorted id arrays; the
 * claims of one sentence share their context string, and an article's claims come one after another, so
 * remembering the lists of the last few sentences spares nearly every parse.
 */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  /** Per id: a name, place or value anchor (#, @, &, t:, n:, w:), which weighs double. */
  anchor: boolean[] = [];
  /** Per id: a name, place or organisation (#, @, &). */
  name: boolean[] = [];
  private last = new Map<string, Int32Array>();

  id(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(word, id);
      this.anchor.push(/^(?:[#@&]|[tnw]:)/.test(word));
      this.name.push(/^[#@&]/.test(word));
    }
    return id;
  }

  /**
   * Numbers the words in sorted order, so that ids, and the order in which similarities are summed, do not
   * depend on the order the claims were read in. Returns each old id's new one.
   */
  renumber(): Int32Array {
    const words = [...this.ids.keys()].sort();
    const renumbered = new Int32Array(words.length);
    const anchor: boolean[] = new Array(words.length);
    const name: boolean[] = new Array(words.length);
    words.forEach((word, id) => {
      const old = this.ids.get(word)!;
      renumbered[old] = id;
      anchor[id] = this.anchor[old]!;
      name[id] = this.name[old]!;
      this.ids.set(word, id);
    });
    this.anchor = anchor;
    this.name = name;
    this.last = new Map();
    return renumbered;
  }

  /** Sorted, distinct ids of a space-separated list (remembered among the last RECENT_LISTS unless told not to). */
  list(text: string | undefined, remember = true): Int32Array {
    if (!text) return EMPTY;
    const known = this.last.get(text);
    if (known) return known;
    const ids = Int32Array.from(new Set(text.split(' ').map((word) => this.id(word)))).sort();
    if (!remember) return ids;
    if (this.last.size >= RECENT_LISTS) this.last = new Map();
    this.last.set(text, ids);
    return ids;
  }

  /** A claim's words: its sentence's context and the names and values around the value. */
  wordsOf(claim: Claim): Int32Array {
    return union(this.list(claim.keyParts.context), this.list(claim.keyParts.anchors));
  }
}

const EMPTY = new Int32Array(0);
/** Lists remembered: more than the sentences of one article, since a block holds an article's claims together. */
const RECENT_LISTS = 256;

function union(a: Int32Array, b: Int32Array): Int32Array {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out = new Int32Array(a.length + b.length);
  let n = 0;
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]! < b[j]!)) out[n++] = a[i++]!;
    else if (i >= a.length || b[j]! < a[i]!) out[n++] = b[j++]!;
    else {
      out[n++] = a[i++]!;
      j++;
    }
  }
  return out.subarray(0, n);
}

function featuresOf(claim: Claim, idf: Float64Array, vocabulary: Vocabulary, length: number): Features {
  const ids = vocabulary.wordsOf(claim);
  // A local word missing from the context (rare) gets an id too: it can still meet another claim's.
  const local = vocabulary.list(claim.keyParts.local, false);
  const weights = new Float64Array(ids.length);
  let norm = 0;
  for (let k = 0; k < ids.length; k++) {
    const id = ids[k]!;
    // Names, places and other values in the sentence, and the words right next to the value, say more.
    const boost = vocabulary.anchor[id] || hasId(local, id) ? 2 : 1;
    const weight = (idf[id] ?? 1) * boost;
    weights[k] = weight;
    norm += weight * weight;
  }
  return { claim, position: claim.sentence[0] / length, ids, weights, norm: Math.sqrt(norm), local };
}

function hasId(sorted: Int32Array, id: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] === id) return true;
    if (sorted[mid]! < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** How close two sentences in different languages must stand in their documents to count as each other's translation. */
const SAME_STATION = 0.05;

/** A translation keeps its original's order: sentences in two languages at the same place in their documents. */
function sameStation(a: Features, b: Features): boolean {
  return a.claim.lang !== b.claim.lang && Math.abs(a.position - b.position) <= SAME_STATION;
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
  return { similarity: dot / (a.norm * b.norm) + (local ? localBonus : 0) + (sameStation(a, b) ? localBonus : 0), local };
}

/** Aligned pairs joined into facts; a document keeps its best-aligned claim in each fact. */
export function factsFrom(pairs: readonly AlignedPair[]): ValueFact[] {
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
