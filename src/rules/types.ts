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
 * A rule: metadata plus behaviour. `extract` reads one document (it may run in a worker); `check` sees the
 * claims of every document at once, and must block them by key rather than compare all pairs.
 */
export interface Rule {
  meta: RuleMeta;
  triggers?: TriggerSpec;
  extract?(analysis: DocumentAnalysis, ctx: RuleContext): Claim[];
  check?(claims: readonly Claim[], analyses: ReadonlyMap<string, DocumentAnalysis>, ctx: RuleContext): CheckResult;
}
