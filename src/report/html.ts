import { createHash } from 'node:crypto';
import type { Corroboration, Finding, Report, ReportDocument } from '../model/index.js';
import { articleChunks } from './html/articles.js';
import { renderFindingCard } from './html/card.js';
import { articleAnchor, domId, escapeHtml, lineAnchor } from './html/escape.js';
import {
  SEVERITIES,
  SEVERITY_LABEL,
  countBySeverity,
  describePublished,
  documentLabel,
  documentsById,
  eventMembers,
  languageName,
  listedDocuments,
  omittedNote,
  orderFindings,
  pluralize,
  severityCountLabel,
} from './html/present.js';
import { SCRIPT } from './html/script.js';
import { STYLES } from './html/styles.js';
import type { FormatContext, Formatter } from './types.js';

/**
 * `reports/discrepancies.html`: one self-contained page (inline CSS and JS, no fonts, no network; a
 * Content-Security-Policy forbids any fetch) with a summary, filterable finding cards, timelines,
 * agreed facts and the articles' text. Deterministic: no timestamps, the report's order.
 */
export const formatHtml: Formatter = (report, context) => [...htmlChunks(report, context)].join('');

/**
 * The same page as `formatHtml`, in pieces: its sections, and the documents' rows and embedded articles
 * one at a time (a large archive's page is longer than the longest string V8 can hold).
 */
