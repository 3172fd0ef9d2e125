import { z } from 'zod';

/**
 * How precise a calendar value is. Comparisons happen at the coarser of two precisions,
 * so "2015" and "2015-03" are compatible while "2015-03" and "2015-04" are not.
 */
export const Precision = z.enum(['day', 'month', 'season', 'year', 'decade']);
export type Precision = z.infer<typeof Precision>;

/**
 * A calendar value at its precision. `value` is the normalised string: "2015", "2015-03",
 * "2019-04-03", a range as "2019-03-09/2019-03-10", a decade as "199X".
 * `start`/`end` are the inclusive ISO days the value covers, used for comparison.
 */
export const TimeValue = z.object({
  value: z.string(),
  precision: Precision,
  start: z.string(),
  end: z.string(),
});
export type TimeValue = z.infer<typeof TimeValue>;

/** A publication date as declared or found, with its precision (day / month / year). */
export const PublicationDate = z.object({
  value: z.string(),
  precision: Precision,
  how: z.string(),
});
export type PublicationDate = z.infer<typeof PublicationDate>;
