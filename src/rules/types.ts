import type { Claim } from '../model/claim.js';
import type { Document } from '../model/document.js';
import type { CorroborationDraft, FindingDraft, Severity } from '../model/finding.js';
import type { Lexicon } from '../model/lexicon.js';
import type { Mention, Span } from '../model/mention.js';
import type { TriggerSpec } from '../extract/triggers.js';

export interface RuleMeta {
  id: string;
  kind: string;
  severity: Severity;
  description: string;
  /** The file the rule was loaded from (shown by `crosscheck rules list`). */
  source: string;
  messages: Record<string, string>;
}

/** One document after extraction: what every rule reads. */
export interface DocumentAnalysis {
  doc: Document;
  sentences: Span[];
  mentions: Mention[];
}

/**
 * A document as the corpus-level `check` sees it: its text and sentences. Mentions are per-article data:
 * they are read in `extract` and `checkDocument` and not kept for the whole corpus (memory stays linear
 * and small on large archives).
 */
export interface CorpusDocument {
  doc: Document;
  sentences: Span[];
}

export interface RuleContext {
  lexicon: Lexicon;
}

export interface CheckResult {
  findings: FindingDraft[];
  corroborated: CorroborationDraft[];
  /** Groups of documents judged to speak of the same event, and why. */
  events?: Array<{ fact: string; docs: string[]; why: string }>;
}

/**
 * The claims of one rule, as the corpus stage hands them to `checkBlocks`: in shards, each holding every
 * claim of the blocks (`Rule.blockOf`) that fall in it, in document order. On a small run there is one
 * shard in memory; on a large archive the shards are read back from disk one at a time, so a rule that
 * keeps only what it needs from each shard runs in bounded memory. `shards()` may be called again for
 * another pass (it reads them again). `summaries()` gives `Rule.summarize` of each article's claims, in
 * document order: a first pass over corpus statistics that reads far less than the claims.
 */
export interface ClaimSource {
  shards(): Iterable<Claim[]>;
  summaries(): Iterable<unknown>;
}

/**
 * A rule: metadata plus behaviour. `extract` reads one document and `checkDocument` checks one document on
 * its own (both may run in a worker); `check` sees the claims of every document at once, and must block
 * them by key rather than compare all pairs.
 */
export interface Rule {
  meta: RuleMeta;
  triggers?: TriggerSpec;
  extract?(analysis: DocumentAnalysis, ctx: RuleContext): Claim[];
  checkDocument?(analysis: DocumentAnalysis, ctx: RuleContext): FindingDraft[];
  check?(claims: readonly Claim[], analyses: ReadonlyMap<string, CorpusDocument>, ctx: RuleContext): CheckResult;
  /**
   * The block a claim belongs to (claims of different blocks are never compared). With `checkBlocks`, it
   * lets a large run keep this rule's claims on disk and hand them over a shard of blocks at a time.
   */
  blockOf?(claim: Claim): string;
  /**
   * What corpus statistics need of one article's claims of this rule (small, JSON-safe: written to disk
   * beside the claims), computed where the claims are made; `checkBlocks` reads them with `summaries()`.
   */
  summarize?(claims: readonly Claim[]): unknown;
  /** `check` for claims too many to hold at once: used instead of `check` when the rule has both. */
  checkBlocks?(claims: ClaimSource, analyses: ReadonlyMap<string, CorpusDocument>, ctx: RuleContext): CheckResult;
  /**
   * False when `check` and `checkBlocks` never read `analyses` (the documents), only the claims and the
   * lexicon: a run with several threads and its claims on disk may then check this rule in a worker thread
   * while the main thread checks others (see parallel/corpus.ts). Left out, the rule is taken to read them
   * and is checked in the main thread. Same result either way.
   */
  checkReadsDocuments?: boolean;
}
