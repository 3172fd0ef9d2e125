import { z } from 'zod';
import { Modality } from './claim.js';
import { Span } from './mention.js';

export const Severity = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof Severity>;

/** One document's side of a finding: where it says what, quoted verbatim. */
export const Side = z.object({
  doc: z.string(),
  values: z.array(z.string()),
  modality: Modality,
  /** Offsets of the conflicting value in the file as read (JavaScript string indexes). */
  span: Span,
  line: z.number().int().positive(),
  column: z.number().int().positive(),
  /** The sentence that carries the value, verbatim. */
  quote: z.string(),
  /** True when the value was inferred (e.g. from the publication date) rather than stated. */
  inferred: z.boolean().optional(),
});
export type Side = z.infer<typeof Side>;

export const Finding = z.object({
  id: z.string(),
  ruleId: z.string(),
  severity: Severity,
  /** The fact in plain words. */
  fact: z.string(),
  /** Why the sides conflict. */
  message: z.string(),
  sides: z.array(Side).min(1),
  /** What is likely wrong: a typo, an outlier, a plan that slipped. */
  hint: z.string().optional(),
  /** How sure the finding is, 0..1. */
  confidence: z.number().min(0).max(1),
  /** Stable across line moves and unrelated edits; changes when a conflicting value changes. */
  fingerprint: z.string(),
});
export type Finding = z.infer<typeof Finding>;

/** A fact on which two or more documents agree, listed for context. */
export const Corroboration = z.object({
  ruleId: z.string(),
  fact: z.string(),
  value: z.string(),
  /** The first sources, quoted (at most MAX_CORROBORATION_SIDES). */
  sides: z.array(Side).min(2),
  /** The other documents that agree, by id, when there are more than `sides` quotes (a fact an archive repeats). */
  moreDocs: z.array(z.string()).optional(),
});
export type Corroboration = z.infer<typeof Corroboration>;

/** A side before positions are computed: the report stage adds line, column and quote. */
export const SideDraft = z.object({
  doc: z.string(),
  values: z.array(z.string()),
  modality: Modality,
  span: Span,
  /** The sentence to quote; defaults to the sentence that contains `span`. */
  sentence: Span.optional(),
  inferred: z.boolean().optional(),
});
export type SideDraft = z.infer<typeof SideDraft>;

/** What a rule reports; the report stage turns it into a Finding (positions, quotes, id, fingerprint). */
export const FindingDraft = z.object({
  ruleId: z.string(),
  severity: Severity,
  fact: z.string(),
  message: z.string(),
  hint: z.string().optional(),
  confidence: z.number().min(0).max(1),
  sides: z.array(SideDraft).min(1),
  /** The message template id, for RuleTester checks. */
  messageId: z.string().optional(),
});
export type FindingDraft = z.infer<typeof FindingDraft>;

export const CorroborationDraft = z.object({
  ruleId: z.string(),
  fact: z.string(),
  value: z.string(),
  sides: z.array(SideDraft).min(2),
  /** Documents that agree past the sides, by id, in order: set when the draft is kept for the report (see {@link keptCorroboration}). */
  moreDocs: z.array(z.string()).optional(),
});
export type CorroborationDraft = z.infer<typeof CorroborationDraft>;

/**
 * Sources quoted per corroborated fact; the others are listed by id. A fact an archive repeats may have
 * thousands of sources: quoting them all made a 100,000-article report 150 MB, for nobody to read.
 */
export const MAX_CORROBORATION_SIDES = 12;

/**
 * A rule's corroboration as the run keeps it until the report, which quotes only its first
 * MAX_CORROBORATION_SIDES sides: those, and the other documents by id (`idOf` may give an id string the run
 * holds already, so that the list costs a pointer a document). Before this, the agreed facts of a
 * 100,000-article archive held 240,000 sides (about 100 MB of the heap) through every later rule, for 4,272
 * quotes.
 */
export function keptCorroboration(draft: CorroborationDraft, idOf: (doc: string) => string = (doc) => doc): CorroborationDraft {
  if (draft.sides.length <= MAX_CORROBORATION_SIDES) return draft;
  const moreDocs = draft.sides.slice(MAX_CORROBORATION_SIDES).map((side) => idOf(side.doc));
  return { ...draft, sides: draft.sides.slice(0, MAX_CORROBORATION_SIDES), moreDocs: [...moreDocs, ...(draft.moreDocs ?? [])] };
}
