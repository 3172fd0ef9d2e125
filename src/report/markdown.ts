import type { Corroboration, Finding, Report, ReportDocument, Side } from '../model/index.js';
import {
  SEVERITIES,
  SEVERITY_LABEL,
  articleHref,
  countBySeverity,
  describePublished,
  documentText,
  documentsById,
  eventMembers,
  formatConfidence,
  formatValues,
  languageName,
  listedDocuments,
  omittedNote,
  orderFindings,
  pluralize,
  quoteParts,
  severityCountLabel,
} from './html/present.js';
import type { FormatContext, Formatter } from './types.js';

/**
 * `reports/discrepancies.md`, for editors: a summary, one section per finding (error → warning → info)
 * with a table of the sides, then same-event groups, agreed facts and unreadable files.
 * Deterministic: no timestamps, the report's order within a severity.
 */
export const formatMarkdown: Formatter = (report, context) => [...markdownChunks(report, context)].join('');

/** The same text as `formatMarkdown`, in pieces: its blocks, and the documents' table a row at a time. */
export function* markdownChunks(report: Report, context: FormatContext): Generator<string> {
  const docs = documentsById(report.documents);
  yield '# Crosscheck: discrepancy report';
  for (const block of summary(report)) yield `\n\n${block}`;
  const { listed, omitted } = listedDocuments(report);
  if (listed.length > 0) {
    const header = ['Document', 'Title', 'Language', 'Published', 'File'];
    yield `\n\n${tableLine(header)}\n${tableLine(header.map(() => '---'))}`;
    for (const doc of listed) {
      yield `\n${tableLine([code(doc.id), cell(doc.title ?? ''), `${languageName(doc.lang)} (${doc.lang})`, describePublished(doc), code(doc.path)])}`;
    }
  }
  if (omitted > 0) yield `\n\n${inline(omittedNote(omitted))}`;
  const blocks = [
    ...findingsSection(report.findings, docs, context),
    ...eventsSection(report.events, docs),
    ...corroboratedSection(report.corroborated, docs, context),
    ...problemsSection(report.problems),
  ];
  for (const block of blocks) yield `\n\n${block}`;
  yield '\n';
}

/** The summary's lines (the documents' table follows them). */
function summary(report: Report): string[] {
  const counts = countBySeverity(report.findings);
  const countLine = SEVERITIES.map((severity) => severityCountLabel(severity, counts[severity])).join(', ');
  return [
    '## Summary',
    [
      `- **Documents read:** ${report.documents.length}`,
      `- **Findings:** ${report.findings.length} (${countLine})`,
      `- **Facts corroborated:** ${report.corroborated.length}`,
      ...(report.problems.length > 0 ? [`- **Files that could not be read:** ${report.problems.length}`] : []),
    ].join('\n'),
  ];
}

function findingsSection(findings: readonly Finding[], docs: Map<string, ReportDocument>, context: FormatContext): string[] {
  if (findings.length === 0) return ['## Findings', 'No discrepancies found.'];
  return ['## Findings', ...orderFindings(findings).flatMap((finding, index) => findingBlock(finding, index + 1, docs, context))];
}

function findingBlock(finding: Finding, number: number, docs: Map<string, ReportDocument>, context: FormatContext): string[] {
  const heading = `### ${number}. ${SEVERITY_LABEL[finding.severity]}: ${inline(finding.fact)} (confidence ${formatConfidence(finding.confidence)})`;
  const rows = finding.sides.map((side) => sideRow(side, docs, context));
  return [
    heading,
    `**Why:** ${inline(finding.message)}`,
    ...(finding.hint ? [`**Likely:** ${inline(finding.hint)}`] : []),
    table(['Source', 'Value', 'Modality', 'Line:col', 'Quote'], rows),
    `<sub>Rule ${code(finding.ruleId)} · fingerprint ${code(finding.fingerprint)}</sub>`,
  ];
}

function sideRow(side: Side, docs: Map<string, ReportDocument>, context: FormatContext): string[] {
  const doc = docs.get(side.doc);
  const source = `${code(side.doc)}${doc?.published ? `, ${doc.published}` : ''}`;
  const value = cell(formatValues(side)) + (side.inferred ? ' *(inferred)*' : '');
  return [source, value, side.modality, lineLink(side, doc, context), highlightedQuote(side, context)];
}

/** `line:column`, linked to the article (GitHub-style `#L12` anchor) when its path is known. */
function lineLink(side: Side, doc: ReportDocument | undefined, context: FormatContext): string {
  const position = `${side.line}:${side.column}`;
  const articlePath = context.documents.get(side.doc)?.path ?? doc?.path;
  if (articlePath === undefined) return position;
  const href = encodeURI(articleHref(articlePath, context.outDir)).replace(/[()]/g, (paren) => (paren === '(' ? '%28' : '%29'));
  return `[${position}](${href}#L${side.line})`;
}

function highlightedQuote(side: Side, context: FormatContext): string {
  const parts = quoteParts(side, documentText(context, side.doc));
  if (parts.value === undefined) return cell(parts.before);
  return `${cell(parts.before)}**${cell(parts.value)}**${cell(parts.after)}`;
}

function eventsSection(events: Report['events'], docs: Map<string, ReportDocument>): string[] {
  if (events.length === 0) return [];
  const rows = events.map((event) => {
    const { named, more } = eventMembers(event);
    const members = named.map((id) => [code(id), cell(docs.get(id)?.title ?? '')].join(' ').trim());
    return [cell(event.fact), [...members, ...(more > 0 ? [`and ${more} more`] : [])].join('<br>'), cell(event.why)];
  });
  return ['## Same-event groups', table(['Event', 'Documents', 'Why they are grouped'], rows)];
}

function corroboratedSection(corroborated: readonly Corroboration[], docs: Map<string, ReportDocument>, context: FormatContext): string[] {
  if (corroborated.length === 0) return [];
  const rows = corroborated.map((fact) => [
    cell(fact.fact),
    cell(fact.value),
    fact.sides.map((side) => `${code(side.doc)} ${lineLink(side, docs.get(side.doc), context)}`).join(', ') + moreSources(fact),
  ]);
  return ['## Facts the sources agree on', table(['Fact', 'Value', 'Sources'], rows)];
}

/** ", and 240 more" when a fact's other sources are listed by id only. */
function moreSources(fact: Corroboration): string {
  const more = fact.moreDocs?.length ?? 0;
  return more === 0 ? '' : `, and ${more} more`;
}

function problemsSection(problems: Report['problems']): string[] {
  if (problems.length === 0) return [];
  const items = problems.map((problem) => {
    const where = problem.line === undefined ? problem.path : `${problem.path}:${problem.line}`;
    return `- ${code(where)}: ${inline(problem.message)}`;
  });
  return ['## Problems', 'These files could not be read; nothing in them was checked.', items.join('\n')];
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [tableLine(header), tableLine(header.map(() => '---')), ...rows.map(tableLine)].join('\n');
}

function tableLine(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** Text that must not be read as Markdown or HTML: quotes and messages are verbatim article text. */
function inline(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[\\`*_[\]<]/g, '\\$&')
    .replace(/&(?=#?[a-z0-9]+;)/gi, '\\&');
}

/** Inline text for a table cell, where `|` would end the cell. */
function cell(text: string): string {
  return inline(text).replaceAll('|', '\\|');
}

/** A code span; the fence grows past any backtick run inside, and `|` stays escaped for tables. */
function code(text: string): string {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const padded = text.startsWith('`') || text.endsWith('`') ? ` ${text} ` : text;
  return `${fence}${padded.replaceAll('|', '\\|')}${fence}`;
}
