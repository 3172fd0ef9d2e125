/**
 * Precision and recall of a report against a generated corpus's gold: a finding finds a gold conflict when
 * it has the conflict's rule (or is a generic rule) and cites the culprit document with the wrong value; a
 * finding that finds none is a false positive.
 */
import type { Gold, GoldConflict } from './generate.js';

/** The part of a report's finding that scoring reads (the JSON report has more). */
export interface ScoredFinding {
  id: string;
  ruleId: string;
  fact: string;
  sides: Array<{ doc: string; values: string[] }>;
}

export interface Score {
  precision: number;
  recall: number;
  findings: number;
  gold: number;
  truePositives: number;
  falsePositives: ScoredFinding[];
  missed: GoldConflict[];
}

/** A generic rule (generic/…) may find any kind of conflict; the others only their own. */
export function findsConflict(finding: ScoredFinding, conflict: GoldConflict): boolean {
  if (finding.ruleId !== conflict.ruleId && !finding.ruleId.startsWith('generic/')) return false;
  return finding.sides.some((side) => conflict.docs.includes(side.doc) && sideShows(side.values, conflict));
}

/** Visits list years ("2016, 2021"), counts come first in a count-list side, the others give one value. */
function sideShows(values: readonly string[], conflict: GoldConflict): boolean {
  if (conflict.ruleId === 'event/visit') return values.join(', ') === conflict.value;
  return values.includes(conflict.value);
}

export function scoreFindings(findings: readonly ScoredFinding[], gold: Pick<Gold, 'conflicts'>): Score {
  const falsePositives = findings.filter((f) => !gold.conflicts.some((c) => findsConflict(f, c)));
  const missed = gold.conflicts.filter((c) => !findings.some((f) => findsConflict(f, c)));
  const truePositives = findings.length - falsePositives.length;
  return {
    precision: findings.length === 0 ? 1 : truePositives / findings.length,
    recall: gold.conflicts.length === 0 ? 1 : (gold.conflicts.length - missed.length) / gold.conflicts.length,
    findings: findings.length,
    gold: gold.conflicts.length,
    truePositives,
    falsePositives,
    missed,
  };
}
