import type { Document } from '../model/document.js';
import { analyzeDocument, type AnalyzeOptions, type DocumentResult } from '../pipeline.js';
import type { Rule } from '../rules/types.js';

/**
 * The stages a check is timed by (`--timings`, `--stats-json`): reading articles, extraction, the rules'
 * claims, alignment, comparison, the report. In a parallel run the first three are summed over the worker
 * threads, and `workers` is the wall-clock time they took together.
 */
export const STAGES = ['ingest', 'extract', 'claims', 'align', 'compare', 'report', 'workers'] as const;
export type Stage = (typeof STAGES)[number];
/** The stages of one article (run by workers in a parallel check); the others are corpus-wide. */
export const ARTICLE_STAGES = ['ingest', 'extract', 'claims'] as const;
export type StageTimes = Record<Stage, number>;
/** Told the milliseconds a stage took; a stage may be told several times (its times add up). */
export type StageListener = (stage: Stage, ms: number) => void;

export function emptyStageTimes(): StageTimes {
  return { ingest: 0, extract: 0, claims: 0, align: 0, compare: 0, report: 0, workers: 0 };
}

/** Calls `fn`, adds its duration to `times[stage]`, returns its result. */
export function timed<T>(times: StageTimes, stage: Stage, fn: () => T): T {
  const started = performance.now();
  try {
    return fn();
  } finally {
    times[stage] += performance.now() - started;
  }
}

const timedRuleLists = new WeakMap<readonly Rule[], { times: StageTimes; rules: Rule[] }>();

/** The same rules, each rule's `extract` adding its time to `times.claims` (memoised per list and clock). */
function rulesTimedInto(rules: readonly Rule[], times: StageTimes): Rule[] {
  const known = timedRuleLists.get(rules);
  if (known?.times === times) return known.rules;
  const wrapped = rules.map((rule): Rule => {
    const extract = rule.extract;
    if (!extract) return rule;
    return { ...rule, extract: (analysis, ctx) => timed(times, 'claims', () => extract.call(rule, analysis, ctx)) };
  });
  timedRuleLists.set(rules, { times, rules: wrapped });
  return wrapped;
}

/** `analyzeDocument`, with extraction and the rules' claims timed apart into `times`. Same result. */
export function analyzeDocumentTimed(doc: Document, options: AnalyzeOptions, times: StageTimes): DocumentResult {
  const claimsBefore = times.claims;
  const started = performance.now();
  const result = analyzeDocument(doc, { lexicon: options.lexicon, rules: rulesTimedInto(options.rules, times) });
  times.extract += performance.now() - started - (times.claims - claimsBefore);
  return result;
}
