import type { Finding, ReportDocument, Side } from '../../model/index.js';
import type { FormatContext } from '../types.js';
import { escapeHtml, lineAnchor } from './escape.js';
import {
  SEVERITY_LABEL,
  articleHref,
  describePublished,
  documentLabel,
  documentText,
  formatConfidence,
  formatValues,
  languageName,
  quoteParts,
} from './present.js';
import { involvesDates, renderTimeline, type TimelineRow } from './timeline.js';

/** "A", "B", … then "27", "28": the label that ties a side's card to its row on the timeline. */
export function sideLetter(index: number): string {
  return index < 26 ? String.fromCharCode(65 + index) : String(index + 1);
}

/** One finding as an `<article>`: fact, verdict and why, timeline when dates are involved, the sides. */
export function renderFindingCard(
  finding: Finding,
  cardId: string,
  docs: ReadonlyMap<string, ReportDocument>,
  context: FormatContext,
): string {
  const titleId = `${cardId}-title`;
  const sides = finding.sides.map((side, index) => renderSide(side, sideLetter(index), `${cardId}-${sideLetter(index)}`, docs, context));
  return (
    `<article class="finding sev-${finding.severity}" id="${cardId}" data-severity="${finding.severity}" data-rule="${escapeHtml(finding.ruleId)}" aria-labelledby="${titleId}">` +
    `<header class="finding-head"><span class="badge badge-${finding.severity}">${SEVERITY_LABEL[finding.severity]}</span>` +
    `<h3 id="${titleId}">${escapeHtml(finding.fact)}</h3>` +
    `<p class="finding-meta"><span>${formatConfidence(finding.confidence)} confidence</span><span>Rule <code>${escapeHtml(finding.ruleId)}</code></span>` +
    `<a class="permalink" href="#${cardId}" aria-label="Link to this finding">#</a></p></header>` +
    renderVerdict(finding) +
    renderFindingTimeline(finding, cardId, docs) +
    `<div class="sides">${sides.join('')}</div>` +
    `<p class="fingerprint">Fingerprint <code>${escapeHtml(finding.fingerprint)}</code></p>` +
    '</article>'
  );
}

function renderVerdict(finding: Finding): string {
  const hint = finding.hint ? `<p class="verdict-hint"><strong>Verdict:</strong> ${escapeHtml(finding.hint)}</p>` : '';
  return `<div class="verdict">${hint}<p class="verdict-why"><strong>Why:</strong> ${escapeHtml(finding.message)}</p></div>`;
}

function renderFindingTimeline(finding: Finding, cardId: string, docs: ReadonlyMap<string, ReportDocument>): string {
  const rows: TimelineRow[] = finding.sides.map((side, index) => ({
    label: sideLetter(index),
    source: documentLabel(docs.get(side.doc), side.doc),
    values: side.values,
    modality: side.modality,
  }));
  if (!involvesDates(rows)) return '';
  const { svg, undated } = renderTimeline(rows, `${cardId}-timeline`);
  const notStated =
    undated.length === 0
      ? ''
      : `<p class="undated">Date not stated: ${undated
          .map((row) => `${escapeHtml(row.label)} (${escapeHtml(row.values.length > 0 ? row.values.join(', ') : 'no value')})`)
          .join('; ')}</p>`;
  return `<figure class="timeline">${svg ?? ''}${LEGEND}${notStated}</figure>`;
}

/** Marks as the timeline draws them: solid for held, hollow and dashed for planned; a day is a point. */
const LEGEND =
  '<ul class="legend" aria-label="Timeline legend">' +
  '<li><svg width="22" height="12" aria-hidden="true"><rect class="tl-held" x="1" y="2" width="20" height="8" rx="2"/></svg>held</li>' +
  '<li><svg width="22" height="12" aria-hidden="true"><rect class="tl-planned" x="1" y="2" width="20" height="8" rx="2"/></svg>planned</li>' +
  '<li><svg width="14" height="14" aria-hidden="true"><circle class="tl-held" cx="7" cy="7" r="5"/></svg>a day; bars span a year, a month or a range</li>' +
  '</ul>';

function renderSide(side: Side, letter: string, sideId: string, docs: ReadonlyMap<string, ReportDocument>, context: FormatContext): string {
  const doc = docs.get(side.doc);
  const lang = doc ? ` lang="${escapeHtml(doc.lang)}"` : '';
  const published = describePublished(doc);
  const meta = [
    `<code>${escapeHtml(side.doc)}</code>`,
    ...(doc ? [languageName(doc.lang)] : []),
    published === 'unknown' ? '<span class="unknown">date unknown</span>' : `published ${escapeHtml(published)}`,
  ].join(' · ');
  const pills = [
    `<span class="pill pill-${side.modality}">${side.modality}</span>`,
    ...(side.inferred ? ['<span class="pill pill-inferred" title="Inferred, not stated in the text">inferred</span>'] : []),
  ].join('');
  return (
    `<section class="side" aria-labelledby="${sideId}">` +
    `<h4 id="${sideId}"><span class="side-letter">${letter}</span><span${lang}>${escapeHtml(documentLabel(doc, side.doc))}</span></h4>` +
    `<p class="side-meta">${meta}</p>` +
    `<p class="side-value"><span class="value">${escapeHtml(formatValues(side))}</span>${pills}</p>` +
    `<blockquote class="quote"${lang}>${highlightedQuote(side, context)}</blockquote>` +
    `<p class="side-link">${sideLinks(side, doc, context)}</p>` +
    '</section>'
  );
}

function highlightedQuote(side: Side, context: FormatContext): string {
  const parts = quoteParts(side, documentText(context, side.doc));
  const value = parts.value === undefined ? '' : `<mark>${escapeHtml(parts.value)}</mark>`;
  return `${escapeHtml(parts.before)}${value}${escapeHtml(parts.after)}`;
}

/** "Open in article" when the text is embedded in the page; the file itself, relative to the report, otherwise too. */
function sideLinks(side: Side, doc: ReportDocument | undefined, context: FormatContext): string {
  const position = `line ${side.line}, column ${side.column}`;
  const links: string[] = [];
  if (context.documents.has(side.doc)) links.push(`<a href="#${lineAnchor(side.doc, side.line)}">Open in article at ${position}</a>`);
  const articlePath = context.documents.get(side.doc)?.path ?? doc?.path;
  if (articlePath !== undefined) {
    links.push(`<a href="${escapeHtml(encodeURI(articleHref(articlePath, context.outDir)))}">${links.length > 0 ? 'file' : `File, ${position}`}</a>`);
  }
  return links.length > 0 ? links.join(' · ') : escapeHtml(position);
}
