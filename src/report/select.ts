import type { Finding, Report } from '../model/index.js';
import { applyBaseline, type Baseline, type BaselineEntry } from './baseline.js';
import { compareStrings } from './fingerprint.js';
import { orderFindings } from './html/present.js';
import { applySuppressions, type Suppression } from './suppressions.js';

/**
 * What a selection step set aside, for the CLI to count and print: findings hidden by inline
 * suppressions or by the baseline, and baseline entries that matched nothing.
 */
export interface SelectionRecord {
  suppressed: Finding[];
  baselined: Finding[];
  unmatchedBaseline: BaselineEntry[];
}

/** One pure `findings → findings` step (textlint's message processors); what it hides goes in `record`. */
export type FindingStep = (findings: readonly Finding[], record: SelectionRecord) => Finding[];

/**
 * Inline suppressions: hides the findings they cover and adds their own problems (a suppression without
 * a reason, an unused one) as findings, which the gate then judges like any other.
 */
export function suppressInline(suppressions: readonly Suppression[]): FindingStep {
  return (findings, record) => {
    const outcome = applySuppressions(findings, suppressions);
    record.suppressed.push(...outcome.suppressed);
    return [...outcome.kept, ...sortProblems(outcome.problems)];
  };
}

/**
 * The baseline: hides accepted findings (by fingerprint) and records the entries nothing matched. A
 * finding an earlier step suppressed inline still exists, so its entry is not reported as stale.
 */
export function suppressByBaseline(baseline: Baseline): FindingStep {
  return (findings, record) => {
    const outcome = applyBaseline(findings, baseline);
    const stillThere = new Set(record.suppressed.map((finding) => finding.fingerprint));
    record.baselined.push(...outcome.suppressed);
    record.unmatchedBaseline.push(...outcome.unmatched.filter((entry) => !stillThere.has(entry.fingerprint)));
    return outcome.kept;
  };
}

/** Keeps the findings with at least one side in one of `docIds`: the archive's old quarrels are not the author's. */
export function keepInvolving(docIds: ReadonlySet<string>): FindingStep {
  return (findings) => findings.filter((finding) => finding.sides.some((side) => docIds.has(side.doc)));
}

/** Runs the steps in order; the result is in report order (severity first, as buildReport sorts). */
export function runSteps(findings: readonly Finding[], steps: readonly FindingStep[]): { findings: Finding[]; record: SelectionRecord } {
  const record: SelectionRecord = { suppressed: [], baselined: [], unmatchedBaseline: [] };
  const kept = steps.reduce<Finding[]>((current, step) => step(current, record), [...findings]);
  return { findings: orderFindings(kept), record };
}

export interface SelectOptions {
  /**
   * The documents being checked (`check NEW.. --against ARCHIVE`): only findings, corroborations and
   * event groups involving one of them are kept. Undefined: every document is new.
   */
  newDocs?: ReadonlySet<string>;
  /** Inline suppressions of every document (archive ones included: the archive's editor may accept a conflict too). */
  suppressions?: readonly Suppression[];
  baseline?: Baseline;
}

export interface Selection extends SelectionRecord {
  /** The report to write and gate: the kept findings, and the summary recounted from them. */
  report: Report;
}

/**
 * The chain between building the report and the gate. The order matters:
 * 1. inline suppressions, first, so a suppression used by a finding the baseline also lists is not "unused";
 * 2. the baseline, on every document, so entries about two archive articles still match (and are not
 *    pruned) when only new articles are reported;
 * 3. only then the findings not involving a new document are dropped, with the archive's own
 *    suppression problems.
 */
export function selectReport(report: Report, options: SelectOptions = {}): Selection {
  const steps: FindingStep[] = [];
  if (options.suppressions && options.suppressions.length > 0) steps.push(suppressInline(options.suppressions));
  if (options.baseline) steps.push(suppressByBaseline(options.baseline));
  if (options.newDocs) steps.push(keepInvolving(options.newDocs));
  const { findings, record } = runSteps(report.findings, steps);
  if (options.newDocs) {
    // What was hidden is counted like what is reported: only where a new document is involved.
    const involved = keepInvolving(options.newDocs);
    record.suppressed = involved(record.suppressed, record);
    record.baselined = involved(record.baselined, record);
  }
  return { report: withFindings(report, findings, options.newDocs), ...record };
}

/**
 * The report with `findings` in place of its own. With `newDocs`, corroborations and event groups are
 * kept only when they involve a new document, and `documents` lists the new documents plus the archive
 * articles the report cites (a report over a 2,000-article archive lists what a reader needs, not all of
 * it). The summary is recounted from what is kept.
 */
export function withFindings(report: Report, findings: readonly Finding[], newDocs?: ReadonlySet<string>): Report {
  const involvesNew = (docs: readonly string[]) => newDocs === undefined || docs.some((doc) => newDocs.has(doc));
  const corroborated = report.corroborated.filter((c) => involvesNew([...c.sides.map((side) => side.doc), ...(c.moreDocs ?? [])]));
  const events = report.events.filter((event) => involvesNew(event.docs));
  let documents = report.documents;
  if (newDocs !== undefined) {
    const cited = new Set<string>(newDocs);
    for (const item of [...findings, ...corroborated]) for (const side of item.sides) cited.add(side.doc);
    for (const event of events) for (const doc of event.docs) cited.add(doc);
    documents = report.documents.filter((doc) => cited.has(doc.id));
  }
  const count = (severity: Finding['severity']) => findings.filter((finding) => finding.severity === severity).length;
  return {
    ...report,
    documents,
    findings: [...findings],
    corroborated,
    events,
    summary: { documents: documents.length, error: count('error'), warning: count('warning'), info: count('info'), corroborated: corroborated.length },
  };
}

/** Suppression problems in article order: document, then line, then rule. */
function sortProblems(problems: readonly Finding[]): Finding[] {
  return [...problems].sort((a, b) => {
    const [sa, sb] = [a.sides[0]!, b.sides[0]!];
    return compareStrings(sa.doc, sb.doc) || sa.span[0] - sb.span[0] || compareStrings(a.ruleId, b.ruleId) || compareStrings(a.fingerprint, b.fingerprint);
  });
}
