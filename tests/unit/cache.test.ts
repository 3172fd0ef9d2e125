import { tempRootFolder } from '../helpers.js';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, loadConfiguration, type Configuration } from '../../src/check.js';
import { CACHE_FORMAT, configurationKey, documentKey } from '../../src/cache/key.js';
import { AnalysisCache, KEPT_CONFIGURATIONS } from '../../src/cache/store.js';
import { prepareClaims, rulesById, unprepareClaims } from '../../src/claims/store.js';
import type { Claim } from '../../src/model/claim.js';
import { parseDocumentText } from '../../src/ingest/read.js';
import { analyzeDocument } from '../../src/pipeline.js';
import { formatJson } from '../../src/report/json.js';
import { bundled, tempFolder } from '../helpers.js';

const SEEDS = resolve(import.meta.dirname, '..', '..', 'seeds');
const cacheDir = () => join(mkdtempSync(join(tempRootFolder(), 'crosscheck-cache-')), 'cache');

const ARTICLE = ' date 2024-06-01 La présidente Ewa Nowak a salué les liens avec le Portugal. En 2015 et 2021, la présidente a effectué deux visites officielles à Lisbonne.';

function docOf(text: string, path = 'articles/a.txt', lang?: 'fr' | 'en') {
  return parseDocumentText(text, path, { lexicon: bundled().lexicon, lang });
}

/** Every entry file under a cache folder. */
function entries(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.json'))
    .map((name) => join(dir, name));
}

describe('AnalysisCache', () => {
  it('analyses an article once, then serves exactly what analyzeDocument returns', () => {
    const cache = new AnalysisCache(cacheDir());
    const doc = docOf(ARTICLE);
    const fresh = analyzeDocument(doc, bundled());
    expect(cache.analyze(doc, bundled())).toEqual(fresh);
    expect(cache.analyze(doc, bundled())).toEqual(fresh);
    expect(cache.stats).toEqual({ analysed: 1, fromCache: 1, discarded: 0, writeFailures: 0, removedConfigurations: 0 });
    // A second process (a new cache object on the same folder) reads the entry from disk.
    const again = new AnalysisCache(cache.dir);
    expect(again.analyze(doc, bundled())).toEqual(fresh);
    expect(again.stats).toMatchObject({ analysed: 0, fromCache: 1 });
  });

  it('keeps itself out of Git', () => {
    const cache = new AnalysisCache(cacheDir());
    cache.analyze(docOf(ARTICLE), bundled());
    expect(readFileSync(join(cache.dir, '.gitignore'), 'utf8')).toMatch(/^\*$/m);
  });

  it('gives check() byte-identical reports without a cache, with a cold one and with a warm one', () => {
    const configuration = bundled();
    const plain = formatJson(check([SEEDS], {}, configuration).report, { documents: new Map() });
    const dir = cacheDir();
    const cold = new AnalysisCache(dir);
    const warm = new AnalysisCache(dir);
    expect(formatJson(check([SEEDS], { cache: cold }, configuration).report, { documents: new Map() })).toBe(plain);
    expect(formatJson(check([SEEDS], { cache: warm }, configuration).report, { documents: new Map() })).toBe(plain);
    expect([cold.stats.analysed, cold.stats.fromCache]).toEqual([5, 0]);
    expect([warm.stats.analysed, warm.stats.fromCache]).toEqual([0, 5]);
  });

  it('re-analyses only the article that changed', () => {
    const folder = mkdtempSync(join(tempRootFolder(), 'crosscheck-cache-corpus-'));
    cpSync(SEEDS, folder, { recursive: true });
    const dir = cacheDir();
    check([folder], { cache: new AnalysisCache(dir) }, bundled());
    const file = join(folder, readdirSync(folder).sort()[2]!);
    writeFileSync(file, readFileSync(file, 'utf8').replace('2016', '2017'));
    const second = new AnalysisCache(dir);
    const cachedRun = check([folder], { cache: second }, bundled());
    expect([second.stats.analysed, second.stats.fromCache]).toEqual([1, 4]);
    expect(formatJson(cachedRun.report, { documents: new Map() })).toBe(formatJson(check([folder], {}, bundled()).report, { documents: new Map() }));
  });
});

