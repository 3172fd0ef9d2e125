import { z } from 'zod';
import { PublicationDate } from './time.js';

export const Lang = z.enum(['fr', 'en']);
export type Lang = z.infer<typeof Lang>;

/** One article as read: the full text of the file (spans index into it) plus metadata. */
export const Document = z.object({
  id: z.string(),
  path: z.string(),
  /** The whole file as read, decoded; every span in the pipeline indexes this string. */
  text: z.string(),
  /** Offset where the article body starts (after a ` date …` header or front matter). */
  bodyStart: z.number().int().nonnegative(),
  lang: Lang,
  langHow: z.enum(['declared', 'detected', 'option']),
  published: PublicationDate.nullable(),
  title: z.string().optional(),
  source: z.string().optional(),
  url: z.string().optional(),
  /** Inline suppressions and other per-document settings read from the file. */
  meta: z.record(z.string(), z.unknown()).default({}),
});
export type Document = z.infer<typeof Document>;
