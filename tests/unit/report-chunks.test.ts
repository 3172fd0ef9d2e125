import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFilesAtomically } from '../../src/cli/output.js';
import { CrosscheckError } from '../../src/model/errors.js';
import { FORMATTERS } from '../../src/report/formatters.js';
import { formatHtml, htmlChunks } from '../../src/report/html.js';
import { formatJson, jsonChunks, prettyJsonChunks } from '../../src/report/json.js';
import { formatMarkdown, markdownChunks } from '../../src/report/markdown.js';
import { escapingFixture, generatedFixture, seedsFixture } from '../browser/report-fixtures.js';

const fixtures = { seeds: seedsFixture(), escaping: escapingFixture(), generated: generatedFixture(200) };

describe('reports in pieces', () => {
  it.each(Object.keys(fixtures))('JSON: the pieces of the %s report are JSON.stringify(report, null, 2), cut per field and list element', (name) => {
    const { report } = fixtures[name as keyof typeof fixtures];
    const pieces = [...jsonChunks(report)];
    expect(pieces.join('')).toBe(`${JSON.stringify(report, null, 2)}\n`);
    expect(formatJson(report, { documents: new Map() })).toBe(`${JSON.stringify(report, null, 2)}\n`);
    // Cut at least once per document and per finding: no piece holds a whole list.
    expect(pieces.length).toBeGreaterThan(report.documents.length + report.findings.length);
  });

  it('JSON: odd values are written as JSON.stringify writes them', () => {
    const odd = [
      {},
      [],
      { a: [] },
      { a: {}, b: [] },
      { a: undefined, b: () => 1, c: Symbol('s'), d: 1 },
      { list: [undefined, () => 1, null, 'x\ny', { deep: [1, [2, { e: 'é\u2028' }]] }] },
      { only: undefined },
      { date: new Date(0), nested: { toJSON: () => ['from', 'toJSON'] } },
      { toJSON: () => ({ replaced: [1, 2] }) },
      'text',
      42,
      null,
      [1, { a: 2 }],
    ];
    for (const value of odd) expect([...prettyJsonChunks(value)].join(''), JSON.stringify(value)).toBe(JSON.stringify(value, null, 2));
  });

  it.each(Object.keys(fixtures))('HTML: the %s page in pieces, one per document row and embedded article', (name) => {
    const { report, context } = fixtures[name as keyof typeof fixtures];
    const pieces = [...htmlChunks(report, context)];
    expect(pieces.join('')).toBe(formatHtml(report, context));
    const embedded = report.documents.filter((doc) => context.documents.has(doc.id)).length;
    expect(pieces.length).toBeGreaterThanOrEqual(report.documents.length + embedded);
    expect(pieces.filter((piece) => piece.startsWith('<details class="article"'))).toHaveLength(embedded);
  });

  it.each(Object.keys(fixtures))('Markdown: the %s report in pieces, one per row of the documents table', (name) => {
    const { report, context } = fixtures[name as keyof typeof fixtures];
    const pieces = [...markdownChunks(report, context)];
    expect(pieces.join('')).toBe(formatMarkdown(report, context));
    expect(pieces.filter((piece) => piece.startsWith('\n| `'))).toHaveLength(report.documents.length);
  });

  it('every file format is a string, or pieces whose text is that string', () => {
    const { report, context } = fixtures.seeds;
    let chunked = 0;
    for (const entry of Object.values(FORMATTERS)) {
      if (!('chunks' in entry)) continue;
      chunked++;
      expect([...entry.chunks(report, context)].join('')).toBe(entry.format(report, context));
    }
    expect(chunked).toBe(3);
  });
});

