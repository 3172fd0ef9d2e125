import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../bench/generate.js';
import { check } from '../../src/check.js';
import { AUTO_SPILL_MIN_FILES, AUTO_SPILL_MIN_FILES_CACHED, clearSpill, makeSpillDir, memorySource, readSpillFile, removeSpill, shouldSpill, SPILL_SHARDS, spilledSource, SpillWriter, sweepStaleSpills } from '../../src/claims/store.js';
import type { Claim } from '../../src/model/claim.js';
import { analyzeArticles } from '../../src/parallel/analyze.js';
import { analyzeInProcess, oneThreadSpill } from '../../src/parallel/in-process.js';
import { AnalysisCache } from '../../src/cache/store.js';
import { checkCorpus } from '../../src/pipeline.js';
import { bundled, tempRootFolder } from '../helpers.js';

const configuration = bundled();

/** A generated corpus of `count` articles, analysed in this thread with the claims kept in memory. */
function analysedCorpus(count: number, seed: number) {
  const dir = mkdtempSync(join(tempRootFolder(), 'store-'));
  writeCorpus(dir, { count, seed });
  const files = readdirSync(join(dir, 'articles'))
    .map((name) => join(dir, 'articles', name))
    .sort();
  return { files, analysed: analyzeArticles(files, configuration) };
}

function claimsOf(ruleId: string, all: readonly Claim[]): Claim[] {
  return all.filter((claim) => claim.ruleId === ruleId);
}

describe('claims store: when to spill', () => {
  it('spills from AUTO_SPILL_MIN_FILES articles on with auto (AUTO_SPILL_MIN_FILES_CACHED with a cache), and always or never when told', () => {
    expect(shouldSpill(undefined, AUTO_SPILL_MIN_FILES - 1)).toBe(false);
    expect(shouldSpill('auto', AUTO_SPILL_MIN_FILES)).toBe(true);
    expect(AUTO_SPILL_MIN_FILES_CACHED).toBeLessThan(AUTO_SPILL_MIN_FILES);
    expect(shouldSpill('auto', AUTO_SPILL_MIN_FILES_CACHED - 1, true)).toBe(false);
    expect(shouldSpill('auto', AUTO_SPILL_MIN_FILES_CACHED, true)).toBe(true);
    expect(shouldSpill('auto', AUTO_SPILL_MIN_FILES_CACHED, false)).toBe(false);
    expect(shouldSpill('never', AUTO_SPILL_MIN_FILES, true)).toBe(false);
    expect(shouldSpill('always', 1)).toBe(true);
    expect(shouldSpill('never', 10 * AUTO_SPILL_MIN_FILES)).toBe(false);
  });
});

describe('claims store: failures', () => {
  it('turns a failed write into an error a person can act on, naming the folder', () => {
    const dir = makeSpillDir();
    removeSpill(dir); // as if the folder were cleaned up, or its disk gone, mid-run
    const claims = analysedCorpus(3, 5).analysed.results.flatMap((result) => result.claims);
    const writer = new SpillWriter(dir, 'main', configuration.rules);
    writer.write([0, 0], claims);
    let caught: unknown;
    try {
      writer.flush();
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ name: 'CrosscheckError', file: dir, code: 'usage' });
    expect((caught as Error).message).toMatch(/cannot keep claims on disk here: no such folder\. Set TMPDIR .* --spill never/);
  });
});

