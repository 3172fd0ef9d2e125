import path from 'node:path';
import type { Finding, ReportDocument, Severity, Side } from '../../model/index.js';
import type { FormatContext } from '../types.js';

/**
 * Presentation helpers shared by the HTML and Markdown formatters: ordering, counts, labels and the
 * split of a quote around its conflicting value. Format-neutral (no escaping happens here).
 */

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export const SEVERITY_LABEL: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Info' };

/** error → warning → info; the report's own order is kept within a severity (Array#sort is stable). */
export function orderFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}

/** "1 error", "2 warnings", "0 info". */
export function pluralize(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

export function severityCountLabel(severity: Severity, count: number): string {
  return severity === 'info' ? `${count} info` : pluralize(count, severity);
}

/**
 * Past this many documents (an archive, not one story's coverage) the documents' table and the embedded
 * articles keep to the documents a finding cites: 1,000 generated articles make a 4.1 MB page, so
 * 100,000 would make about 0.4 GB, more than a browser opens, to list rows nobody reads. The JSON
 * report lists every document whatever the size.
 */
export const LARGE_REPORT_DOCUMENTS = 1000;

/** The documents a people's report lists (all of them, or those a finding cites), and how many it leaves out. */
export function listedDocuments(report: { documents: readonly ReportDocument[]; findings: readonly Finding[] }): { listed: ReportDocument[]; omitted: number } {
  if (report.documents.length <= LARGE_REPORT_DOCUMENTS) return { listed: [...report.documents], omitted: 0 };
  const cited = new Set(report.findings.flatMap((finding) => finding.sides.map((side) => side.doc)));
  const listed = report.documents.filter((doc) => cited.has(doc.id));
  return { listed, omitted: report.documents.length - listed.length };
}

/** "12,345 other documents read are not listed: no finding cites them (the JSON report lists every one)." */
export function omittedNote(omitted: number): string {
  return `${omitted.toLocaleString('en-US')} other ${omitted === 1 ? 'document read is' : 'documents read are'} not listed: no finding cites ${omitted === 1 ? 'it' : 'them'} (the JSON report lists every one).`;
}

/**
 * Documents named per same-event group in the people's reports; the others are counted. An event an
 * archive keeps coming back to has thousands of articles (1,492 in a generated 100,000): naming each
 * made the group list 6.8 MB of a page. The JSON report lists every one.
 */
export const MAX_EVENT_DOCS = 12;

/** The documents a people's report names for a same-event group, and how many more it has. */
export function eventMembers(event: { docs: readonly string[] }): { named: readonly string[]; more: number } {
  return { named: event.docs.slice(0, MAX_EVENT_DOCS), more: Math.max(0, event.docs.length - MAX_EVENT_DOCS) };
}

const LANGUAGE_NAME: Record<string, string> = { fr: 'French', en: 'English' };

export function languageName(lang: string): string {
  return LANGUAGE_NAME[lang] ?? lang;
}

/** "2019-10-16", "2018-12 (month)" when the precision is coarser than a day, or "unknown". */
export function describePublished(doc: ReportDocument | undefined): string {
  if (!doc?.published) return 'unknown';
  const precision = doc.publishedPrecision;
  return precision && precision !== 'day' ? `${doc.published} (${precision})` : doc.published;
}

/** 0.86 → "86%". */
export function formatConfidence(confidence: number): string {
  return `${Math.round(confidence * 100)}%`;
}

/** "2015, 2017", or "—" when the side carries no value. */
export function formatValues(side: Pick<Side, 'values'>): string {
  return side.values.length > 0 ? side.values.join(', ') : '—';
}

/** The file name of a document, for labels: "seeds/000_x.txt" → "000_x.txt". */
export function documentLabel(doc: ReportDocument | undefined, id: string): string {
  return doc?.title ?? (doc ? path.posix.basename(doc.path.replaceAll('\\', '/')) : id);
}

/** A quote cut around the conflicting value; `value` is absent when it could not be located. */
export interface QuoteParts {
  before: string;
  value?: string;
  after: string;
}

/**
 * Splits the side's quote around its conflicting value. The value is `text.slice(span)`; the quote is
 * located in the text around the span so a value that occurs twice in the sentence is cut at the
 * right place. Without the text, the first occurrence of the raw value (if any) is used.
 */
export function quoteParts(side: Side, text: string | undefined): QuoteParts {
  const quote = side.quote;
  const [start, end] = side.span;
  if (text !== undefined && end > start && end <= text.length) {
    const valueText = text.slice(start, end);
    const quoteStart = findQuoteAround(text, quote, start, end);
    if (quoteStart !== undefined) {
      const at = start - quoteStart;
      return { before: quote.slice(0, at), value: valueText, after: quote.slice(at + valueText.length) };
    }
    const at = quote.indexOf(valueText);
    if (at >= 0) return { before: quote.slice(0, at), value: valueText, after: quote.slice(at + valueText.length) };
  }
  for (const value of side.values) {
    const at = value === '' ? -1 : quote.indexOf(value);
    if (at >= 0) return { before: quote.slice(0, at), value, after: quote.slice(at + value.length) };
  }
  return { before: quote, after: '' };
}

function findQuoteAround(text: string, quote: string, start: number, end: number): number | undefined {
  if (quote === '') return undefined;
  let at = text.lastIndexOf(quote, start);
  while (at >= 0) {
    if (at + quote.length >= end) return at;
    at = at === 0 ? -1 : text.lastIndexOf(quote, at - 1);
  }
  return undefined;
}

/** The text of a document as read, from the context. */
export function documentText(context: FormatContext, docId: string): string | undefined {
  return context.documents.get(docId)?.text;
}

/**
 * Path to the article from the directory the report is written to, with forward slashes so the output
 * is the same on every platform. Falls back to the path as given when no output directory is known.
 */
export function articleHref(articlePath: string, outDir: string | undefined): string {
  const posixPath = articlePath.replaceAll('\\', '/');
  if (outDir === undefined) return posixPath;
  return path.posix.relative(outDir.replaceAll('\\', '/'), posixPath) || posixPath;
}

/** The documents a report lists, by id. */
export function documentsById(documents: readonly ReportDocument[]): Map<string, ReportDocument> {
  return new Map(documents.map((doc) => [doc.id, doc]));
}