describe('cache entries', () => {
  it('keep the claims as the spill’s lines hold them and leave the article text out (the key covers it)', () => {
    const dir = cacheDir();
    const doc = docOf(ARTICLE);
    const fresh = new AnalysisCache(dir).analyze(doc, bundled());
    const [entry] = entries(dir);
    const [, first, ...claimLines] = readFileSync(entry!, 'utf8').split('\n');
    const body = JSON.parse(first!) as { analysis: { doc: { text: string } }; groups: Array<[string, number, string?]>; summaries: string[] };
    expect(body.analysis.doc.text).toBe('');
    // A line per rule and shard (packed against the article: no document named), then a line per summary.
    const prepared = prepareClaims(fresh.claims, rulesById(bundled().rules));
    expect(body.groups).toEqual(prepared.groups.map((group) => [group.ruleId, group.shard]));
    expect(claimLines).toEqual([...prepared.groups.map((group) => group.packed), ...prepared.summaries.map((summary) => summary.json)]);
    expect(body.summaries.length).toBeGreaterThan(0);
    expect(readFileSync(entry!, 'utf8').length).toBeLessThan(JSON.stringify(fresh).length);
    // Read back, the document is the analysed one with the article's text in its place (fields JSON keeps, in order).
    const served = new AnalysisCache(dir).analyze(doc, bundled());
    expect(Object.keys(served.analysis.doc)).toEqual(Object.keys(JSON.parse(JSON.stringify(fresh.analysis.doc)) as object));
    expect(served.analysis.doc.text).toBe(doc.text);
  });

  it('give back claims of interleaved rules in their order, with fields of their own', () => {
    const base = analyzeDocument(docOf(ARTICLE), bundled()).claims;
    const [a, b] = [base[0]!, base.find((claim) => claim.ruleId !== base[0]!.ruleId)!];
    const claims: Claim[] = [a, b, { ...a, id: `${a.doc}#${a.ruleId}#x`, note: 'kept' } as Claim, { ...b, doc: 'elsewhere' }];
    const prepared = prepareClaims(claims, rulesById(bundled().rules));
    expect(prepared.runs.map(([group]) => prepared.groups[group]!.ruleId)).toEqual([a.ruleId, b.ruleId, a.ruleId, b.ruleId]);
    expect(unprepareClaims(JSON.parse(JSON.stringify(prepared)))).toEqual(claims);
  });

  it('are served to a run that spills as the spill’s lines, claims never unpacked', () => {
    const dir = cacheDir();
    const doc = docOf(ARTICLE);
    const cold = new AnalysisCache(dir).analyze(doc, bundled(), { prepared: true });
    const expected = prepareClaims(cold.claims, rulesById(bundled().rules));
    expect(cold.prepared).toEqual(expected);
    const warm = new AnalysisCache(dir);
    const served = warm.analyze(doc, bundled(), { prepared: true });
    expect(warm.stats).toMatchObject({ analysed: 0, fromCache: 1 });
    expect(served.claims).toEqual([]);
    expect(served.prepared).toEqual(expected);
    expect({ ...served, claims: unprepareClaims(served.prepared!), prepared: undefined }).toEqual({ ...cold, prepared: undefined });
  });
  it('are written after removing those of older cache formats, which no run reads again', async () => {
    const dir = cacheDir();
    const older = join(dir, `v${CACHE_FORMAT - 1}`, 'ab');
    const newer = join(dir, `v${CACHE_FORMAT + 1}`, 'ab');
    for (const folder of [older, newer]) {
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, 'entry.json'), '{}');
    }
    const cache = new AnalysisCache(dir);
    cache.analyze(docOf(ARTICLE), bundled());
    expect(existsSync(join(dir, `v${CACHE_FORMAT - 1}`))).toBe(false);
    expect(existsSync(join(newer, 'entry.json'))).toBe(true); // a newer Crosscheck's entries are its own
    expect(entries(join(dir, `v${CACHE_FORMAT}`))).toHaveLength(1);
    // Moved to the trash at once, deleted there by a thread of its own.
    await cache.settled();
    expect(readdirSync(join(dir, 'trash'))).toEqual([]);
  });
});

