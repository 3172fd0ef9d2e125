import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/generate.js';
import { check } from '../../src/check.js';
import { batchSize, cutBatches } from '../../src/parallel/batches.js';
import { resolveJobs } from '../../src/parallel/analyze.js';
import { bundled, tempFolder } from '../helpers.js';

describe('parallel: batches of files', () => {
  it('cuts the sorted files into contiguous batches that cover them once', () => {
    const files = Array.from({ length: 23 }, (_, i) => `a/${String(i).padStart(2, '0')}.txt`);
    const batches = cutBatches(files, 5);
    expect(batches.map((b) => b.end - b.start)).toEqual([5, 5, 5, 5, 3]);
    expect(batches.flatMap((b) => files.slice(b.start, b.end))).toEqual(files);
  });

  it('keeps files that give one document id in one batch, so the duplicate is reported as in one thread', () => {
    const files = ['a/x.txt', 'a/y.txt', 'b/c.txt', 'b/d.txt', 'b/x.md', 'b/z.txt'];
    const batches = cutBatches(files, 2);
    const batchOf = (file: string) => batches.findIndex((b) => files.indexOf(file) >= b.start && files.indexOf(file) < b.end);
    expect(batchOf('a/x.txt')).toBe(batchOf('b/x.md'));
    expect(batches.flatMap((b) => files.slice(b.start, b.end))).toEqual(files);
  });

  it('makes batches smaller towards the end with several threads, so that they finish together', () => {
    const files = Array.from({ length: 10_000 }, (_, i) => `a/${String(i).padStart(5, '0')}.txt`);
    const sizes = cutBatches(files, batchSize(files.length, 2), 2).map((b) => b.end - b.start);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(files.length);
    expect(sizes.slice(0, 40).every((size) => size === 200)).toBe(true);
    // Never larger than an eighth of what is left (4 × 2 threads), down to 4 files.
    let left = files.length;
    for (const size of sizes) {
      expect(size).toBeLessThanOrEqual(Math.max(4, Math.ceil(left / 8)));
      left -= size;
    }
    expect(sizes.slice(-5)).toEqual([4, 4, 4, 4, 2]);
    // Without threads given, every batch but the last has the size asked.
    expect(new Set(cutBatches(files, 200).map((b) => b.end - b.start))).toEqual(new Set([200]));
  });

  it('sizes batches for balance: small corpora in small batches, at most 200 files each', () => {
    expect(batchSize(100, 2)).toBe(4);
    expect(batchSize(10_000, 2)).toBe(200);
  });
});

describe('parallel: how many threads', () => {
  const configuration = bundled();

  it('stays in one thread unless asked, for one file, or without the sources workers load rules from', () => {
    expect(resolveJobs(undefined, 1000, configuration)).toBe(1);
    expect(resolveJobs(4, 1, configuration)).toBe(1);
    expect(resolveJobs(4, 1000, { ...configuration, sources: undefined })).toBe(1);
    expect(resolveJobs(3, 1000, configuration)).toBe(3);
  });

  it('uses threads with auto only from a few thousand articles', () => {
    expect(resolveJobs('auto', 1000, configuration)).toBe(1);
    expect(resolveJobs('auto', 20_000, configuration)).toBeGreaterThanOrEqual(1);
  });
});

describe('parallel: check() with worker threads, from the library', () => {
  it('returns the same report as one thread, and tells each stage how long it took', () => {
    const { files } = generateCorpus({ count: 40, seed: 5 });
    const dir = tempFolder(Object.fromEntries(files.map((f) => [f.name, f.text])));
    const stages = new Map<string, number>();
    const one = check([dir], { jobs: 1 }, bundled());
    const two = check([dir], { jobs: 2, onStage: (stage, ms) => stages.set(stage, (stages.get(stage) ?? 0) + ms) }, bundled());
    expect(JSON.stringify(two.report)).toBe(JSON.stringify(one.report));
    expect(two.documents.map((d) => [d.id, d.published?.value])).toEqual(one.documents.map((d) => [d.id, d.published?.value]));
    expect([...stages.keys()].sort()).toEqual(['align', 'claims', 'compare', 'extract', 'ingest', 'report', 'workers']);
  });
});
