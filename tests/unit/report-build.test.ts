import { describe, expect, it } from 'vitest';
import type { Document } from '../../src/model/document.js';
import { keptCorroboration, MAX_CORROBORATION_SIDES, type CorroborationDraft } from '../../src/model/finding.js';
import { checkCorpus, KeptDocument } from '../../src/pipeline.js';
import { buildReport } from '../../src/report/build.js';
import type { Rule } from '../../src/rules/types.js';
import { formatJunit } from '../../src/report/junit.js';
import { formatMarkdown } from '../../src/report/markdown.js';

function doc(id: string): Document {
  return { id, path: `${id}.txt`, text: `Line one.\nThe fund holds 12 billion.\n`, bodyStart: 0, lang: 'en', langHow: 'declared', published: null, meta: {} };
}

describe('buildReport: corroborations', () => {
  const ids = Array.from({ length: MAX_CORROBORATION_SIDES + 5 }, (_, i) => `d${String(i).padStart(2, '0')}`);
  const agreed: CorroborationDraft = {
    ruleId: 'generic/values',
    fact: 'size of the fund',
    value: '12',
    sides: ids.map((id) => ({ doc: id, values: ['12'], modality: 'held' as const, span: [25, 27] as [number, number], sentence: [10, 36] as [number, number] })),
  };
  const build = (corroborated: CorroborationDraft[]) =>
    buildReport({ documents: ids.map(doc), sentences: new Map(), findings: [], corroborated, events: [], problems: [], version: 'test' });
  const report = build([agreed]);

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

describe('keptCorroboration: an agreed fact as a run keeps it until the report', () => {
  const ids = Array.from({ length: MAX_CORROBORATION_SIDES + 8 }, (_, i) => `d${String(i).padStart(2, '0')}`);
  const side = (id: string) => ({ doc: id, values: ['12'], modality: 'held' as const, span: [25, 27] as [number, number], sentence: [10, 36] as [number, number] });
  const agreed: CorroborationDraft = { ruleId: 'generic/values', fact: 'size of the fund', value: '12', sides: ids.map(side) };
  const build = (corroborated: CorroborationDraft[]) =>
    buildReport({ documents: ids.map(doc), sentences: new Map(), findings: [], corroborated, events: [], problems: [], version: 'test' });

  it('keeps the sides the report quotes and the other documents by id, in order', () => {
    const kept = keptCorroboration(agreed);
    expect(kept.sides).toEqual(ids.slice(0, MAX_CORROBORATION_SIDES).map(side));
    expect(kept.moreDocs).toEqual(ids.slice(MAX_CORROBORATION_SIDES));
    // Kept twice, nothing is lost or listed twice.
    expect(keptCorroboration(kept)).toEqual(kept);
  });

  it('leaves a fact with few sources as it is', () => {
    const few = { ...agreed, sides: agreed.sides.slice(0, MAX_CORROBORATION_SIDES) };
    expect(keptCorroboration(few)).toBe(few);
  });

  it('gives the same report as the whole draft', () => {
    expect(build([keptCorroboration(agreed)])).toEqual(build([agreed]));
    expect(build([keptCorroboration(agreed)]).corroborated[0]!.moreDocs).toHaveLength(8);
  });

  it('is how checkCorpus keeps every rule’s agreed facts', () => {
    const rule = {
      meta: { id: 'test/agree', severity: 'info' },
      check: () => ({ findings: [], corroborated: [agreed] }),
    } as unknown as Rule;
    const results = ids.map((id) => ({ analysis: KeptDocument.of(doc(id), [[10, 36]]), claims: [], findings: [] }));
    const { corroborated } = checkCorpus(results, { lexicon: { } as never, rules: [rule] });
    expect(corroborated).toEqual([keptCorroboration(agreed)]);
    expect(corroborated[0]!.sides).toHaveLength(MAX_CORROBORATION_SIDES);
  });
});