describe('claims store: folders left by stopped runs', () => {
  const host = hostname();
  const safe = host.replace(/[^A-Za-z0-9.-]/g, '_');

  it('names a run\'s folder after its host and process, and a later run removes those of processes gone', () => {
    const parent = mkdtempSync(join(tempRootFolder(), 'sweep-'));
    const stale = `crosscheck-claims-${safe}-999001-aB3dE9`;
    const live = `crosscheck-claims-${safe}-999002-xY7zQ1`;
    const otherHost = `crosscheck-claims-${safe}x-999003-Qw3rT5`;
    const unrelated = 'crosscheck-claims-Tq4Rp1';
    for (const name of [stale, live, otherHost, unrelated]) mkdirSync(join(parent, name));
    writeFileSync(join(parent, stale, 'r0-s1-main.jsonl'), '[0,0,"a","en",[]]\n');
    const removed = sweepStaleSpills(parent, host, (pid) => pid === 999002);
    expect(removed).toEqual([stale]);
    expect(readdirSync(parent).sort()).toEqual([live, otherHost, unrelated].sort());

    const previous = process.env.TMPDIR;
    process.env.TMPDIR = parent;
    try {
      const own = makeSpillDir();
      expect(basename(own)).toMatch(new RegExp(`^crosscheck-claims-${safe.replace(/\./g, '\\.')}-${process.pid}-[A-Za-z0-9]{6}$`));
      // This process is alive: the next run's sweep leaves its folder; the really dead ones go.
      expect(sweepStaleSpills(parent)).not.toContain(basename(own));
      expect(existsSync(own)).toBe(true);
      removeSpill(own);
    } finally {
      if (previous === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = previous;
    }
  });

  it('finds the process id after a host name that ends in digits', () => {
    const parent = mkdtempSync(join(tempRootFolder(), 'sweep-'));
    mkdirSync(join(parent, 'crosscheck-claims-node-12-4242-abcDEF'));
    const asked: number[] = [];
    sweepStaleSpills(parent, 'node-12', (pid) => (asked.push(pid), true));
    expect(asked).toEqual([4242]);
  });

  it('treats a real process that has exited as gone, and this one as alive', () => {
    const parent = mkdtempSync(join(tempRootFolder(), 'sweep-'));
    const child = spawnSync(process.execPath, ['-e', '0']);
    expect(child.status).toBe(0);
    const dead = `crosscheck-claims-${safe}-${child.pid}-dEaD01`;
    const parentProcess = `crosscheck-claims-${safe}-${process.ppid}-aLiVe1`;
    mkdirSync(join(parent, dead));
    mkdirSync(join(parent, parentProcess));
    expect(sweepStaleSpills(parent)).toEqual([dead]);
    expect(readdirSync(parent)).toEqual([parentProcess]);
  });
});

describe('claims store: spill files read in pieces', () => {
  const lines = ['[0,0,"a","en",[]]', '[0,1,"ü€ 𝄞 long line ' + 'x'.repeat(40) + '"]', '', '[0,2,"b"]'];

  function piecesOf(text: string, pieceBytes: number): string[] {
    const path = join(mkdtempSync(join(tempRootFolder(), 'pieces-')), 'r0-s0-main.jsonl');
    writeFileSync(path, text);
    return readSpillFile(path, pieceBytes).map((piece) => piece.toString('utf8'));
  }

  it('cuts pieces after a newline only, so no line (or character) is split, and loses no byte', () => {
    const text = `${lines.join('\n')}\n`;
    for (const size of [1, 5, 17, 30, 64, 1 << 20]) {
      const pieces = piecesOf(text, size);
      expect(pieces.join('')).toBe(text);
      for (const piece of pieces) expect(piece.endsWith('\n')).toBe(true);
      // Every line whole in one piece, even one longer than a piece.
      for (const line of lines.filter((l) => l !== '')) expect(pieces.filter((piece) => piece.split('\n').includes(line))).toHaveLength(1);
      if (size === 1) expect(pieces.length).toBeGreaterThan(1);
    }
  });

  it('keeps a last line without a newline, and reads an empty file as no piece', () => {
    expect(piecesOf('[0,0]\n[0,1]', 4).join('')).toBe('[0,0]\n[0,1]');
    expect(piecesOf('', 4)).toEqual([]);
  });
});

describe('claims store: written by threads, read back in document order', () => {
  let corpus: ReturnType<typeof analysedCorpus>;
  beforeAll(() => {
    corpus = analysedCorpus(120, 11);
  });

  it('gives back every claim of a rule, equal to the original, in document order whatever order threads wrote in', () => {
    const dir = makeSpillDir();
    try {
      const { results } = corpus.analysed;
      // Two "threads" write interleaved batches of 10 articles, the later batches first.
      const writers = [new SpillWriter(dir, 'a', configuration.rules), new SpillWriter(dir, 'b', configuration.rules)];
      const batches = Math.ceil(results.length / 10);
      for (let batch = batches - 1; batch >= 0; batch--) {
        const writer = writers[batch % 2]!;
        results.slice(batch * 10, batch * 10 + 10).forEach((result, index) => writer.write([batch, index], result.claims));
        writer.flush();
      }
      const all = results.flatMap((result) => result.claims);
      let compared = 0;
      for (const rule of configuration.rules) {
        const source = spilledSource(dir, configuration.rules, rule);
        const shards = [...source.shards()];
        const expected = claimsOf(rule.meta.id, all);
        // Per-article summaries, in document order, as memory makes them.
        const summaries = [...source.summaries()];
        expect(summaries).toEqual([...memorySource(expected, rule.summarize?.bind(rule)).summaries()]);
        if (rule.summarize) expect(summaries.length).toBeGreaterThan(100);
        if (rule.blockOf && rule.checkBlocks) {
          expect(shards.length).toBeLessThanOrEqual(SPILL_SHARDS);
          // A block is whole in one shard; each shard keeps document order.
          const blocksIn = new Map<string, number>();
          shards.forEach((shard, s) => {
            for (const claim of shard) {
              const key = rule.blockOf!(claim);
              expect(blocksIn.get(key) ?? s).toBe(s);
              blocksIn.set(key, s);
            }
            const docs = shard.map((claim) => claim.doc);
            expect(docs).toEqual([...docs].sort());
          });
          const sortedById = (claims: Claim[]) => [...claims].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
          expect(sortedById(shards.flat())).toEqual(sortedById(expected));
        } else {
          expect(shards.length).toBeLessThanOrEqual(1);
          expect(shards.flat()).toEqual(expected);
        }
        compared += expected.length;
      }
      expect(compared).toBe(all.length);
      expect(compared).toBeGreaterThan(1000);
    } finally {
      removeSpill(dir);
    }
    expect(existsSync(dir)).toBe(false);
  });

  it('keeps what packing leaves out: an id of another form, a claim naming another document, non-default fields', () => {
    const dir = makeSpillDir();
    try {
      const rule = configuration.rules.find((r) => !r.blockOf && r.check)!;
      const base = corpus.analysed.results.flatMap((result) => result.claims).find((claim) => claim.ruleId === rule.meta.id)!;
      const odd: Claim[] = [
        { ...base, id: 'custom-id', exhaustive: true, count: 0, agents: base.places.length ? base.places : [{ text: 'X', span: [0, 1], canonical: 'X', key: 'x', within: [] }] },
        // A value with fields beyond the four every value has, and a trigger that is not the first value.
        { ...base, id: `${base.doc}#${rule.meta.id}#6`, values: [{ ...base.values[0]!, number: 0, unit: 'u' }], trigger: { text: 'x', span: [0, 1] } },
        { ...base, id: `${base.doc}#${rule.meta.id}#7`, doc: 'elsewhere', lang: base.lang === 'fr' ? 'en' : 'fr', keyParts: { role: 'r' } },
        // A field of its own (a TypeScript rule may add one) comes back after the schema's fields.
        { ...base, id: `${base.doc}#${rule.meta.id}#8`, note: 'kept' } as Claim,
      ];
      const writer = new SpillWriter(dir, 'main', configuration.rules);
      writer.write([0, 0], odd);
      writer.flush();
      const read = [...spilledSource(dir, configuration.rules, rule).shards()].flat();
      expect(read).toEqual(odd);
      expect(Object.keys(read[3]!).at(-1)).toBe('note');
      clearSpill(dir);
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      removeSpill(dir);
    }
  });

  it('gives each rule the same corpus result from spilled shards as from memory', () => {
    const dir = makeSpillDir();
    try {
      const { results } = corpus.analysed;
      const writer = new SpillWriter(dir, 'main', configuration.rules);
      results.forEach((result, index) => writer.write([0, index], result.claims));
      writer.flush();
      const emptied = results.map((result) => ({ ...result, claims: [] }));
      const fromDisk = checkCorpus(emptied, configuration, (rule) => spilledSource(dir, configuration.rules, rule));
      const fromMemory = checkCorpus(results, configuration);
      expect(fromDisk).toEqual(fromMemory);
      expect(fromMemory.findings.length).toBeGreaterThan(0);
      expect(fromMemory.corroborated.length).toBeGreaterThan(0);
      // One in-memory shard: the values rule's `check` and `checkBlocks` agree too.
      const values = configuration.rules.find((rule) => rule.checkBlocks)!;
      const claims = claimsOf(values.meta.id, results.flatMap((result) => result.claims));
      const analyses = new Map(results.map((result) => [result.analysis.doc.id, result.analysis]));
      const ctx = { lexicon: configuration.lexicon };
      expect(values.check!(claims, analyses, ctx)).toEqual(values.checkBlocks!(memorySource(claims, values.summarize), analyses, ctx));
    } finally {
      removeSpill(dir);
    }
  });

  it('writes the same bytes from an analysis cache, cold or warm, as without one', () => {
    const spillOf = (cache?: AnalysisCache): Map<string, string> => {
      const dir = makeSpillDir();
      try {
        analyzeInProcess(corpus.files, configuration, { cache, spill: oneThreadSpill(dir, configuration.rules) });
        return new Map(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
      } finally {
        removeSpill(dir);
      }
    };
    const cacheDir = join(mkdtempSync(join(tempRootFolder(), 'crosscheck-spill-cache-')), 'cache');
    const plain = spillOf();
    const cold = new AnalysisCache(cacheDir);
    const warm = new AnalysisCache(cacheDir);
    expect(spillOf(cold)).toEqual(plain);
    expect(spillOf(warm)).toEqual(plain);
    expect([cold.stats.analysed, warm.stats.fromCache]).toEqual([corpus.files.length, corpus.files.length]);
    expect([...plain.keys()].filter((name) => name.includes('-sum-')).length).toBeGreaterThan(0);
    expect(plain.size).toBeGreaterThan(10);
  });

  it('makes check() give the same report with the claims on disk', () => {
    const kept = check(corpus.files, { spill: 'never', inlineSuppressions: true }, configuration);
    const spilled = check(corpus.files, { spill: 'always', inlineSuppressions: true }, configuration);
    expect(JSON.stringify(spilled.report)).toBe(JSON.stringify(kept.report));
    expect(spilled.report.findings.length).toBeGreaterThan(0);
  });
});