describe('writeFilesAtomically', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function* pieces(count: number, failAt = -1): Generator<string> {
    for (let i = 0; i < count; i++) {
      if (i === failAt) throw new RangeError(`piece ${i} cannot be made`);
      yield `piece ${i} é ${'x'.repeat(1000)}\n`;
    }
  }

  it('writes strings and pieces (gathered over many writes) as they are', () => {
    dir = mkdtempSync(join(tmpdir(), 'crosscheck-out-'));
    const written = writeFilesAtomically(dir, [
      { name: 'a.txt', content: 'plain ü' },
      { name: 'b.txt', content: pieces(3000) },
    ]);
    expect(written).toEqual([join(dir, 'a.txt'), join(dir, 'b.txt')]);
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('plain ü');
    expect(readFileSync(join(dir, 'b.txt'), 'utf8')).toBe([...pieces(3000)].join(''));
    expect(readdirSync(dir).sort()).toEqual(['a.txt', 'b.txt']);
  });

  it('replaces nothing when a file cannot be made whole: the earlier files stay, no temporary is left, the error is the cause', () => {
    dir = mkdtempSync(join(tmpdir(), 'crosscheck-out-'));
    writeFileSync(join(dir, 'a.txt'), 'old a');
    writeFileSync(join(dir, 'b.txt'), 'old b');
    expect(() =>
      writeFilesAtomically(dir, [
        { name: 'a.txt', content: 'new a' },
        { name: 'b.txt', content: pieces(3000, 2500) },
      ]),
    ).toThrow(/piece 2500 cannot be made/);
    expect(readdirSync(dir).sort()).toEqual(['a.txt', 'b.txt']);
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('old a');
    expect(readFileSync(join(dir, 'b.txt'), 'utf8')).toBe('old b');
  });

  it('names the target that is a folder, before replacing any file', () => {
    dir = mkdtempSync(join(tmpdir(), 'crosscheck-out-'));
    writeFileSync(join(dir, 'a.txt'), 'old a');
    mkdirSync(join(dir, 'b.txt'));
    let error: unknown;
    try {
      writeFilesAtomically(dir, [
        { name: 'a.txt', content: 'new a' },
        { name: 'b.txt', content: pieces(2) },
      ]);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CrosscheckError);
    expect(String((error as Error).message)).toBe('cannot write the report: a folder has its name');
    expect((error as CrosscheckError).file).toBe(join(dir, 'b.txt'));
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('old a');
    expect(readdirSync(dir).sort()).toEqual(['a.txt', 'b.txt']);
  });
});

it('says which folder when it cannot be made', () => {
  const base = mkdtempSync(join(tmpdir(), 'crosscheck-out-'));
  try {
    writeFileSync(join(base, 'file'), 'not a folder');
    expect(() => writeFilesAtomically(join(base, 'file', 'reports'), [{ name: 'a.txt', content: 'x' }])).toThrow(
      expect.objectContaining({ message: 'cannot create the output folder (ENOTDIR)', file: join(base, 'file', 'reports') }),
    );
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
});

describe('an archive-sized report for people', () => {
  // The seeds report plus 1,200 documents no finding cites: past LARGE_REPORT_DOCUMENTS.
  const { report: seeds, context: seedsContext } = seedsFixture();
  const extra = Array.from({ length: 1200 }, (_, i) => ({ ...seeds.documents[0]!, id: `archive-${i}`, path: `archive/${i}.md`, title: `Archive ${i}` }));
  const report = { ...seeds, documents: [...seeds.documents, ...extra] };
  const documents = new Map([...seedsContext.documents, ...extra.map((doc) => [doc.id, { path: doc.path, text: `Archive text ${doc.id}` }] as const)]);
  const context = { ...seedsContext, documents };
  const cited = new Set(seeds.findings.flatMap((finding) => finding.sides.map((side) => side.doc)));
  const omitted = report.documents.length - cited.size;

  it('HTML lists and embeds only the documents a finding cites, and says how many it leaves out', () => {
    const html = formatHtml(report, context);
    expect(html).not.toContain('archive/7.md');
    expect(html).not.toContain('Archive text');
    for (const id of cited) expect(html).toContain(`id="doc-${id}"`);
    expect(html).toContain(`${omitted.toLocaleString('en-US')} other documents read are not listed: no finding cites them (the JSON report lists every one).`);
    expect(html).toContain(`<span class="tile-count">${report.documents.length}</span> <span class="tile-label">documents read</span>`);
    expect(html).toContain('This page works offline: the articles its findings cite are embedded and nothing is fetched.');
    expect([...htmlChunks(report, context)].join('')).toBe(html);
  });

  it('Markdown lists only the documents a finding cites, and says how many it leaves out', () => {
    const markdown = formatMarkdown(report, context);
    expect(markdown).not.toContain('archive/7.md');
    expect(markdown).toContain(`- **Documents read:** ${report.documents.length}`);
    expect(markdown).toContain(`${omitted.toLocaleString('en-US')} other documents read are not listed`);
    expect(markdown.match(/^\| `/gm)?.length ?? 0).toBeGreaterThanOrEqual(cited.size);
  });

  it('JSON lists every document', () => {
    expect(JSON.parse(formatJson(report, context)).documents).toHaveLength(report.documents.length);
  });
});
