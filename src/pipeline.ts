import type { Claim } from './model/claim.js';
import type { Document } from './model/document.js';
import { keptCorroboration, type CorroborationDraft, type FindingDraft } from './model/finding.js';
import type { Lexicon } from './model/lexicon.js';
import type { Span } from './model/mention.js';
import { extractDocument } from './extract/index.js';
import type { TriggerSpec } from './extract/triggers.js';
import type { CheckResult, ClaimSource, CorpusDocument, DocumentAnalysis, Rule } from './rules/types.js';
import { memorySource } from './claims/store.js';
import { pushTo } from './util/collections.js';
import { isStored, storeText } from './model/stored-text.js';

export interface AnalyzeOptions {
  lexicon: Lexicon;
  rules: readonly Rule[];
}

/**
 * A document as a run keeps it from its analysis to the report: its sentences as one flat array of bounds,
 * `[start, end, start, end, …]`, instead of an array per sentence. A run keeps every article until the
 * report, and on a large archive those little arrays were most of the objects the garbage collector traced:
 * 10,000 articles held 214,000 of them, 12 MB of a 78 MB heap. `sentences` rebuilds the spans on each read
 * (few read them: quotes are taken from the claims). Sent to or from a worker thread, or written as JSON, it
 * is plain data `{doc, bounds}`: {@link KeptDocument.revive} makes it one again.
 */
export class KeptDocument implements CorpusDocument {
  private constructor(
    readonly doc: Document,
    readonly bounds: readonly number[],
  ) {}

  static of(doc: Document, sentences: readonly Span[]): KeptDocument {
    const bounds: number[] = [];
    for (const sentence of sentences) bounds.push(sentence[0], sentence[1]);
    return new KeptDocument(doc, bounds);
  }

  /** A kept document again, after a structured clone or JSON made it plain data (a kept one is returned as is). */
  static revive(data: KeptDocument | KeptDocumentData): KeptDocument {
    return data instanceof KeptDocument ? data : new KeptDocument(data.doc, data.bounds);
  }

  /** The same, its document's text held as UTF-8 bytes (see model/stored-text.ts): for a document kept until the report. */
  withStoredText(): KeptDocument {
    return isStored(this.doc) ? this : new KeptDocument(storeText(this.doc), this.bounds);
  }

  get sentences(): Span[] {
    const spans: Span[] = [];
    for (let i = 0; i < this.bounds.length; i += 2) spans.push([this.bounds[i]!, this.bounds[i + 1]!]);
    return spans;
  }
}

/** An analysis as a run keeps it until the report: a kept document, its text held as bytes. */
export function keptWithStoredText(analysis: CorpusDocument): KeptDocument {
  return (analysis instanceof KeptDocument ? analysis : KeptDocument.of(analysis.doc, analysis.sentences)).withStoredText();
}

/** What a structured clone or JSON leaves of a {@link KeptDocument}. */
export interface KeptDocumentData {
  doc: Document;
  bounds: readonly number[];
}

/** What one article's analysis keeps for the corpus stage: no mentions (they can be many; rules read them per article). */
export interface DocumentResult {
  analysis: CorpusDocument;
  claims: Claim[];
  /** Findings of the per-document checks (`checkDocument`), severities capped as configured. */
  findings: FindingDraft[];
}

/** Trigger specs of the rules, memoised so extraction compiles their patterns once. */
const triggerCache = new WeakMap<readonly Rule[], TriggerSpec[]>();

export function triggersOf(rules: readonly Rule[]): TriggerSpec[] {
  let specs = triggerCache.get(rules);
  if (!specs) triggerCache.set(rules, (specs = rules.flatMap((rule) => (rule.triggers ? [rule.triggers] : []))));
  return specs;
}

/** Per-document work (extraction, each rule's claims, the per-document checks): pure, so it can run in a worker. */
export function analyzeDocument(doc: Document, options: AnalyzeOptions): DocumentResult {
  const extraction = extractDocument(doc, { lexicon: options.lexicon, triggers: triggersOf(options.rules) });
  const analysis: DocumentAnalysis = { doc: extraction.doc, sentences: extraction.sentences, mentions: extraction.mentions };
  const ctx = { lexicon: options.lexicon };
  const claims = options.rules.flatMap((rule) => rule.extract?.(analysis, ctx) ?? []);
  const findings = checkDocument(options.rules, analysis, ctx);
  return { analysis: KeptDocument.of(analysis.doc, analysis.sentences), claims, findings };
}

/** The rules' per-document checks on one analysed document, severities capped as configured. */
export function checkDocument(rules: readonly Rule[], analysis: DocumentAnalysis, ctx: { lexicon: Lexicon }): FindingDraft[] {
  return rules.flatMap((rule) => (rule.checkDocument?.(analysis, ctx) ?? []).map((f) => capped(f, rule)));
}

export interface CorpusResult {
  findings: FindingDraft[];
  corroborated: CorroborationDraft[];
  events: Array<{ fact: string; docs: string[]; why: string }>;
}

/** Where the corpus stage takes a rule's claims from, when they are not in the results (spilled to disk). */
export type ClaimSources = (rule: Rule) => ClaimSource;

/**
 * Told, before each rule that checks the corpus, how many such rules are done, of how many, and which comes
 * next (`shardsRead` 0); then again, for the same rule, now and then while it reads its claims' summaries
 * (still 0: its corpus statistics, before the first shard, take seconds on a large archive) and each time a
 * shard of its claims has been read (`shardsRead` counts them), so that a long check is seen to move. Rules
 * checked in a worker meanwhile are told as one, under the first of them, once this thread waits for them.
 */
