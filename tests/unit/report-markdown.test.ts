import { describe, expect, it } from 'vitest';
import { Report } from '../../src/model/index.js';
import { formatMarkdown } from '../../src/report/markdown.js';
import { escapingFixture, seedsFixture } from '../browser/report-fixtures.js';

/** Cells of a Markdown table row, split on unescaped pipes. */
function cells(row: string): string[] {
  return row
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim());
}

function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  expect(start, `section "${heading}"`).toBeGreaterThanOrEqual(0);
  const next = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, next < 0 ? undefined : next);
}

describe('formatMarkdown on the seeds report', () => {
  const { report, context } = seedsFixture();
  const markdown = formatMarkdown(report, context);

  it('puts the sections in the documented order', () => {
    const headings = markdown.split('\n').filter((line) => /^#{1,2} /.test(line));
    expect(headings).toEqual([
      '# Crosscheck: discrepancy report',
      '## Summary',
      '## Findings',
      '## Same-event groups',
      '## Facts the sources agree on',
    ]);
  });

  it('summarises documents with language and publication date, or "unknown"', () => {
    const summary = section(markdown, 'Summary');
    expect(summary).toContain('- **Documents read:** 5');
    expect(summary).toContain('- **Findings:** 4 (1 error, 2 warnings, 1 info)');
    expect(summary).toContain('- **Facts corroborated:** 3');
    const row = (id: string): string[] => cells(summary.split('\n').find((line) => line.startsWith(`| \`${id}\``)) ?? '');
    expect(row('000_343562392b76022e').slice(2, 4)).toEqual(['French (fr)', '2025-10-16']);
    expect(row('003_bcc0e6c20f4df47a').slice(2, 4)).toEqual(['French (fr)', '2020-12 (month)']);
    expect(row('004_4304eb3ecd782dab').slice(2, 4)).toEqual(['English (en)', 'unknown']);
  });

  it('orders findings error → warning → info, each heading with severity and confidence', () => {
    const headings = markdown.split('\n').filter((line) => line.startsWith('### '));
    expect(headings).toEqual([
      '### 1. Error: Years of King Mohammed VI’s official visits to Moscow (confidence 86%)',
      '### 2. Warning: Date of the 8th session of the Morocco–Russia joint commission (confidence 72%)',
      '### 3. Warning: When the Russia–Arab World Cooperation Forum met in Morocco (confidence 61%)',
      '### 4. Info: Spelling of Sergei Lavrov’s first name (confidence 95%)',
    ]);
  });

  it('gives the message and the hint under each heading', () => {
    expect(markdown).toContain(
      '**Why:** Both articles list two royal visits to Moscow but disagree on one year: 2022 in one, 2002 in the other. They agree on 2016.',
    );
    expect(markdown).toContain('**Likely:** Likely typo: 2022 and 2002 differ by one digit; the other year (2016) matches.');
  });

  it('tabulates the sides with value, modality, a line:column link and the value in bold in its quote', () => {
    const rows = markdown.split('\n').filter((line) => line.startsWith('| `000_343562392b76022e`, 2025-10-16 | 2016, 2022'));
    expect(rows).toHaveLength(1);
    expect(cells(rows[0]!)).toEqual([
      '`000_343562392b76022e`, 2025-10-16',
      '2016, 2022',
      'held',
      '[19:195](../seeds/000_343562392b76022e.txt#L19)',
      'En 2016 et **2022**, le Souverain a effectué deux visites officielles à Moscou.',
    ]);
    expect(markdown).toContain('| this Thursday *(inferred)* | held |');
    expect(markdown).toContain('| 2021 | planned |');
  });

  it('bolds the occurrence at the span when the value appears twice in the quote', () => {
    // Finding 3 cites the second "2021" of the sentence ("courant 2021"), not "prévue pour 2021".
    expect(markdown).toContain('prévue pour 2021, et le renforcement');
    expect(markdown).toContain('se tiendra au Maroc **courant 2021**.');
  });

  it('lists same-event groups and agreed facts as compact tables', () => {
    expect(section(markdown, 'Same-event groups')).toContain('| Bourita and Lavrov meet in Moscow (16 October 2025) |');
    const agreed = section(markdown, 'Facts the sources agree on').split('\n').filter((line) => line.startsWith('| Date of'));
    expect(cells(agreed[0]!).slice(0, 2)).toEqual(['Date of the Morocco–Russia Deep Strategic Partnership', '2016-03']);
  });

  it('names the first 12 documents of a same-event group and counts the others (the JSON lists every one)', () => {
    const docs = Array.from({ length: 15 }, (_, i) => `doc-${String(i).padStart(2, '0')}`);
    const many = formatMarkdown({ ...report, events: [{ fact: 'A much-reported event', docs, why: 'same place' }] }, context);
    const row = section(many, 'Same-event groups').split('\n').find((line) => line.startsWith('| A much-reported event'))!;
    expect(cells(row)[1]).toBe(`${docs.slice(0, 12).map((id) => `\`${id}\``).join('<br>')}<br>and 3 more`);
  });

  it('is byte-identical for the same input and carries no timestamp', () => {
    expect(formatMarkdown(report, context)).toBe(markdown);
    expect(markdown).not.toMatch(/\d{2}:\d{2}:\d{2}|generated (on|at)/i);
  });
});

describe('formatMarkdown escaping and edge cases', () => {
  const { report, context } = escapingFixture();
  const markdown = formatMarkdown(report, context);

  it('escapes pipes so table rows keep their columns', () => {
    const sideRows = markdown.split('\n').filter((line) => line.startsWith('| `wire-en`, 2024-11-08'));
    expect(sideRows.length).toBeGreaterThan(0);
    for (const row of sideRows) expect(cells(row)).toHaveLength(5);
    expect(markdown).toContain('"**phase 2 \\| phase 3**" & more.');
    expect(markdown).toContain('Rule `count \\| number`');
  });

  it('does not let article text open HTML tags', () => {
    expect(markdown).not.toMatch(/(?<!\\)<script>/);
    expect(markdown).toContain('\\<script>alert("x")\\</script>');
  });

  it('lists the files that could not be read', () => {
    expect(section(markdown, 'Problems')).toContain('- `inbox/broken <1>.html:3`: Unclosed tag "\\<p>" & invalid UTF-8');
  });

  it('still bolds the value when the document text is missing', () => {
    expect(markdown).toContain('| `missing-doc` | 3 | hedged | 1:1 | Il y aurait **3** \\<phases> & plus. |');
  });

  it('links articles relative to the output directory, URL-encoded', () => {
    expect(markdown).toContain('[3:57](../inbox/wire%20en.txt#L3)');
  });

  it('says so when there is nothing to report', () => {
    const empty = Report.parse({
      tool: { name: 'crosscheck', version: '0.1.0' },
      documents: [],
      findings: [],
      corroborated: [],
      summary: { documents: 0, error: 0, warning: 0, info: 0, corroborated: 0 },
    });
    const output = formatMarkdown(empty, { documents: new Map() });
    expect(output).toContain('No discrepancies found.');
    expect(output).not.toContain('## Problems');
  });
});
