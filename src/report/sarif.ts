import type { ArtifactLocation, Location, Log, Notification, ReportingDescriptor, Result } from 'sarif';
import type { Finding, ReportDocument, Severity, Side } from '../model/index.js';
import { LineIndex } from '../text/line-index.js';
import { documentsById, formatValues } from './html/present.js';
import type { FormatContext, Formatter } from './types.js';


/** Other sides listed with each result (the rest are counted). */
const MAX_RELATED = 20;
/**
 * `reports/discrepancies.sarif`: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.
 *
 * One result per side of a finding: a contradiction lives in two (or more) articles, and each article's
 * owner must see it on their own file. `locations[0]` is that side; `relatedLocations` are the other
 * sides, linked from the message text so viewers show where the other version is. Every result of a
 * finding carries the finding's fingerprint. Columns are UTF-16 code units (`columnKind`), as the
 * pipeline counts them. Deterministic: report order, no timestamps, no absolute paths.
 */
export const formatSarif: Formatter = (report, context) => {
  const docs = documentsById(report.documents);
  const lines = lineIndexes(context);
  const ruleIds = [...new Set(report.findings.map((finding) => finding.ruleId))].sort();
  const ruleIndex = new Map(ruleIds.map((id, index) => [id, index]));

  const results = report.findings.flatMap((finding) =>
    finding.sides.map((side, sideIndex) => sideResult(finding, sideIndex, ruleIndex.get(finding.ruleId) ?? -1, docs, context, lines)),
  );
  const notifications: Notification[] = report.problems.map((problem) => ({
    level: 'error',
    message: { text: `Not checked: ${problem.message}` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactLocation(problem.path),
          ...(problem.line !== undefined && problem.line >= 1 ? { region: { startLine: problem.line } } : {}),
        },
      },
    ],
  }));

  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'crosscheck',
            version: report.tool.version,
            rules: ruleIds.map((id): ReportingDescriptor => ({ id, shortDescription: { text: describeRule(id) } })),
          },
        },
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

const LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', info: 'note' };

function sideResult(
  finding: Finding,
  sideIndex: number,
  ruleIndex: number,
  docs: Map<string, ReportDocument>,
  context: FormatContext,
  lines: (docId: string) => LineIndex | undefined,
): Result {
  const side = finding.sides[sideIndex] as Side;
  const allOthers = finding.sides.filter((_, index) => index !== sideIndex);
  // Each result lists the other sides; past a few, they are counted rather than listed, so a finding
  // with many sources does not make the file grow with the square of its sides.
  const others = allOthers.slice(0, MAX_RELATED);
  const related = others.map((other, index): Location => ({ id: index + 1, ...sideLocation(other, docs, context, lines) }));
  const links = others.map(
    (other, index) => `[${linkText(`${documentPath(other.doc, docs, context)}:${other.line}:${other.column}`)}](${index + 1}) says ${linkText(formatValues(other))}`,
  );
  if (allOthers.length > others.length) links.push(`and ${allOthers.length - others.length} more sources`);
  const text = [sentence(finding.message), finding.hint ? sentence(finding.hint) : undefined]
    .filter((part): part is string => part !== undefined)
    .map(linkText)
    .join(' ');

  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: LEVEL[finding.severity],
    message: { text: links.length > 0 ? `${text}\n${links.join('; ')}.` : text },
    locations: [sideLocation(side, docs, context, lines)],
    relatedLocations: related,
    partialFingerprints: { 'crosscheck/v1': finding.fingerprint },
    properties: {
      confidence: finding.confidence,
      fact: finding.fact,
      values: side.values,
      modality: side.modality,
      ...(side.inferred ? { inferred: true } : {}),
    },
  };
}

function sideLocation(
  side: Side,
  docs: Map<string, ReportDocument>,
  context: FormatContext,
  lines: (docId: string) => LineIndex | undefined,
): Location {
  const index = lines(side.doc);
  const region = sideRegion(side, index);
  return {
    physicalLocation: {
      artifactLocation: artifactLocation(documentPath(side.doc, docs, context)),
      region: {
        ...region,
        ...(index !== undefined && region.charLength > 0 ? { snippet: { text: index.text.slice(side.span[0], side.span[1]) } } : {}),
      },
    },
    message: { text: `${formatValues(side)} (${side.modality}): “${side.quote}”` },
  };
}

/** A side's place in its article: 1-based start, exclusive end column (SARIF's convention), UTF-16 offsets. */
export interface SideRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  charOffset: number;
  charLength: number;
}

/**
 * Where a side's value sits. The start is the side's own line/column; the end is computed from the
 * article text when it is known (and agrees with the side's start), else assumed on the same line.
 */
export function sideRegion(side: Side, lines: LineIndex | undefined): SideRegion {
  const [start, end] = side.span;
  const charLength = Math.max(0, end - start);
  const base = { startLine: side.line, startColumn: side.column, charOffset: start, charLength };
  if (lines !== undefined && end <= lines.text.length) {
    const from = lines.position(start);
    if (from.line === side.line && from.column === side.column) {
      const to = lines.position(start + charLength);
      return { ...base, endLine: to.line, endColumn: to.column };
    }
  }
  return { ...base, endLine: side.line, endColumn: side.column + charLength };
}

/** One LineIndex per article text, built on first use. */
export function lineIndexes(context: FormatContext): (docId: string) => LineIndex | undefined {
  const cache = new Map<string, LineIndex>();
  return (docId) => {
    const text = context.documents.get(docId)?.text;
    if (text === undefined) return undefined;
    let index = cache.get(docId);
    if (index === undefined) {
      index = new LineIndex(text);
      cache.set(docId, index);
    }
    return index;
  };
}

/** The article's path as the report gives it (relative to where the CLI ran), with forward slashes. */
export function documentPath(docId: string, docs: Map<string, ReportDocument>, context: FormatContext): string {
  return (docs.get(docId)?.path ?? context.documents.get(docId)?.path ?? docId).replaceAll('\\', '/');
}

/**
 * A relative path becomes a URI reference against `%SRCROOT%` (the checkout, for GitHub); an absolute
 * one becomes a `file:` URI. Each segment is percent-encoded, so spaces, accents and colons are safe.
 */
function artifactLocation(path: string): ArtifactLocation {
  const posix = path.replaceAll('\\', '/');
  const drive = /^([A-Za-z]:)\//.exec(posix);
  if (drive) return { uri: `file:///${drive[1]}/${encodeSegments(posix.slice(3))}` };
  if (posix.startsWith('/')) return { uri: `file://${encodeSegments(posix)}` };
  return { uri: encodeSegments(posix.replace(/^(\.\/)+/, '')), uriBaseId: '%SRCROOT%' };
}

function encodeSegments(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** "event-date" → "Event date"; the rule's own doc has the full text. */
function describeRule(ruleId: string): string {
  const words = ruleId.replace(/^crosscheck\//, '').replace(/[-_/]+/g, ' ').trim();
  return words ? `${words.charAt(0).toUpperCase()}${words.slice(1)}` : ruleId;
}

/** Ends a message part with a full stop unless it already ends a sentence. */
function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** SARIF plain-text messages use `[text](id)` links, so literal brackets are escaped with a backslash. */
function linkText(text: string): string {
  return text.replace(/[[\]]/g, (char) => `\\${char}`);
}