export function* htmlChunks(report: Report, allContext: FormatContext): Generator<string> {
  const docs = documentsById(report.documents);
  // A large archive's page embeds (and links to) only the articles its findings cite.
  const { listed, omitted } = listedDocuments(report);
  const context: FormatContext = omitted === 0 ? allContext : { ...allContext, documents: onlyListed(allContext.documents, listed) };
  const counts = countBySeverity(report.findings);
  const title = `Crosscheck report: ${SEVERITIES.map((severity) => severityCountLabel(severity, counts[severity])).join(', ')}`;
  yield [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy()}">`,
    '<link rel="icon" href="data:,">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLES}</style>`,
    '</head>',
    report.findings.length > MANY_FINDINGS ? '<body class="many">' : '<body>',
    '<a class="skip-link" href="#findings-title">Skip to findings</a>',
    '<div class="page">',
    renderHeader(report),
    '<main>',
    '',
  ].join('\n');
  yield* summaryChunks(report, listed, omitted, context);
  yield '\n';
  yield [
    renderFindings(report.findings, docs, context),
    renderEvents(report.events, docs, context),
    renderCorroborated(report.corroborated, docs, context),
    renderProblems(report.problems),
    '',
  ].join('\n');
  yield* articleChunks(report, context);
  yield [
    '',
    '</main>',
    `<footer class="site-foot"><p>Made by ${escapeHtml(report.tool.name)} ${escapeHtml(report.tool.version)}. This page works offline: ${omitted === 0 ? 'the articles are' : 'the articles its findings cite are'} embedded and nothing is fetched.</p></footer>`,
    '</div>',
    `<script>${SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function onlyListed(documents: FormatContext['documents'], listed: readonly ReportDocument[]): FormatContext['documents'] {
  const kept = new Map<string, { path: string; text: string }>();
  for (const doc of listed) {
    const document = documents.get(doc.id);
    if (document) kept.set(doc.id, document);
  }
  return kept;
}

/** Past this many cards the page defers the layout of off-screen ones (content-visibility). */
const MANY_FINDINGS = 100;

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** Only the page's own style and script may run, and nothing may be loaded: the report stays offline. */
function contentSecurityPolicy(): string {
  return [
    "default-src 'none'",
    `style-src ${sha256(STYLES)}`,
    `script-src ${sha256(SCRIPT)}`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

function renderHeader(report: Report): string {
  const languages = [...new Set(report.documents.map((doc) => languageName(doc.lang)))].sort();
  const lede = `${pluralize(report.documents.length, 'article')} compared${languages.length > 0 ? ` (${languages.join(', ')})` : ''}: ${pluralize(report.findings.length, 'discrepancy', 'discrepancies')}, ${pluralize(report.corroborated.length, 'fact')} on which sources agree.`;
  return `<header class="page-head"><h1>Discrepancy report</h1><p class="lede">${escapeHtml(lede)}</p></header>`;
}

/** Rows of the documents' table shown open; a longer table (an archive's) starts collapsed. */
export const OPEN_DOCUMENT_ROWS = 50;

function* summaryChunks(report: Report, listed: readonly ReportDocument[], omitted: number, context: FormatContext): Generator<string> {
  const counts = countBySeverity(report.findings);
  const tile = (kind: string, count: number, label: string, href: string): string =>
    `<li class="tile tile-${kind}"><a class="tile-link" href="${href}"><span class="tile-count">${count}</span> <span class="tile-label">${escapeHtml(label)}</span></a></li>`;
  const tiles = [
    ...SEVERITIES.map((severity) => tile(severity, counts[severity], severityLabelPlural(severity, counts[severity]), '#findings-title')),
    tile('agreed', report.corroborated.length, report.corroborated.length === 1 ? 'fact corroborated' : 'facts corroborated', '#agreed-title'),
    tile('documents', report.documents.length, report.documents.length === 1 ? 'document read' : 'documents read', '#documents-title'),
  ];
  const citing = citationCounts(report.findings);
  yield `<section aria-labelledby="summary-title"><h2 id="summary-title">Summary</h2><ul class="tiles">${tiles.join('')}</ul>`;
  // A long table comes collapsed, so that the findings are not thousands of rows down the page; the
  // documents tile, and any link into the table, opens it (see html/script.ts).
  const collapsed = listed.length > OPEN_DOCUMENT_ROWS;
  if (collapsed) yield `<details class="documents"><summary>Documents read: ${listed.length.toLocaleString('en-US')} listed</summary>`;
  if (listed.length > 0) {
    yield '<div class="table-wrap"><table class="stack-table"><caption id="documents-title">Documents read</caption>' +
      '<thead><tr><th scope="col">Source</th><th scope="col">Language</th><th scope="col">Published</th><th scope="col">Findings</th></tr></thead><tbody>';
    for (const doc of listed) {
      const label = escapeHtml(documentLabel(doc, doc.id));
      const source = context.documents.has(doc.id) ? `<a href="#${articleAnchor(doc.id)}" lang="${escapeHtml(doc.lang)}">${label}</a>` : `<span lang="${escapeHtml(doc.lang)}">${label}</span>`;
      const published = describePublished(doc);
      yield `<tr><td>${source}<br><span class="doc-id">${escapeHtml(doc.path)}</span></td>` +
        `<td data-label="Language">${escapeHtml(languageName(doc.lang))}</td>` +
        `<td data-label="Published">${published === 'unknown' ? '<span class="unknown">unknown</span>' : escapeHtml(published)}</td>` +
        `<td data-label="Findings">${citing.get(doc.id) ?? 0}</td></tr>`;
    }
    yield '</tbody></table></div>';
  }
  if (collapsed) yield '</details>';
  if (omitted > 0) yield `<p class="section-note">${escapeHtml(omittedNote(omitted))}</p>`;
  yield '</section>';
}

function severityLabelPlural(severity: Finding['severity'], count: number): string {
  return severityCountLabel(severity, count).replace(/^\d+ /, '');
}

function citationCounts(findings: readonly Finding[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const finding of findings) {
    for (const doc of new Set(finding.sides.map((side) => side.doc))) counts.set(doc, (counts.get(doc) ?? 0) + 1);
  }
  return counts;
}

/** Card ids from finding ids, made unique in report order so permalinks stay stable across runs. */
function cardIds(findings: readonly Finding[]): string[] {
  const seen = new Set<string>();
  return findings.map((finding) => {
    const base = `finding-${domId(finding.id)}`;
    let id = base;
    for (let n = 2; seen.has(id); n++) id = `${base}-${n}`;
    seen.add(id);
    return id;
  });
}

function renderFindings(findings: readonly Finding[], docs: ReadonlyMap<string, ReportDocument>, context: FormatContext): string {
  const heading = '<h2 id="findings-title">Findings</h2>';
  if (findings.length === 0) return `<section aria-labelledby="findings-title">${heading}<p class="no-match">No discrepancies found.</p></section>`;
  const ordered = orderFindings(findings);
  const ids = cardIds(ordered);
  const cards = ordered.map((finding, index) => renderFindingCard(finding, ids[index] ?? `finding-${index + 1}`, docs, context));
  return `<section aria-labelledby="findings-title">${heading}${renderToolbar(ordered)}${cards.join('\n')}<p class="no-match" id="no-match" hidden>No finding matches these filters. <button type="button" class="reset" data-reset>Show all</button></p></section>`;
}

function renderToolbar(findings: readonly Finding[]): string {
  const counts = countBySeverity(findings);
  const ruleCounts = new Map<string, number>();
  for (const finding of findings) ruleCounts.set(finding.ruleId, (ruleCounts.get(finding.ruleId) ?? 0) + 1);
  const filterButton = (kind: string, value: string, label: string, count: number, extraClass = ''): string =>
    `<button type="button" class="filter${extraClass}" data-filter="${kind}" data-value="${escapeHtml(value)}" aria-pressed="true">${escapeHtml(label)} (${count})</button>`;
  const severityButtons = SEVERITIES.map((severity) => filterButton('severity', severity, SEVERITY_LABEL[severity], counts[severity], ` filter-${severity}`));
  const ruleButtons = [...ruleCounts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([rule, count]) => filterButton('rule', rule, rule, count));
  return (
    '<div class="toolbar" role="search" aria-label="Filter findings">' +
    `<div class="filter-group" role="group" aria-labelledby="filter-severity"><span class="filter-label" id="filter-severity">Severity</span>${severityButtons.join('')}</div>` +
    `<div class="filter-group" role="group" aria-labelledby="filter-rule"><span class="filter-label" id="filter-rule">Rule</span>${ruleButtons.join('')}</div>` +
    '<div class="search"><label class="filter-label" for="search">Search</label><input type="search" id="search" placeholder="Fact, source, quote…" autocomplete="off"></div>' +
    `<p class="filter-status" id="filter-status" role="status">Showing ${findings.length} of ${pluralize(findings.length, 'finding')}</p>` +
    '<button type="button" class="reset" data-reset>Reset filters</button>' +
    '</div>'
  );
}

function sourceLinks(sides: Corroboration['sides'], docs: ReadonlyMap<string, ReportDocument>, context: FormatContext): string {
  return sides
    .map((side) => {
      const label = `${escapeHtml(documentLabel(docs.get(side.doc), side.doc))} (line ${side.line})`;
      return context.documents.has(side.doc) ? `<a href="#${lineAnchor(side.doc, side.line)}">${label}</a>` : label;
    })
    .join('<br>');
}

function renderEvents(events: Report['events'], docs: ReadonlyMap<string, ReportDocument>, context: FormatContext): string {
  if (events.length === 0) return '';
  const items = events.map((event) => {
    const { named, more } = eventMembers(event);
    const members =
      named
        .map((id) => {
          const label = escapeHtml(documentLabel(docs.get(id), id));
          return context.documents.has(id) ? `<a href="#${articleAnchor(id)}">${label}</a>` : label;
        })
        .join(', ') + (more > 0 ? `, and ${more} more` : '');
    return `<li><h3>${escapeHtml(event.fact)}</h3><p>${members}</p><p class="section-note">${escapeHtml(event.why)}</p></li>`;
  });
  return `<section aria-labelledby="events-title"><h2 id="events-title">Same-event groups</h2><p class="section-note">Articles judged to report the same event, and why.</p><ul class="groups">${items.join('')}</ul></section>`;
}

function renderCorroborated(corroborated: readonly Corroboration[], docs: ReadonlyMap<string, ReportDocument>, context: FormatContext): string {
  if (corroborated.length === 0) return '';
  const rows = corroborated.map(
    (fact) =>
      `<tr><td>${escapeHtml(fact.fact)}</td><td class="agreed-value" data-label="Value"><strong>${escapeHtml(fact.value)}</strong></td><td>${sourceLinks(fact.sides, docs, context)}${fact.moreDocs?.length ? `, and ${fact.moreDocs.length} more` : ''}</td></tr>`,
  );
  return (
    '<section aria-labelledby="agreed-title"><h2 id="agreed-title">Facts the sources agree on</h2>' +
    '<div class="table-wrap"><table class="stack-table"><thead><tr><th scope="col">Fact</th><th scope="col">Value</th><th scope="col">Sources</th></tr></thead>' +
    `<tbody>${rows.join('')}</tbody></table></div></section>`
  );
}

function renderProblems(problems: Report['problems']): string {
  if (problems.length === 0) return '';
  const items = problems.map((problem) => {
    const where = problem.line === undefined ? problem.path : `${problem.path}:${problem.line}`;
    return `<li><code>${escapeHtml(where)}</code>: ${escapeHtml(problem.message)}</li>`;
  });
  return `<section aria-labelledby="problems-title"><h2 id="problems-title">Problems</h2><p class="section-note">These files could not be read; nothing in them was checked.</p><ul class="problems">${items.join('')}</ul></section>`;
}
