import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/extract/index.js';
import { parseDocumentText } from '../../src/ingest/read.js';
import { analyzeDocument, KeptDocument, triggersOf, type KeptDocumentData } from '../../src/pipeline.js';
import { bundled } from '../helpers.js';

const SEED = resolve(import.meta.dirname, '..', '..', 'seeds', '000_343562392b76022e.txt');

function seedAnalysis() {
  const { lexicon, rules } = bundled();
  const doc = parseDocumentText(readFileSync(SEED, 'utf8'), SEED, { lexicon });
  const extraction = extractDocument(doc, { lexicon, triggers: triggersOf(rules) });
  return { doc, extraction, result: analyzeDocument(doc, { lexicon, rules }) };
}

describe('KeptDocument: an analysed document kept with its sentence bounds packed', () => {
  it('is what analyzeDocument keeps, one flat array of bounds giving back the sentences extraction found', () => {
    const { extraction, result } = seedAnalysis();
    expect(extraction.sentences.length).toBeGreaterThan(5);
    expect(result.analysis).toBeInstanceOf(KeptDocument);
    const kept = result.analysis as KeptDocument;
    expect(kept.bounds).toEqual(extraction.sentences.flat());
    expect(kept.sentences).toEqual(extraction.sentences);
    expect(kept.doc).toEqual(extraction.doc);
  });

  it('crosses a structured clone (worker threads) and JSON as plain {doc, bounds}, and revives to the same sentences', () => {
    const { extraction, result } = seedAnalysis();
    const kept = result.analysis as KeptDocument;
    const cloned = structuredClone(kept) as unknown as KeptDocumentData;
    expect(Object.keys(cloned).sort()).toEqual(['bounds', 'doc']);
    expect('sentences' in cloned).toBe(false);
    const revived = KeptDocument.revive(cloned);
    expect(revived).toBeInstanceOf(KeptDocument);
    expect(revived.sentences).toEqual(extraction.sentences);
    expect(KeptDocument.revive(JSON.parse(JSON.stringify(kept))).sentences).toEqual(extraction.sentences);
    expect(KeptDocument.revive(kept)).toBe(kept);
  });

  it('packs a document given with its sentences as spans (the cache\'s entries keep them so)', () => {
    const { extraction } = seedAnalysis();
    const packed = KeptDocument.of(extraction.doc, extraction.sentences);
    expect(packed.bounds).toHaveLength(extraction.sentences.length * 2);
    expect(packed.sentences).toEqual(extraction.sentences);
    expect(KeptDocument.of(extraction.doc, []).sentences).toEqual([]);
  });
});