export type CorpusProgress = (done: number, total: number, ruleId: string, shardsRead: number) => void;

/**
 * Checks some of the rules elsewhere (a worker thread) while `checkCorpus` checks the others. Given the rules
 * that check the corpus, `start` picks those it checks (`away`, possibly none), starts on them, and returns
 * what waits for their results, one per rule of `away`, in its order.
 */
export interface CorpusOffload {
  start(rules: readonly Rule[]): { away: Rule[]; results: (onShard?: (shardsRead: number) => void) => CheckResult[]; cancel: () => void };
}

/**
 * Corpus-level work: each rule sees its own claims from every document (blocked by key inside), from the
 * results, or from `sources` when the claims were kept on disk. One rule's claims are read at a time. With
 * `offload`, the rules it picks are checked there meanwhile; results are merged in rule order, so the
 * result is the same.
 */
export function checkCorpus(results: readonly DocumentResult[], options: AnalyzeOptions, sources?: ClaimSources, onRule?: CorpusProgress, offload?: CorpusOffload): CorpusResult {
  const analyses = new Map<string, CorpusDocument>(results.map((r) => [r.analysis.doc.id, r.analysis]));
  let sourceOf = sources;
  if (!sourceOf) {
    const byRule = new Map<string, Claim[]>();
    for (const result of results) {
      for (const claim of result.claims) pushTo(byRule, claim.ruleId, claim);
    }
    sourceOf = (rule) => memorySource(byRule.get(rule.meta.id) ?? [], rule.summarize?.bind(rule));
  }
  const out: CorpusResult = { findings: results.flatMap((r) => r.findings), corroborated: [], events: [] };
  const checking = options.rules.filter((rule) => rule.check || rule.checkBlocks);
  const started = offload?.start(checking);
  const away = started?.away ?? [];
  // Each rule's result as the report keeps it (an agreed fact's first sides, the others as ids), until all are in.
  const done = new Map<Rule, Required<CheckResult>>();
  const keep = (rule: Rule, result: CheckResult) =>
    done.set(rule, {
      findings: result.findings.map((f) => capped(f, rule)),
      // Only the first sides of an agreed fact are quoted: the others wait as ids (shared with the documents'), not as sides.
      corroborated: result.corroborated.map((draft) => keptCorroboration(draft, (doc) => analyses.get(doc)?.doc.id ?? doc)),
      events: result.events ?? [],
    });
  const ctx = { lexicon: options.lexicon };
  // What tells the progress of a rule (or of the worker's, under their first), as it begins and per shard read.
  const progressOf = (rule: Rule) => onRule && ((shardsRead: number) => onRule(done.size, checking.length, rule.meta.id, shardsRead));
  try {
    for (const rule of checking) {
      if (away.includes(rule)) continue;
      const told = progressOf(rule);
      told?.(0);
      keep(rule, checkRule(rule, told ? counted(sourceOf(rule), told) : sourceOf(rule), analyses, ctx));
    }
  } catch (error) {
    // A rule failed here: what is checked elsewhere is not waited for.
    started?.cancel();
    throw error;
  }
  if (started && away.length > 0) {
    const told = progressOf(away[0]!);
    told?.(0);
    started.results(told).forEach((result, i) => keep(away[i]!, result));
  }
  for (const rule of checking) {
    const { findings, corroborated, events } = done.get(rule)!;
    out.findings.push(...findings);
    out.corroborated.push(...corroborated);
    out.events.push(...events);
  }
  return out;
}

/** Summaries read between two calls of `counted`'s `onShard` (with 0) while a rule reads them. */
export const SUMMARIES_PER_TICK = 1024;

/**
 * `source`, telling `onShard` how many shards have been read after each one, and calling it with 0 every
 * SUMMARIES_PER_TICK summaries read before them.
 */
export function counted(source: ClaimSource, onShard: (shardsRead: number) => void): ClaimSource {
  return {
    *summaries() {
      let read = 0;
      for (const summary of source.summaries()) {
        if (++read % SUMMARIES_PER_TICK === 0) onShard(0);
        yield summary;
      }
    },
    *shards() {
      let read = 0;
      for (const shard of source.shards()) {
        onShard(++read);
        yield shard;
      }
    },
  };
}

/** One rule's corpus check on its claims: `checkBlocks` shard by shard when it has one, else `check` on them all. */
export function checkRule(rule: Rule, source: ClaimSource, analyses: ReadonlyMap<string, CorpusDocument>, ctx: { lexicon: Lexicon }): CheckResult {
  return rule.checkBlocks ? rule.checkBlocks(source, analyses, ctx) : rule.check!([...source.shards()].flat(), analyses, ctx);
}

function capped(finding: FindingDraft, rule: Rule): FindingDraft {
  return { ...finding, severity: capSeverity(finding.severity, rule.meta.severity) };
}

/** A rule configured as "warning" never reports an error; one set to "info" reports only info. */
function capSeverity(reported: FindingDraft['severity'], configured: FindingDraft['severity']): FindingDraft['severity'] {
  const order = ['info', 'warning', 'error'];
  return order[Math.min(order.indexOf(reported), order.indexOf(configured))] as FindingDraft['severity'];
}
