import { describe, expect, it } from 'vitest';
import type { Document } from '../../src/model/document.js';
import { buildReport, MAX_CORROBORATION_SIDES } from '../../src/report/build.js';
import { formatJunit } from '../../src/report/junit.js';
import { formatMarkdown } from '../../src/report/markdown.js';

function doc(id: string): Document {
  return { id, path: `${id}.txt`, text: `Line one.\nThe fund holds 12 billion.\n`, bodyStart: 0, lang: 'en', langHow: 'declared', published: null, meta: {} };
}

describe('buildReport: corroborations', () => {
  const ids = Array.from({ length: MAX_CORROBORATION_SIDES + 5 }, (_, i) => `d${String(i).padStart(2, '0')}`);
  const report = buildReport({
    documents: ids.map(doc),
    sentences: new Map(),
    findings: [],
    corroborated: [
      {
        ruleId: 'generic/values',
        fact: 'size of the fund',
        value: '12',
        sides: ids.map((id) => ({ doc: id, values: ['12'], modality: 'held' as const, span: [25, 27] as [number, number], sentence: [10, 36] as [number, number] })),
      },
    ],
    events: [],
    problems: [],
    version: 'test',
  });

  it('quotes the first sources and lists the others by id, so a fact an archive repeats stays readable', () => {
    const [fact] = report.corroborated;
    expect(fact!.sides.map((side) => side.doc)).toEqual(ids.slice(0, MAX_CORROBORATION_SIDES));
    expect(fact!.sides[0]).toMatchObject({ line: 2, column: 16, quote: 'The fund holds 12 billion.' });
    expect(fact!.moreDocs).toEqual(ids.slice(MAX_CORROBORATION_SIDES));
  });

  it('says how many more sources agree in Markdown and JUnit', () => {
    const context = { documents: new Map(ids.map((id) => [id, { path: `${id}.txt`, text: doc(id).text }])) };
    expect(formatMarkdown(report, context)).toContain(', and 5 more');
    expect(formatJunit(report, context)).toContain('- and 5 more');
  });
});
