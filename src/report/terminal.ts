import type { Finding, Report } from '../model/index.js';
import type { Formatter } from './types.js';

const COLORS = { error: '\u001b[31m', warning: '\u001b[33m', info: '\u001b[36m', dim: '\u001b[2m', bold: '\u001b[1m', reset: '\u001b[0m' };

/**
 * The summary a person reads in a terminal: one block per finding (severity, fact, why, each side as
 * `path:line:column` with its quote), then the totals. Colours only when asked (a TTY).
 */
export const formatTerminal: Formatter = (report, context) => {
  const paint = (code: keyof typeof COLORS, text: string) => (context.color ? `${COLORS[code]}${text}${COLORS.reset}` : text);
  const paths = new Map(report.documents.map((d) => [d.id, d.path]));
  const lines: string[] = [];
  for (const finding of report.findings) {
    lines.push(...findingBlock(finding, paths, paint), '');
  }
  for (const problem of report.problems) {
    lines.push(`${paint('error', 'unreadable')} ${problem.path}${problem.line ? `:${problem.line}` : ''}: ${problem.message}`);
  }
  if (report.problems.length > 0) lines.push('');
  lines.push(summaryLine(report, paint));
  return `${lines.join('\n')}\n`;
};

function findingBlock(finding: Finding, paths: Map<string, string>, paint: (code: keyof typeof COLORS, text: string) => string): string[] {
  const head = `${paint(finding.severity, finding.severity.padEnd(7))} ${paint('bold', finding.fact)}  ${paint('dim', `${finding.ruleId} · confidence ${Math.round(finding.confidence * 100)}%`)}`;
  const lines = [head, `        ${finding.message}`];
  if (finding.hint) lines.push(`        ${paint('dim', '→')} ${finding.hint}`);
  for (const side of finding.sides) {
    const where = `${paths.get(side.doc) ?? side.doc}:${side.line}:${side.column}`;
    const values = side.values.length > 0 ? side.values.join(', ') : 'no date';
    lines.push(`        ${paint('bold', side.doc)} ${values} (${side.modality}${side.inferred ? ', inferred' : ''})  ${paint('dim', where)}`);
    lines.push(`          “${truncate(side.quote, 160)}”`);
  }
  return lines;
}

function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function summaryLine(report: Report, paint: (code: keyof typeof COLORS, text: string) => string): string {
  const { summary } = report;
  const parts = [
    paint('error', `${summary.error} error${summary.error === 1 ? '' : 's'}`),
    paint('warning', `${summary.warning} warning${summary.warning === 1 ? '' : 's'}`),
    paint('info', `${summary.info} info`),
  ];
  return `${summary.documents} document${summary.documents === 1 ? '' : 's'} checked: ${parts.join(', ')}; ${summary.corroborated} fact${summary.corroborated === 1 ? '' : 's'} corroborated.`;
}
