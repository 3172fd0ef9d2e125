import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { AnalysisCache } from '../../src/cache/store.js';
import { parseDocumentText } from '../../src/ingest/read.js';
import { analyzeDocument } from '../../src/pipeline.js';
import { bundled, tempRootFolder } from '../helpers.js';

// Language detection, counted (the real one runs).
const detections = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/ingest/language.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/ingest/language.js')>();
  return {
    ...original,
    detectLanguage: (...args: Parameters<typeof original.detectLanguage>) => {
      detections.count += 1;
      return original.detectLanguage(...args);
    },
  };
});

const ARTICLE = 'Le ministre a annoncé mardi à Vienne que la huitième session de la commission se tiendra en 2021.';

describe('a run with a cache and articles whose language is detected', () => {
  const { lexicon } = bundled();
  const read = () => parseDocumentText(ARTICLE, 'articles/a.txt', { lexicon, deferLanguage: true });

  it('detects the language of an article it analyses, and never that of one served from an entry', () => {
    const dir = join(mkdtempSync(join(tempRootFolder(), 'crosscheck-cache-')), 'cache');
    const expected = analyzeDocument(parseDocumentText(ARTICLE, 'articles/a.txt', { lexicon }), bundled());
    expect(expected.analysis.doc.lang).toBe('fr');

    detections.count = 0;
    const cold = read();
    expect(new AnalysisCache(dir).analyze(cold, bundled())).toEqual(expected);
    expect(detections.count).toBe(1);
    expect(cold.lang).toBe('fr');

    detections.count = 0;
    const warm = read();
    const cache = new AnalysisCache(dir);
    expect(cache.analyze(warm, bundled())).toEqual(expected);
    expect(cache.stats).toMatchObject({ analysed: 0, fromCache: 1 });
    expect(warm.lang).toBe('fr'); // the entry's
    expect(detections.count).toBe(0);
  });
});
