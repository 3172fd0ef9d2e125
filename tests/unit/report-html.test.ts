import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Report } from '../../src/model/index.js';
import { formatHtml } from '../../src/report/html.js';
import { involvesDates, parseTimeValue, renderTimeline, type TimelineRow } from '../../src/report/html/timeline.js';
import { escapingFixture, generatedFixture, seedsFixture } from '../browser/report-fixtures.js';

/** The `<article>` of one finding, by its report id. */
function card(html: string, findingId: string): string {
  const start = html.indexOf(`<article class="finding`, html.indexOf(`id="finding-${findingId}"`) - 200);
  expect(start, `card of ${findingId}`).toBeGreaterThanOrEqual(0);
  return html.slice(start, html.indexOf('</article>', start) + '</article>'.length);
}

function between(html: string, open: string, close: string): string {
  const start = html.indexOf(open);
  return html.slice(start + open.length, html.indexOf(close, start));
}

describe('formatHtml escaping', () => {
  const { report, context } = escapingFixture();
  const html = formatHtml(report, context);

  it('escapes quotes that contain <, & and "', () => {
    expect(html).toContain('selon &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; la mairie.');
    expect(html).toContain('The mayor said the &quot;Bridge &amp; Tunnel&quot; works would end on <mark>9 November 2024</mark> &lt;b&gt;at the latest&lt;/b&gt;.');
    expect(html).not.toContain('alert("x")');
    expect(html.match(/<script\b/g)).toHaveLength(1);
    expect(html).not.toContain('<b>at the latest');
  });

  it('escapes facts, messages, hints, titles, rule ids and fingerprints', () => {
    expect(html).toContain('<h3 id="finding-works-end--date--title">End of the &quot;Bridge &amp; Tunnel&quot; works &lt;phase 1&gt;</h3>');
    expect(html).toContain('Compatible at day precision if the works ended on the 9th &lt;no conflict&gt;.');
    expect(html).toContain('City hall &lt;briefing&gt; &amp; &quot;works&quot;');
    expect(html).toContain('data-rule="count | number"');
    expect(html).toContain('Fingerprint <code>ff00&lt;&amp;&gt;&quot;</code>');
    expect(html).toContain('<code>inbox/broken &lt;1&gt;.html:3</code>: Unclosed tag &quot;&lt;p&gt;&quot; &amp; invalid UTF-8');
  });

  it('escapes the embedded article text and keeps line anchors valid for odd document ids', () => {
    expect(html).toContain('<li id="doc-R-D-notes-L1">Notes &lt;internes&gt;</li>');
    expect(html).toContain('<a href="#doc-R-D-notes-L3">Open in article at line 3, column 59</a>');
    expect(html).toContain('<a href="../inbox/R&amp;D%20notes.md">file</a>');
  });

  it('still highlights the value of a side whose document text is missing, and says where it is', () => {
    const phases = card(html, 'phase-count');
    expect(phases).toContain('Il y aurait <mark>3</mark> &lt;phases&gt; &amp; plus.');
    expect(phases).toContain('<p class="side-link">line 1, column 1</p>');
  });
});

