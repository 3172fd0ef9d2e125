/**
 * The page's only stylesheet, inlined: system fonts (nothing to download), colours chosen for at least
 * 4.5:1 contrast, a narrow-window layout where sides stack, and a print layout with every card shown.
 */
export const STYLES = `
:root {
  --ink: #1b2430; --muted: #4b5563; --line: #d6dbe1; --paper: #ffffff; --page: #f4f6f8;
  --accent: #1d4ed8; --focus: #1d4ed8; --mark: #ffe58a; --mark-edge: #c99a00;
  --error: #b42318; --error-bg: #fef3f2; --error-badge: #b42318;
  --warning: #93370d; --warning-bg: #fffaeb; --warning-badge: #93370d;
  --info: #1849a9; --info-bg: #eff6ff; --info-badge: #1849a9;
  --held: #1e3a8a; --planned: #9a3412;
  --radius: 8px;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--ink); background: var(--page); line-height: 1.5;
}
* { box-sizing: border-box; }
body { margin: 0; }
[hidden] { display: none !important; }
a { color: var(--accent); }
a:hover { text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; border-radius: 3px; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.9em; }
.skip-link { position: absolute; left: 1rem; top: -3rem; background: var(--paper); padding: 0.5rem 1rem; z-index: 10; }
.skip-link:focus { top: 1rem; }
.page { max-width: 74rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
.page-head { margin-bottom: 1.25rem; }
.page-head h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 0.25rem; letter-spacing: -0.01em; }
.lede { margin: 0; color: var(--muted); font-size: 1.05rem; }
h2 { font-size: 1.35rem; margin: 2rem 0 0.75rem; }
.section-note { color: var(--muted); margin: -0.4rem 0 0.9rem; }

.tiles { list-style: none; display: grid; grid-template-columns: repeat(auto-fit, minmax(8rem, 1fr)); gap: 0.75rem; padding: 0; margin: 0 0 1.25rem; }
.tile { background: var(--paper); border: 1px solid var(--line); border-top: 5px solid var(--line); border-radius: var(--radius); padding: 0.7rem 0.9rem; }
.tile-link { color: inherit; text-decoration: none; display: block; }
.tile-link:hover .tile-label { text-decoration: underline; }
.tile-count { display: block; font-size: 1.9rem; font-weight: 700; line-height: 1.1; font-variant-numeric: tabular-nums; }
.tile-label { color: var(--muted); font-weight: 600; }
.tile-error { border-top-color: var(--error); } .tile-error .tile-count { color: var(--error); }
.tile-warning { border-top-color: #dc6803; } .tile-warning .tile-count { color: var(--warning); }
.tile-info { border-top-color: var(--info); } .tile-info .tile-count { color: var(--info); }
.tile-agreed { border-top-color: #067647; } .tile-agreed .tile-count { color: #067647; }

.table-wrap { overflow-x: auto; background: var(--paper); border: 1px solid var(--line); border-radius: var(--radius); }
table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
caption { text-align: left; font-weight: 700; padding: 0.6rem 0.8rem 0.2rem; }
th, td { text-align: left; vertical-align: top; padding: 0.5rem 0.8rem; border-bottom: 1px solid var(--line); }
tbody tr:last-child td { border-bottom: 0; }
th { font-size: 0.8rem; white-space: nowrap; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); }
.doc-id { color: var(--muted); font-size: 0.82rem; word-break: break-all; }
.unknown { color: var(--muted); font-style: italic; }
.agreed-value { white-space: nowrap; }

.toolbar { position: sticky; top: 0; z-index: 5; background: var(--page); border-bottom: 1px solid var(--line); padding: 0.75rem 0; margin-bottom: 1rem; display: flex; flex-wrap: wrap; gap: 0.6rem 1.5rem; align-items: center; }
.filter-group { display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: center; border: 0; margin: 0; padding: 0; }
.filter-group legend, .filter-label { font-weight: 700; font-size: 0.85rem; color: var(--muted); margin-right: 0.25rem; float: left; }
.filter { font: inherit; font-size: 0.9rem; border: 1px solid #9aa4b2; background: var(--paper); color: var(--ink); border-radius: 999px; padding: 0.25rem 0.75rem; cursor: pointer; }
.filter[aria-pressed="true"] { background: var(--ink); border-color: var(--ink); color: #fff; }
.filter[aria-pressed="true"].filter-error { background: var(--error-badge); border-color: var(--error-badge); }
.filter[aria-pressed="true"].filter-warning { background: var(--warning-badge); border-color: var(--warning-badge); }
.filter[aria-pressed="true"].filter-info { background: var(--info-badge); border-color: var(--info-badge); }
.filter[aria-pressed="false"] { text-decoration: line-through; color: var(--muted); }
.search { display: flex; align-items: center; gap: 0.4rem; flex: 1 1 14rem; }
.search input { font: inherit; width: 100%; min-width: 0; padding: 0.35rem 0.6rem; border: 1px solid #9aa4b2; border-radius: 6px; background: var(--paper); color: var(--ink); }
.filter-status { margin: 0; color: var(--muted); font-size: 0.9rem; white-space: nowrap; }
.reset { font: inherit; font-size: 0.9rem; background: none; border: 0; color: var(--accent); text-decoration: underline; cursor: pointer; padding: 0.25rem; }
.no-match { background: var(--paper); border: 1px dashed var(--line); border-radius: var(--radius); padding: 1.5rem; text-align: center; color: var(--muted); }

.finding { scroll-margin-top: 7rem; background: var(--paper); border: 1px solid var(--line); border-left: 6px solid var(--line); border-radius: var(--radius); padding: 1rem 1.25rem 1.1rem; margin: 0 0 1rem; }
/* Long reports: let the browser skip laying out cards far off screen. */
.many .finding { content-visibility: auto; contain-intrinsic-size: auto 30rem; }
.sev-error { border-left-color: var(--error); }
.sev-warning { border-left-color: #dc6803; }
.sev-info { border-left-color: var(--info); }
.finding-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.35rem 0.75rem; }
.finding-head h3 { font-size: 1.2rem; line-height: 1.3; margin: 0; flex: 1 1 20rem; }
.badge { display: inline-block; font-size: 0.78rem; font-weight: 700; letter-spacing: 0.05em; text-transform: uppercase; color: #fff; border-radius: 4px; padding: 0.1rem 0.5rem; }
.badge-error { background: var(--error-badge); } .badge-warning { background: var(--warning-badge); } .badge-info { background: var(--info-badge); }
.finding-meta { margin: 0; color: var(--muted); font-size: 0.88rem; display: flex; flex-wrap: wrap; gap: 0.25rem 0.9rem; align-items: center; }
.confidence { display: inline-flex; align-items: center; gap: 0.4rem; }
.meter { display: inline-block; width: 3.5rem; height: 0.45rem; background: #e5e7eb; border-radius: 999px; overflow: hidden; }
.meter > span { display: block; height: 100%; background: var(--muted); }
.permalink { color: var(--muted); text-decoration: none; }
.verdict { margin: 0.75rem 0 0.9rem; padding: 0.65rem 0.9rem; border-radius: 6px; }
.sev-error .verdict { background: var(--error-bg); } .sev-warning .verdict { background: var(--warning-bg); } .sev-info .verdict { background: var(--info-bg); }
.verdict p { margin: 0.15rem 0; }
.verdict-hint { font-weight: 600; }
.sev-error .verdict-hint strong { color: var(--error); } .sev-warning .verdict-hint strong { color: var(--warning); } .sev-info .verdict-hint strong { color: var(--info); }

.timeline { margin: 0 0 0.9rem; max-width: 52rem; }
.timeline-svg { display: block; overflow: visible; font-family: inherit; }
.tl-axis { stroke: #6b7280; stroke-width: 1.2; }
.tl-grid { stroke: #e5e7eb; stroke-width: 1; }
.tl-tick { fill: var(--muted); font-size: 12px; }
.tl-label { fill: var(--ink); font-size: 13px; font-weight: 700; }
.tl-value { fill: var(--ink); font-size: 12px; }
.tl-held { fill: var(--held); stroke: var(--held); stroke-width: 1.5; }
.tl-planned { fill: #fff; stroke: var(--planned); stroke-width: 2; stroke-dasharray: 4 3; }
.legend { display: flex; flex-wrap: wrap; gap: 0.3rem 1rem; margin: 0.35rem 0 0; padding: 0; list-style: none; font-size: 0.82rem; color: var(--muted); }
.legend svg { vertical-align: middle; margin-right: 0.3rem; }
.undated { margin: 0.35rem 0 0; font-size: 0.88rem; color: var(--muted); }

.sides { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 17rem), 1fr)); gap: 0.75rem; }
.side { border: 1px solid var(--line); border-radius: 6px; padding: 0.7rem 0.85rem; display: flex; flex-direction: column; gap: 0.4rem; min-width: 0; }
.side h4 { margin: 0; font-size: 0.98rem; line-height: 1.35; display: flex; gap: 0.5rem; align-items: baseline; }
.side-letter { flex: none; display: inline-grid; place-items: center; width: 1.5rem; height: 1.5rem; border-radius: 50%; background: var(--ink); color: #fff; font-size: 0.8rem; }
.side-meta { margin: 0; font-size: 0.85rem; color: var(--muted); overflow-wrap: anywhere; }
.side-value { margin: 0; display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: center; }
.value { font-weight: 700; font-size: 1.15rem; font-variant-numeric: tabular-nums; }
.pill { font-size: 0.75rem; font-weight: 700; border-radius: 999px; padding: 0.05rem 0.55rem; border: 1.5px solid currentColor; }
.pill-held { color: var(--held); }
.pill-planned { color: var(--planned); border-style: dashed; }
.pill-hedged, .pill-negated, .pill-inferred { color: var(--muted); }
blockquote.quote { margin: 0; padding: 0.45rem 0.75rem; border-left: 3px solid var(--line); background: #f9fafb; font-family: Georgia, "Times New Roman", serif; font-size: 1rem; line-height: 1.55; overflow-wrap: anywhere; }
mark { background: var(--mark); color: inherit; font-weight: 700; padding: 0 0.12em; border-radius: 2px; box-shadow: inset 0 -2px 0 var(--mark-edge); }
.side-link { margin: auto 0 0; font-size: 0.88rem; }
.fingerprint { margin: 0.7rem 0 0; font-size: 0.78rem; color: var(--muted); }

.groups { list-style: none; padding: 0; margin: 0; display: grid; gap: 0.6rem; }
.groups li { background: var(--paper); border: 1px solid var(--line); border-radius: var(--radius); padding: 0.7rem 0.9rem; }
.groups h3 { font-size: 1rem; margin: 0 0 0.2rem; }
.groups p { margin: 0.2rem 0; }
.problems li { margin: 0.3rem 0; }

.article { background: var(--paper); border: 1px solid var(--line); border-radius: var(--radius); margin: 0 0 0.6rem; }
.article > summary { cursor: pointer; padding: 0.6rem 0.9rem; }
.documents { background: var(--paper); border: 1px solid var(--line); border-radius: var(--radius); margin: 0 0 0.6rem; }
.documents > summary { cursor: pointer; padding: 0.6rem 0.9rem; font-weight: 700; }
.documents[open] > .table-wrap { border-width: 1px 0 0; border-radius: 0; }
.article-title { font-weight: 700; }
.article-meta { color: var(--muted); font-size: 0.85rem; overflow-wrap: anywhere; }
.article-lines { margin: 0; padding: 0.5rem 1rem 0.9rem 3.6rem; font-family: Georgia, "Times New Roman", serif; border-top: 1px solid var(--line); }
.article-lines li { white-space: pre-wrap; overflow-wrap: anywhere; min-height: 1.5em; padding: 0 0.3rem; scroll-margin-top: 5rem; }
.article-lines li::marker { color: #6b7280; font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.8em; }
.article-lines li:target { background: #e0ecff; outline: 2px solid var(--accent); }
.site-foot { margin-top: 2.5rem; color: var(--muted); font-size: 0.85rem; }

@media (max-width: 40rem) {
  .page { padding: 1rem 0.75rem 2rem; }
  .page-head h1 { font-size: 1.5rem; }
  .finding { padding: 0.85rem 0.85rem 0.95rem; }
  .toolbar { position: static; }
  .tiles { grid-template-columns: repeat(3, 1fr); gap: 0.5rem; }
  .tile { padding: 0.45rem 0.6rem; }
  .tile-count { font-size: 1.4rem; }
  .tile-label { font-size: 0.85rem; }
  .article-lines { padding-left: 2.8rem; }
  /* Tables become one block per row, each cell labelled, instead of scrolling sideways. */
  .stack-table thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
  .stack-table tr { display: block; padding: 0.45rem 0; border-bottom: 1px solid var(--line); }
  .stack-table tbody tr:last-child { border-bottom: 0; }
  .stack-table td { display: block; border: 0; padding: 0.1rem 0.8rem; }
  .stack-table td[data-label]::before { content: attr(data-label) ": "; color: var(--muted); font-weight: 600; }
}

@media print {
  :root { background: #fff; }
  .toolbar, .skip-link, .no-match, .permalink { display: none !important; }
  .finding[hidden] { display: block !important; }
  .finding { content-visibility: visible; break-inside: avoid-page; border-color: #999; }
  .side { break-inside: avoid; }
  .page { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  .article:not([open]) { display: none; }
}
`;
