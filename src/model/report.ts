import { z } from 'zod';
import { Lang } from './document.js';
import { Corroboration, Finding } from './finding.js';

export const ReportDocument = z.object({
  id: z.string(),
  path: z.string(),
  lang: Lang,
  published: z.string().nullable(),
  publishedPrecision: z.string().nullable().optional(),
  title: z.string().optional(),
});
export type ReportDocument = z.infer<typeof ReportDocument>;

/** Documents that were read but could not be checked, so one bad article never hides the rest. */
export const ReportProblem = z.object({ path: z.string(), line: z.number().optional(), message: z.string() });
export type ReportProblem = z.infer<typeof ReportProblem>;

/** The JSON contract of `discrepancies.json`. */
export const Report = z.object({
  tool: z.object({ name: z.literal('crosscheck'), version: z.string() }),
  documents: z.array(ReportDocument),
  findings: z.array(Finding),
  corroborated: z.array(Corroboration),
  /** Groups of documents judged to report the same event, and why. */
  events: z
    .array(z.object({ fact: z.string(), docs: z.array(z.string()), why: z.string() }))
    .default([]),
  problems: z.array(ReportProblem).default([]),
  summary: z.object({
    documents: z.number(),
    error: z.number(),
    warning: z.number(),
    info: z.number(),
    corroborated: z.number(),
  }),
});
export type Report = z.infer<typeof Report>;