describe('entries of configurations no run uses any more', () => {
  const HOUR = 3_600_000;

  /** A configuration folder as another run left it: one entry, and a mark saying when it was used (none: no mark). */
  function otherConfiguration(dir: string, name: string, usedAgo: number | 'no mark', changedAgo = 0): string {
    const folder = join(dir, `v${CACHE_FORMAT}`, name);
    mkdirSync(join(folder, 'ab'), { recursive: true });
    writeFileSync(join(folder, 'ab', 'entry.json'), '{}');
    if (usedAgo !== 'no mark') writeFileSync(join(folder, 'last-used'), `${Date.now() - usedAgo}\n`);
    const changed = (Date.now() - changedAgo) / 1000;
    utimesSync(folder, changed, changed);
    return folder;
  }

  it(`are removed beyond the ${KEPT_CONFIGURATIONS} most recently used, the run's own included`, async () => {
    expect(KEPT_CONFIGURATIONS).toBe(3);
    const dir = cacheDir();
    const recent = otherConfiguration(dir, 'recent', 1 * HOUR);
    const older = otherConfiguration(dir, 'older', 2 * HOUR);
    const oldest = otherConfiguration(dir, 'oldest', 3 * HOUR);
    const unmarked = otherConfiguration(dir, 'unmarked', 'no mark', 4 * HOUR);
    const before = Date.now();
    const cache = new AnalysisCache(dir);
    const doc = docOf(ARTICLE);
    cache.analyze(doc, bundled());
    const own = cache.configurationDir(configurationKey(bundled())!);
    expect([recent, older, oldest, unmarked].map((folder) => existsSync(folder))).toEqual([true, true, false, false]);
    expect(cache.stats.removedConfigurations).toBe(2);
    expect(existsSync(cache.entryPath(configurationKey(bundled())!, documentKey(configurationKey(bundled())!, doc)))).toBe(true);
    // The run's own folder is marked with the time it was used.
    const marked = Number(readFileSync(join(own, 'last-used'), 'utf8'));
    expect(marked).toBeGreaterThanOrEqual(before);
    expect(marked).toBeLessThanOrEqual(Date.now());
    // The removed folders went to the trash at once (the run did not wait for their deletion), and are deleted from there.
    await cache.settled();
    expect(readdirSync(join(dir, 'trash'))).toEqual([]);
    expect(entries(dir).map((path) => relative(dir, path)).sort()).toEqual([`v${CACHE_FORMAT}/older/ab/entry.json`, `v${CACHE_FORMAT}/recent/ab/entry.json`, relative(dir, cache.entryPath(configurationKey(bundled())!, documentKey(configurationKey(bundled())!, doc)))].sort());
  });

  it('what an interrupted run left in the trash goes with the next run that removes folders', async () => {
    const dir = cacheDir();
    const leftover = join(dir, 'trash', 'leftover-1234-1', 'ab');
    mkdirSync(leftover, { recursive: true });
    writeFileSync(join(leftover, 'entry.json'), '{}');
    const worker = new AnalysisCache(dir, { evict: false });
    worker.analyze(docOf(ARTICLE), bundled());
    await worker.settled();
    expect(existsSync(leftover)).toBe(true); // a worker thread's cache leaves it to the main thread's
    const cache = new AnalysisCache(dir);
    cache.analyze(docOf(ARTICLE), bundled());
    await cache.settled();
    expect(readdirSync(join(dir, 'trash'))).toEqual([]);
  });

  it('a folder without a mark counts as used when it last changed: one another run has just made stays', () => {
    const dir = cacheDir();
    const justMade = otherConfiguration(dir, 'just-made', 'no mark', 0);
    const old = [1, 2, 3].map((hours) => otherConfiguration(dir, `old-${hours}`, hours * HOUR));
    new AnalysisCache(dir).analyze(docOf(ARTICLE), bundled());
    expect([justMade, ...old].map((folder) => existsSync(folder))).toEqual([true, true, false, false]);
  });

  it('a run that only reads (every entry warm) marks its folder too, and still removes stale ones', () => {
    const dir = cacheDir();
    const doc = docOf(ARTICLE);
    new AnalysisCache(dir).analyze(doc, bundled());
    const stale = [1, 2, 3].map((hours) => otherConfiguration(dir, `stale-${hours}`, hours * HOUR));
    const warm = new AnalysisCache(dir);
    warm.analyze(doc, bundled());
    expect(warm.stats).toMatchObject({ analysed: 0, fromCache: 1, removedConfigurations: 1 });
    expect(stale.map((folder) => existsSync(folder))).toEqual([true, true, false]);
  });

  it('are left alone by a cache made with evict: false (a worker thread), which still marks its own', () => {
    const dir = cacheDir();
    const stale = [1, 2, 3].map((hours) => otherConfiguration(dir, `stale-${hours}`, hours * HOUR));
    const worker = new AnalysisCache(dir, { evict: false });
    worker.analyze(docOf(ARTICLE), bundled());
    expect(stale.map((folder) => existsSync(folder))).toEqual([true, true, true]);
    expect(worker.stats.removedConfigurations).toBe(0);
    expect(existsSync(join(worker.configurationDir(configurationKey(bundled())!), 'last-used'))).toBe(true);
  });

  it('two configurations used in turn on one folder keep their entries (both served warm)', () => {
    const dir = cacheDir();
    const doc = docOf(ARTICLE);
    const other = loadConfiguration({ overrides: { 'event/visit': 'warning' } });
    for (const configuration of [bundled(), other]) new AnalysisCache(dir).analyze(doc, configuration);
    const again = new AnalysisCache(dir);
    again.analyze(doc, bundled());
    again.analyze(doc, other);
    expect(again.stats).toMatchObject({ analysed: 0, fromCache: 2 });
  });
});