describe('formatHtml on the seeds report', () => {
  const { report, context } = seedsFixture();
  const html = formatHtml(report, context);

  it('is one self-contained page: inline CSS and JS, nothing to fetch', () => {
    expect(html).not.toMatch(/\b(?:src|href)="(?:https?:)?\/\//);
    expect(html).not.toMatch(/<link\b(?![^>]*rel="icon" href="data:,")/);
    expect(html).not.toMatch(/<script\b[^>]*\bsrc=/);
    expect(html).not.toMatch(/@import|url\(/);
    expect(html).toContain("default-src 'none'");
  });

  it('allows exactly its own style and script in the Content-Security-Policy', () => {
    const hash = (text: string): string => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    const policy = between(html, '<meta http-equiv="Content-Security-Policy" content="', '">');
    expect(policy).toContain(`style-src ${hash(between(html, '<style>', '</style>'))}`);
    expect(policy).toContain(`script-src ${hash(between(html, '<script>', '</script>'))}`);
  });

  it('summarises documents, findings by severity and agreed facts', () => {
    const summary = between(html, '<h2 id="summary-title">Summary</h2>', '</section>');
    expect(summary).toContain('<span class="tile-count">1</span> <span class="tile-label">error</span>');
    expect(summary).toContain('<span class="tile-count">2</span> <span class="tile-label">warnings</span>');
    expect(summary).toContain('<span class="tile-count">3</span> <span class="tile-label">facts corroborated</span>');
    expect(summary).toContain('<td data-label="Language">English</td><td data-label="Published"><span class="unknown">unknown</span></td>');
    expect(summary).toContain('<td data-label="Language">French</td><td data-label="Published">2020-12 (month)</td>');
  });

  it('has one card per finding, error → warning → info, with semantic headings', () => {
    const severities = [...html.matchAll(/<article class="finding [^"]*" id="[^"]*" data-severity="(\w+)"/g)].map((match) => match[1]);
    expect(severities).toEqual(['error', 'warning', 'warning', 'info']);
    expect(html.match(/<h1>/g)).toHaveLength(1);
    expect(html).toContain('<main>');
    expect(html.match(/<h3 id="finding-/g)).toHaveLength(4);
  });

  it('gives the verdict and why, and the sides with source, date, modality and highlighted quote', () => {
    const royal = card(html, 'royal-visits-moscow-years');
    expect(royal).toContain('<strong>Verdict:</strong> Likely typo: 2022 and 2002 differ by one digit');
    expect(royal).toContain('<strong>Why:</strong> Both articles list two royal visits');
    expect(royal).toContain('Le Maroc et la Russie envisagent d’approfondir leurs relations bilatérales');
    expect(royal).toContain('published 2025-10-16');
    expect(royal).toContain('<blockquote class="quote" lang="fr">En 2016 et <mark>2022</mark>, le Souverain');
    expect(royal).toContain('<blockquote class="quote" lang="en">Two Royal Visits to Moscow—in <mark>2002</mark> and again');
    expect(royal).toContain('<span class="pill pill-held">held</span>');
  });

  it('links each side to its line in the embedded article, which carries the line anchor', () => {
    for (const side of report.findings.flatMap((finding) => finding.sides)) {
      const anchor = `doc-${side.doc}-L${side.line}`;
      expect(html).toContain(`<a href="#${anchor}">Open in article at line ${side.line}, column ${side.column}</a>`);
      expect(html).toMatch(new RegExp(`<li id="${anchor}">[^<]*`));
    }
    expect(html).toContain('<details class="article" id="doc-000_343562392b76022e">');
    expect(html).toContain('<li id="doc-000_343562392b76022e-L19">Depuis l’accession au Trône');
  });

  it('draws a timeline where dates are involved: planned hollow, held solid, day as a point', () => {
    const session = card(html, 'joint-commission-8th-session-date');
    expect(session).toContain('<svg class="timeline-svg"');
    expect(session).toMatch(/<rect class="tl-mark tl-planned"[^>]*><title>A: 2021 \(planned\)/);
    expect(session).toMatch(/<circle class="tl-mark tl-held"[^>]*><title>B: 2025-10-16 \(held\)/);
    expect(session).toContain('<p class="undated">Date not stated: C (this Thursday)</p>');
    expect(card(html, 'lavrov-first-name-spelling')).not.toContain('<svg class="timeline-svg"');
  });

  it('offers severity and rule filters as pressed toggle buttons, and a search box', () => {
    for (const severity of ['error', 'warning', 'info']) {
      expect(html).toContain(`data-filter="severity" data-value="${severity}" aria-pressed="true"`);
    }
    for (const rule of ['event-date', 'name-spelling', 'plan-vs-held']) {
      expect(html).toContain(`data-filter="rule" data-value="${rule}" aria-pressed="true"`);
    }
    expect(html).toContain('<input type="search" id="search"');
    expect(html).toContain('@media print');
  });

  it('lists same-event groups and agreed facts', () => {
    expect(html).toContain('<h3>Bourita and Lavrov meet in Moscow (16 October 2025)</h3>');
    expect(html).toMatch(/<td>Date of the Morocco–Russia Deep Strategic Partnership<\/td><td class="agreed-value" data-label="Value"><strong>2016-03<\/strong><\/td>/);
  });

  it('names the first 12 documents of a same-event group and counts the others (the JSON lists every one)', () => {
    const docs = Array.from({ length: 15 }, (_, i) => `doc-${String(i).padStart(2, '0')}`);
    const many = formatHtml({ ...report, events: [{ fact: 'A much-reported event', docs, why: 'same place' }] }, context);
    expect(between(many, '<h3>A much-reported event</h3><p>', '</p>')).toBe(`${docs.slice(0, 12).join(', ')}, and 3 more`);
  });

  it('shows a short documents table open, and a long one collapsed, named by how many it lists', () => {
    expect(html).not.toContain('<details class="documents">');
    expect(html).toContain('<caption id="documents-title">Documents read</caption>');
    const extra = Array.from({ length: 60 }, (_, i) => ({ ...report.documents[0]!, id: `extra-${i}`, path: `extra/${i}.md` }));
    const documents = [...report.documents, ...extra];
    const long = formatHtml({ ...report, documents }, context);
    const table = between(long, '<details class="documents">', '</details>');
    expect(table.startsWith(`<summary>Documents read: ${documents.length} listed</summary><div class="table-wrap">`)).toBe(true);
    expect(table).toContain('<caption id="documents-title">Documents read</caption>');
    expect(table.match(/<tr><td>/g)).toHaveLength(documents.length);
  });

  it('is byte-identical for the same input', () => {
    expect(formatHtml(report, context)).toBe(html);
    expect(formatHtml(Report.parse(JSON.parse(JSON.stringify(report))), context)).toBe(html);
  });
});

describe('formatHtml at scale', () => {
  // How long it takes is the bench's to say (the report stage, reports/bench.md), not a test's.
  it('renders 1,000 findings, each card with a unique id', () => {
    const { report, context } = generatedFixture(1000);
    const html = formatHtml(report, context);
    const ids = [...html.matchAll(/<article class="finding [^"]*" id="([^"]+)"/g)].map((match) => match[1]);
    expect(ids).toHaveLength(1000);
    expect(new Set(ids).size).toBe(1000);
    expect(html).toContain('<body class="many">');
  });
});

describe('timeline values', () => {
  const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

  it('reads the precision from the shape of the value', () => {
    expect(parseTimeValue('2016')).toEqual({ start: day('2016-01-01'), end: day('2017-01-01'), point: false });
    expect(parseTimeValue('2023-12')).toEqual({ start: day('2023-12-01'), end: day('2024-01-01'), point: false });
    expect(parseTimeValue('2025-10-16')).toEqual({ start: day('2025-10-16'), end: day('2025-10-17'), point: true });
    expect(parseTimeValue('2024-11-09/2024-11-10')).toEqual({ start: day('2024-11-09'), end: day('2024-11-11'), point: false });
    expect(parseTimeValue('199X')).toEqual({ start: day('1990-01-01'), end: day('2000-01-01'), point: false });
    for (const notADate of ['8', 'Moscow', 'this Thursday', '2025-02-30', '2025-13', '2024/2023']) {
      expect(parseTimeValue(notADate), notADate).toBeUndefined();
    }
  });

  it('treats four-digit values as years unless another side holds a count', () => {
    const row = (values: string[]): TimelineRow => ({ label: 'A', source: 'a', values, modality: 'held' });
    expect(involvesDates([row(['2016']), row(['2022'])])).toBe(true);
    expect(involvesDates([row(['2016']), row(['8'])])).toBe(false);
    expect(involvesDates([row(['Sergueï']), row(['Sergey'])])).toBe(false);
  });

  it('lists sides without a date under the axis', () => {
    const timeline = renderTimeline(
      [
        { label: 'A', source: 'a', values: ['2021'], modality: 'planned' },
        { label: 'B', source: 'b', values: ['next week'], modality: 'held' },
      ],
      't',
    );
    expect(timeline.svg).toContain('tl-planned');
    expect(timeline.undated.map((row) => row.label)).toEqual(['B']);
  });
});
