import { z } from 'zod';
import { Span } from './mention.js';
import { TimeValue } from './time.js';

export const Modality = z.enum(['held', 'planned', 'hedged', 'negated']);
export type Modality = z.infer<typeof Modality>;

/** A named entity as a claim refers to it: surface text plus the keys alignment uses. */
export const EntityRef = z.object({
  text: z.string(),
  span: Span,
  /** Canonical form after alias lookup (e.g. the English exonym of a place). */
  canonical: z.string(),
  /** Transliteration-folded key used for fuzzy matching. */
  key: z.string(),
  /** For places: the canonical names of the regions/countries that contain it. */
  within: z.array(z.string()).default([]),
});
export type EntityRef = z.infer<typeof EntityRef>;

/** One value a claim asserts, with the span of its evidence in the document. */
export const ClaimValue = z.object({
  /** Normalised string: "2015", "2018-12", "8", "Lisbon". */
  value: z.string(),
  span: Span,
  text: z.string(),
  stated: z.boolean(),
  time: TimeValue.optional(),
  number: z.number().optional(),
  /** Numbers: "exact" | "at-least" | "at-most" | "about"; times: how a relative value was resolved. */
  qualifier: z.string().optional(),
  unit: z.string().optional(),
});
export type ClaimValue = z.infer<typeof ClaimValue>;

/**
 * An event frame (or a generic attribute claim) read from one sentence: what happened, to whom,
 * where, when, which instance of a series, and whether it happened or was only planned.
 */
export const Claim = z.object({
  id: z.string(),
  doc: z.string(),
  lang: z.string(),
  ruleId: z.string(),
  eventType: z.string(),
  /** The attribute the rule compares ("time", "count", "place", "spelling"…). */
  attribute: z.string(),
  values: z.array(ClaimValue),
  /** True when the values are presented as the complete list (a count agrees with the list, "two visits in X and Y"). */
  exhaustive: z.boolean().default(false),
  count: z.number().optional(),
  modality: Modality,
  agents: z.array(EntityRef).default([]),
  places: z.array(EntityRef).default([]),
  /** For series events: the series name as written and its folded word keys. */
  series: z.object({ text: z.string(), span: Span, words: z.array(z.string()), head: z.string() }).optional(),
  ordinal: z.object({ value: z.number(), span: Span, text: z.string() }).optional(),
  trigger: z.object({ text: z.string(), span: Span }),
  sentence: Span,
  /** Free-form key parts a rule adds (counted noun, role…). */
  keyParts: z.record(z.string(), z.string()).default({}),
});
export type Claim = z.infer<typeof Claim>;