describe('damaged entries are recomputed, never trusted', () => {
  const damages: Record<string, (text: string) => string> = {
    truncated: (text) => text.slice(0, Math.floor(text.length / 2)),
    'not JSON': () => 'garbage\n{',
    'edited result (digest no longer matches)': (text) => text.replace('2021', '2022'),
    'another format': (text) => text.replace(`"format":${CACHE_FORMAT}`, '"format":0'),
    empty: () => '',
  };
  for (const [name, damage] of Object.entries(damages)) {
    it(`${name}: analysed again, same result, entry rewritten`, () => {
      const dir = cacheDir();
      const doc = docOf(ARTICLE);
      const fresh = new AnalysisCache(dir).analyze(doc, bundled());
      const [entry] = entries(dir);
      writeFileSync(entry!, damage(readFileSync(entry!, 'utf8')));
      const cache = new AnalysisCache(dir);
      expect(cache.analyze(doc, bundled())).toEqual(fresh);
      expect(cache.stats).toMatchObject({ analysed: 1, fromCache: 0, discarded: 1 });
      const repaired = new AnalysisCache(dir);
      repaired.analyze(doc, bundled());
      expect(repaired.stats).toMatchObject({ analysed: 0, fromCache: 1 });
    });
  }

  /**
   * Caches article A, then puts its entry where article B's would be: as it is (A's header), or with a
   * header naming B's key and a digest that matches (a forgery only the text check catches). B must be
   * analysed, not served A's result.
   */
  function servesAnotherArticle(header: 'as written' | 'forged'): AnalysisCache {
    const dir = cacheDir();
    const a = docOf(ARTICLE);
    const b = docOf(ARTICLE.replace('2021', '2019'));
    const cache = new AnalysisCache(dir);
    cache.analyze(a, bundled());
    const configKey = configurationKey(bundled())!;
    const key = (doc: typeof a) => documentKey(configKey, doc);
    let entry = readFileSync(cache.entryPath(configKey, key(a)), 'utf8');
    if (header === 'forged') {
      const body = entry.slice(entry.indexOf('\n') + 1);
      const digest = createHash('sha256').update(body, 'utf8').digest('hex');
      entry = `${JSON.stringify({ format: CACHE_FORMAT, key: key(b), digest })}\n${body}`;
    }
    mkdirSync(dirname(cache.entryPath(configKey, key(b))), { recursive: true });
    writeFileSync(cache.entryPath(configKey, key(b)), entry);
    const reader = new AnalysisCache(dir);
    expect(reader.analyze(b, bundled())).toEqual(analyzeDocument(b, bundled()));
    return reader;
  }

  it('an entry stored under another article’s key is not served', () => {
    expect(servesAnotherArticle('as written').stats).toMatchObject({ analysed: 1, discarded: 1 });
  });

  it('an entry whose header and digest are right but whose article text is another is not served', () => {
    expect(servesAnotherArticle('forged').stats).toMatchObject({ analysed: 1, discarded: 1 });
  });
});

