import { createHash } from 'node:crypto';
import { foldWord } from '../text/fold.js';

/** What identifies a finding across runs: the rule, the fact, and who says what. */
export interface FingerprintInput {
  ruleId: string;
  fact: string;
  sides: readonly { doc: string; values: readonly string[] }[];
}

/**
 * A stable id for a finding, used by the baseline, SARIF `partialFingerprints` and de-duplication.
 *
 * It hashes the rule id, the fact folded to a key (case, accents, apostrophes, punctuation and spacing
 * do not count), and each side as (document, sorted values), the sides sorted. Positions, spans and
 * quotes are left out on purpose: a fingerprint survives a paragraph moving or an edit elsewhere in the
 * article, and changes only when a conflicting value (or the set of documents in conflict) changes.
 * Sides and values are compared as sets, so a document repeating the same value twice is the same finding.
 */
export function fingerprintFinding(input: FingerprintInput): string {
  const sides = new Map<string, { doc: string; values: string[] }>();
  for (const side of input.sides) {
    const values = [...new Set(side.values.map((value) => value.trim()))].sort(compareStrings);
    const entry = { doc: side.doc, values };
    sides.set(JSON.stringify(entry), entry);
  }
  const canonical = JSON.stringify([
    'crosscheck/v1',
    input.ruleId,
    factKey(input.fact),
    [...sides.values()].sort((a, b) => compareStrings(a.doc, b.doc) || compareStrings(a.values.join('\u0000'), b.values.join('\u0000'))),
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex').slice(0, 16);
}

/** "Date of the Franco-German rail pact’s signing" and "date of the franco german rail pact's signing" share one key. */
export function factKey(fact: string): string {
  return foldWord(fact)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Code-unit order, independent of the locale the process runs in. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
