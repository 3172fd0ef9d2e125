import { CrosscheckError, type Finding, type Severity } from '../model/index.js';
import { SEVERITIES, countBySeverity, pluralize, severityCountLabel } from './html/present.js';

/** The lowest severity that fails the run; `never` turns the severity threshold off. */
export type FailOn = Severity | 'never';

export interface GateOptions {
  failOn: FailOn;
  /** Fail when more warnings than this remain (like ESLint's --max-warnings); applies whatever failOn says. */
  maxWarnings?: number;
  /** Findings less sure than this (0..1) do not count towards failing, for the threshold or maxWarnings. Default 0. */
  minConfidence?: number;
}

export interface GateResult {
  /** 0: nothing reaches the threshold; 1: something does. (2, bad input, is the CLI's.) */
  exitCode: 0 | 1;
  /** One line saying why, for the CLI to print. */
  reason: string;
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/**
 * Decides whether a CI run fails. Pure: takes the findings left after baseline and suppressions.
 * A finding counts when its confidence is at least `minConfidence`; the run fails when a counted
 * finding is at or above `failOn`, or when the counted warnings exceed `maxWarnings`.
 */
export function gate(findings: readonly Finding[], options: GateOptions): GateResult {
  const minConfidence = options.minConfidence ?? 0;
  checkOptions(options, minConfidence);

  const counted = findings.filter((finding) => finding.confidence >= minConfidence);
  const ignored = findings.length - counted.length;
  const failures: string[] = [];

  if (options.failOn !== 'never') {
    const threshold = RANK[options.failOn];
    const reaching = counted.filter((finding) => RANK[finding.severity] >= threshold);
    if (reaching.length > 0) {
      failures.push(`${pluralize(reaching.length, 'finding')} at or above --fail-on ${options.failOn} (${breakdown(reaching)})`);
    }
  }

  const warnings = counted.filter((finding) => finding.severity === 'warning').length;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    failures.push(`${pluralize(warnings, 'warning')} exceed --max-warnings ${options.maxWarnings}`);
  }

  const ignoredNote = ignored > 0 ? `; ${pluralize(ignored, 'finding')} below --min-confidence ${minConfidence} not counted` : '';
  if (failures.length > 0) return { exitCode: 1, reason: `${failures.join('; ')}${ignoredNote}` };

  const passed =
    options.failOn === 'never'
      ? `--fail-on never: ${pluralize(counted.length, 'finding')} reported, none fails the run`
      : counted.length === 0
        ? findings.length === 0
          ? 'no findings'
          : 'no finding counted'
        : `no finding at or above --fail-on ${options.failOn} (${breakdown(counted)})`;
  return { exitCode: 0, reason: `${passed}${ignoredNote}` };
}

/** "1 error, 2 warnings", severities absent from the list left out. */
function breakdown(findings: readonly Finding[]): string {
  const counts = countBySeverity(findings);
  return SEVERITIES.filter((severity) => counts[severity] > 0)
    .map((severity) => severityCountLabel(severity, counts[severity]))
    .join(', ');
}

function checkOptions(options: GateOptions, minConfidence: number): void {
  if (options.maxWarnings !== undefined && !(Number.isInteger(options.maxWarnings) && options.maxWarnings >= 0)) {
    throw new CrosscheckError(`--max-warnings must be a whole number ≥ 0, got ${options.maxWarnings}`, { code: 'usage' });
  }
  if (!(minConfidence >= 0 && minConfidence <= 1)) {
    throw new CrosscheckError(`--min-confidence must be between 0 and 1, got ${minConfidence}`, { code: 'usage' });
  }
}
