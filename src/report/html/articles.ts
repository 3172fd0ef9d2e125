import type { Report, Side } from '../../model/index.js';
import type { FormatContext } from '../types.js';
import { articleAnchor, escapeHtml, lineAnchor } from './escape.js';
import { describePublished, languageName } from './present.js';

/**
 * The articles embedded in the page, one collapsible `<details>` each, one list item per line with the
 * id `doc-<id>-L<line>`, so "open at line" links work offline. Every cited value is marked in the text.
 * In pieces, an article at a time; nothing when no article is embedded.
 */
export function* articleChunks(report: Report, context: FormatContext): Generator<string> {
  const cited = citedSpans(report);
  let first = true;
  for (const doc of report.documents) {
    const document = context.documents.get(doc.id);
    if (!document) continue;
    if (first) {
      yield '<section class="articles" id="articles" aria-labelledby="articles-title"><h2 id="articles-title">Articles</h2>' +
        '<p class="section-note">The full text as read. Values cited in this report are highlighted.</p>';
      first = false;
    }
    const lines = renderLines(document.text, cited.get(doc.id) ?? [], doc.id);
    const meta = [languageName(doc.lang), `published ${describePublished(doc)}`, doc.path].map(escapeHtml).join(' · ');
    yield `<details class="article" id="${articleAnchor(doc.id)}">` +
      `<summary><span class="article-title">${escapeHtml(doc.title ?? doc.id)}</span> <span class="article-meta">${meta}</span></summary>` +
      `<ol class="article-lines" lang="${escapeHtml(doc.lang)}">${lines.join('')}</ol></details>`;
  }
  if (!first) yield '</section>';
}

/** Spans of every side, by document, sorted and merged so marks never overlap. */
function citedSpans(report: Report): Map<string, Array<[number, number]>> {
  const sides: Side[] = [...report.findings, ...report.corroborated].flatMap((item) => item.sides);
  const byDoc = new Map<string, Array<[number, number]>>();
  for (const side of sides) {
    if (side.span[1] <= side.span[0]) continue;
    const spans = byDoc.get(side.doc) ?? [];
    spans.push([side.span[0], side.span[1]]);
    byDoc.set(side.doc, spans);
  }
  for (const [doc, spans] of byDoc) {
    spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const merged: Array<[number, number]> = [];
    for (const span of spans) {
      const last = merged.at(-1);
      if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
      else merged.push([span[0], span[1]]);
    }
    byDoc.set(doc, merged);
  }
  return byDoc;
}

function renderLines(text: string, spans: ReadonlyArray<readonly [number, number]>, docId: string): string[] {
  const items: string[] = [];
  let lineStart = 0;
  let next = 0;
  text.split('\n').forEach((line, index) => {
    const lineEnd = lineStart + line.length;
    while (next < spans.length && (spans[next]?.[1] ?? 0) <= lineStart) next += 1;
    let html = '';
    let at = lineStart;
    for (let k = next; k < spans.length; k++) {
      const [from, to] = spans[k] ?? [0, 0];
      if (from >= lineEnd) break;
      const markStart = Math.max(from, lineStart);
      const markEnd = Math.min(to, lineEnd);
      html += escapeHtml(text.slice(at, markStart)) + `<mark>${escapeHtml(text.slice(markStart, markEnd))}</mark>`;
      at = markEnd;
    }
    html += escapeHtml(text.slice(at, lineEnd).replace(/\r$/, ''));
    items.push(`<li id="${lineAnchor(docId, index + 1)}">${html}</li>`);
    lineStart = lineEnd + 1;
  });
  return items;
}
