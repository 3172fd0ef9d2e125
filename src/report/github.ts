import type { Finding, Severity, Side } from '../model/index.js';
import { documentsById, formatValues } from './html/present.js';
import { documentPath, lineIndexes, sideRegion } from './sarif.js';
import type { Formatter } from './types.js';

/**
 * GitHub Actions workflow commands, printed to stdout: one annotation per side of each finding, so each
 * article in a contradiction is annotated on its own line in the pull request. The message names the
 * other sides. Files that could not be checked become `::warning` lines. Deterministic: report order.
 */
export const formatGithub: Formatter = (report, context) => {
  const docs = documentsById(report.documents);
  const lines = lineIndexes(context);
  const pathOf = (side: Side): string => documentPath(side.doc, docs, context);

  const commands = report.findings.flatMap((finding) =>
    finding.sides.map((side) => {
      const region = sideRegion(side, lines(side.doc));
      // GitHub's endColumn is inclusive and col/endColumn are only allowed when the annotation is on one line.
      const position: [string, number][] =
        region.endLine === region.startLine
          ? [
              ['line', region.startLine],
              ['col', region.startColumn],
              ['endColumn', Math.max(region.startColumn, region.endColumn - 1)],
            ]
          : [
              ['line', region.startLine],
              ['endLine', region.endLine],
            ];
      return workflowCommand(COMMAND[finding.severity], [['file', pathOf(side)], ...position, ['title', finding.ruleId]], annotationText(finding, side, pathOf));
    }),
  );
  const problems = report.problems.map((problem) =>
    workflowCommand(
      'warning',
      [['file', problem.path.replaceAll('\\', '/')], ...(problem.line !== undefined ? ([['line', problem.line]] as [string, number][]) : []), ['title', 'crosscheck: not checked']],
      problem.message,
    ),
  );
  const all = [...commands, ...problems];
  return all.length > 0 ? `${all.join('\n')}\n` : '';
};

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** The fact and why, the likely cause, then where the other versions are. */
function annotationText(finding: Finding, side: Side, pathOf: (side: Side) => string): string {
  const others = finding.sides.filter((other) => other !== side);
  return [
    `${finding.fact}: ${finding.message}`,
    ...(finding.hint ? [finding.hint] : []),
    `Here: ${formatValues(side)} (${side.modality}).`,
    ...others.map((other) => `${pathOf(other)}:${other.line}:${other.column} says ${formatValues(other)} (${other.modality}): “${other.quote}”`),
  ].join('\n');
}

/** `::name key=value,…::message`, escaped as @actions/core does. */
export function workflowCommand(name: string, properties: [string, string | number][], message: string): string {
  const props = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
  return `::${name}${props ? ` ${props}` : ''}::${escapeData(message)}`;
}

/** Message data: `%`, CR and LF (so a multi-line message stays one command). */
export function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** Property values additionally escape `:` and `,`, which delimit the properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}