describe('cache failures never fail a run', () => {
  it('a cache folder that cannot be created: analysed, counted, same result', () => {
    const blocker = join(tempFolder({ 'file.txt': 'not a folder' }), 'file.txt');
    const cache = new AnalysisCache(join(blocker, 'cache'));
    const doc = docOf(ARTICLE);
    expect(cache.analyze(doc, bundled())).toEqual(analyzeDocument(doc, bundled()));
    expect(cache.stats).toEqual({ analysed: 1, fromCache: 0, discarded: 0, writeFailures: 1, removedConfigurations: 0 });
  });
});

describe('cache keys', () => {
  const configKey = configurationKey(bundled())!;
  const key = (text: string, path?: string, lang?: 'fr' | 'en') => documentKey(configKey, docOf(text, path, lang));

  it('are stable for the same article and configuration, even loaded again', () => {
    expect(configurationKey(loadConfiguration())).toBe(configKey);
    expect(key(ARTICLE)).toBe(key(ARTICLE));
  });

  it('are made without detecting a detected language (the text it comes from is in the key)', () => {
    const doc = docOf(ARTICLE);
    expect(doc.langHow).toBe('detected');
    let detections = 0;
    const pending = { ...doc };
    Object.defineProperty(pending, 'lang', { configurable: true, enumerable: true, get: () => (detections += 1, doc.lang) });
    expect(documentKey(configKey, pending)).toBe(documentKey(configKey, doc));
    expect(detections).toBe(0);
  });

  it('change with the text, the path (the id and the path are in the result) and a forced language', () => {
    const base = key(ARTICLE);
    expect(key(`${ARTICLE} `)).not.toBe(base);
    expect(key(ARTICLE, 'articles/b.txt')).not.toBe(base);
    expect(key(ARTICLE, undefined, 'en')).not.toBe(base);
  });

  it('change with a severity, a rule option, a rule folder or a lexicon word', () => {
    const lexiconFolder = tempFolder({ 'lexicon/en/extra.yaml': 'lang: en\nabbreviations: [Xyz]\n' });
    const variants: Configuration[] = [
      loadConfiguration({ overrides: { 'event/visit': 'warning' } }),
      loadConfiguration({ overrides: { 'event/visit': 'off' } }),
      loadConfiguration({ options: { 'consistency/name-spelling': { minWords: 3 } } }),
      loadConfiguration({ rules: [lexiconFolder] }),
      { ...bundled(), rules: bundled().rules.slice(1) },
      { ...bundled(), lexicon: { ...bundled().lexicon, translations: { ...bundled().lexicon.translations, pacte: 'pact' } } },
    ];
    const keys = variants.map((variant) => configurationKey(variant));
    expect(new Set([configKey, ...keys]).size).toBe(variants.length + 1);
  });

  it('are not made for a configuration that does not say where its rules came from: nothing is cached', () => {
    const { lexicon, rules } = bundled();
    const handMade: Configuration = { lexicon, rules };
    expect(configurationKey(handMade)).toBeUndefined();
    const dir = cacheDir();
    const cache = new AnalysisCache(dir);
    cache.analyze(docOf(ARTICLE), handMade);
    cache.analyze(docOf(ARTICLE), handMade);
    expect(cache.stats).toMatchObject({ analysed: 2, fromCache: 0 });
    expect(existsSync(dir)).toBe(false);
  });
});
