import { z } from 'zod';
import { Precision } from './time.js';

export const MentionKind = z.enum(['time', 'duration', 'number', 'ordinal', 'person', 'place', 'org', 'trigger']);
export type MentionKind = z.infer<typeof MentionKind>;

export const Span = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]);
export type Span = z.infer<typeof Span>;

/**
 * Something read from the text. `value` is normalised: a time's calendar value at its precision
 * ("2015", "2015-03", "2019-04-03", "2019-03-09/2019-03-10"), a number as digits, a name's canonical form.
 * `stated` is false when part of the value was inferred (a weekday resolved against the publication date).
 */
export const Mention = z.object({
  kind: MentionKind,
  span: Span,
  text: z.string(),
  value: z.string(),
  precision: Precision.optional(),
  stated: z.boolean(),
  /** For time expressions: the grammar rule that read it and how it was resolved. */
  rule: z.string().optional(),
  /** Kind-specific details (unit, currency, event type, title, fold key, weekday, approximation…). */
  attrs: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.string())])).default({}),
});
export type Mention = z.infer<typeof Mention>;
