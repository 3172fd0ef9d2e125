const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML content and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/**
 * A value usable in an `id` and a `#fragment` without escaping: characters outside [A-Za-z0-9_-] become
 * `-`. Ids that differ only in such characters would collide, so the report's own ids are kept close.
 */
export function domId(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]/g, '-');
}

/** The anchor of a line in an embedded article: `doc-<id>-L<line>`. */
export function lineAnchor(docId: string, line: number): string {
  return `doc-${domId(docId)}-L${line}`;
}

export function articleAnchor(docId: string): string {
  return `doc-${domId(docId)}`;
}
