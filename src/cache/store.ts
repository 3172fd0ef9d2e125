import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Document } from '../model/document.js';
import type { Span } from '../model/mention.js';
import { prepareClaims, rulesById, unprepareClaims, type PreparedClaims, type PreparedGroup } from '../claims/store.js';
import { settleLanguage } from '../ingest/read.js';
import { analyzeDocument, KeptDocument, type DocumentResult } from '../pipeline.js';
import { CACHE_FORMAT, configurationKey, documentKey, type CacheableConfiguration } from './key.js';

/** Where `--cache` keeps its entries unless `--cache-dir` says otherwise. */
export const DEFAULT_CACHE_DIR = '.crosscheck-cache';

/**
 * A cache folder keeps the entries of this many configurations: the one in use and the most recently used
 * others. Every change of Crosscheck's code, of a rule file or of an option makes a new configuration and a
 * whole new set of entries (about 9 KB per article); without this, each one would stay on disk for good.
 */
export const KEPT_CONFIGURATIONS = 3;

/** The file, in a configuration's folder, that says when a run last used it (milliseconds since 1970). */
const LAST_USED = 'last-used';

/**
 * The folder, beside the format folders, where a run moves the folders it removes: moving one is
 * instant, and no run takes it for a configuration any more; a thread of its own then deletes it while
 * the run goes on (deleting the 10,000 entries of a configuration took 1.4-3 s of a 7.6 s warm run).
 */
const TRASH = 'trash';

/** The thread that deletes the folders moved to the trash (CommonJS, run with `eval`: it needs no compiled file). */
const EMPTY_TRASH = `
const { workerData } = require('node:worker_threads');
const { rmSync } = require('node:fs');
for (const path of workerData) {
  try { rmSync(path, { recursive: true, force: true }); } catch {}
}
`;

/** What a run did, counted (not timed): the CLI prints it, the tests assert on it. */
export interface CacheStats {
  /** Articles whose analysis actually ran (extraction and the rules' claims). */
  analysed: number;
  /** Articles served from an entry on disk. */
  fromCache: number;
  /** Entries found but unusable (truncated, edited, from another format): recomputed and rewritten. */
  discarded: number;
  /** Entries that could not be written (read-only folder, full disk); the run goes on without them. */
  writeFailures: number;
  /** Configurations whose entries were removed: used less recently than the KEPT_CONFIGURATIONS kept. */
  removedConfigurations: number;
}

/**
 * A content-addressed cache of per-article analyses (`DocumentResult`), one JSON file per article under
 * `<dir>/v<format>/<configuration>/<key[0..2]>/<key>.json`. The key covers the article as read and the whole
 * configuration (see ./key.ts), so an entry is either exactly what `analyzeDocument` would return or not used
 * at all: the cache never changes a result, and deleting the folder is always safe.
 *
 * Entries are filed by configuration (the start of its key), so that those of a configuration no run uses
 * any more can go: each run marks its own folder as used, and removes the folders beyond the
 * {@link KEPT_CONFIGURATIONS} most recently used.
 *
 * An entry is a header line `{"format","key","digest"}`, then the result's JSON without the article's text
 * (the key covers it) and without its claims, then the claims as the spill's lines hold them
 * (`PreparedClaims`, ../claims/store.ts): a line per group of packed claims, then a line per summary. A run
 * that spills writes those lines as they are, never unpacking the claims. The digest is the sha256 of all
 * but the header, so a damaged entry is noticed without trusting it. Entries are written to a temporary
 * file and renamed, so a crash or a parallel run never leaves half an entry.
 */
export class AnalysisCache {
  readonly stats: CacheStats = { analysed: 0, fromCache: 0, discarded: 0, writeFailures: 0, removedConfigurations: 0 };
  private prepared = false;
  private temporaries = 0;
  /** The configurations this cache object has marked as used (once each). */
  private readonly used = new Set<string>();
  /** The threads deleting what this cache moved to the trash, as they end. */
  private readonly emptying: Array<Promise<void>> = [];

  /**
   * `evict: false` leaves other configurations' entries alone (a worker thread: the main thread's cache
   * removes them, once, and counts them).
   */
  constructor(
    readonly dir: string = DEFAULT_CACHE_DIR,
    private readonly options: { evict?: boolean } = {},
  ) {}

  /**
   * `analyzeDocument(doc, configuration)`, from the cache when an entry for this exact input exists. With
   * `prepared` (a run that spills its claims), the result also has its claims prepared for the spill, and
   * one served from the cache has only those: its `claims` are left empty, never unpacked.
   */
  analyze(doc: Document, configuration: CacheableConfiguration, options: { prepared?: boolean } = {}): CachedResult {
    const configKey = configurationKey(configuration);
    if (configKey === undefined) return this.compute(doc, configuration);
    if (!this.used.has(configKey)) this.use(configKey);
    const key = documentKey(configKey, doc);
    const path = this.entryPath(configKey, key);
    const cached = this.read(path, key, doc, options.prepared === true);
    if (cached) {
      this.stats.fromCache += 1;
      return cached;
    }
    const result = this.compute(doc, configuration);
    const prepared = prepareClaims(result.claims, rulesById(configuration.rules));
    this.write(path, key, result, prepared);
    return options.prepared ? { ...result, prepared } : result;
  }

  /** The file of an article's entry, `key` made of `configKey` (exposed for tests that damage entries on purpose). */
  entryPath(configKey: string, key: string): string {
    return join(this.configurationDir(configKey), key.slice(0, 2), `${key}.json`);
  }

  /** The folder of a configuration's entries. */
  configurationDir(configKey: string): string {
    return join(this.dir, `v${CACHE_FORMAT}`, configKey.slice(0, 16));
  }

  /**
   * Marks a configuration's folder as used now, and removes the folders of the configurations beyond the
   * KEPT_CONFIGURATIONS most recently used, this one included. A folder whose mark cannot be read counts as
   * used when it was last changed (a run that has just made it has not marked it yet). Nothing here fails a
   * run: a folder that cannot be written is only read, one that cannot be removed is tried again next time.
   */
  private use(configKey: string): void {
    this.used.add(configKey);
    const own = this.configurationDir(configKey);
    try {
      this.prepare();
      mkdirSync(own, { recursive: true });
      writeFileSync(join(own, LAST_USED), `${Date.now()}\n`);
    } catch {
      return;
    }
    if (this.options.evict === false) return;
    for (const stale of staleConfigurations(own)) {
      if (this.discard(stale)) this.stats.removedConfigurations += 1;
    }
    this.emptyTrash();
  }

  /**
   * Moves a folder to the trash, to be deleted in the background by `emptyTrash`; deletes it here if it
   * cannot be moved. False if it is still there (another run is removing it too, or it cannot be removed:
   * left for the next run).
   */
  private discard(folder: string): boolean {
    try {
      const trash = join(this.dir, TRASH);
      mkdirSync(trash, { recursive: true });
      renameSync(folder, join(trash, `${basename(folder)}-${process.pid}-${(this.temporaries += 1)}`));
      return true;
    } catch {
      try {
        rmSync(folder, { recursive: true, force: true });
        return !existsSync(folder);
      } catch {
        return false;
      }
    }
  }

  /**
   * Deletes what the trash holds, in a thread of its own, so the run goes on meanwhile (the process waits
   * for it before it exits). What an interrupted run left there goes with the next run's.
   */
  private emptyTrash(): void {
    let folders: string[];
    try {
      folders = readdirSync(join(this.dir, TRASH)).map((name) => join(this.dir, TRASH, name));
    } catch {
      return; // no trash
    }
    if (folders.length === 0) return;
    try {
      const worker = new Worker(EMPTY_TRASH, { eval: true, workerData: folders });
      this.emptying.push(
        new Promise((resolve) => {
          worker.once('exit', () => resolve());
          worker.once('error', () => undefined);
        }),
      );
    } catch {
      // no thread to be had: the next run tries again
    }
  }

  /** Resolves once the folders this cache moved to the trash are deleted (tests; a process waits for them anyway). */
  async settled(): Promise<void> {
    await Promise.all(this.emptying);
  }

  private compute(doc: Document, configuration: CacheableConfiguration): DocumentResult {
    this.stats.analysed += 1;
    // An article read without detecting its language (`deferLanguage`) is detected now, to be analysed.
    settleLanguage(doc);
    return analyzeDocument(doc, configuration);
  }

  private read(path: string, key: string, doc: Document, keepPrepared: boolean): CachedResult | undefined {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      return undefined; // no entry yet (or unreadable: recomputed and rewritten)
    }
    try {
      const newline = text.indexOf('\n');
      const header = JSON.parse(text.slice(0, newline)) as { format?: unknown; key?: unknown; digest?: unknown };
      const body = text.slice(newline + 1);
      if (newline < 0 || header.format !== CACHE_FORMAT || header.key !== key || header.digest !== sha256(body)) throw new Error('stale');
      const lines = body.split('\n');
      const entry = JSON.parse(lines[0]!) as Entry;
      // The body names its article's key too: an entry put under another article's key (header and all) is refused.
      if (entry.key !== key) throw new Error('key');
      const analysed = entry.analysis?.doc;
      if (analysed?.id !== doc.id || analysed.path !== doc.path || typeof analysed.lang !== 'string' || !Array.isArray(entry.analysis.sentences) || !Array.isArray(entry.findings)) throw new Error('shape');
      if (!Array.isArray(entry.groups) || !Array.isArray(entry.runs) || !Array.isArray(entry.summaries) || lines.length !== 1 + entry.groups.length + entry.summaries.length) throw new Error('shape');
      // The entry leaves the text out (the key covers it): the article's text as read goes back in its place.
      analysed.text = doc.text;
      const prepared: PreparedClaims = {
        groups: entry.groups.map(([ruleId, shard, groupDoc, groupLang], g): PreparedGroup => ({ ruleId, shard, doc: groupDoc ?? analysed.id, lang: groupLang ?? analysed.lang, packed: lines[1 + g]! })),
        runs: entry.runs,
        summaries: entry.summaries.map((ruleId, s) => ({ ruleId, json: lines[1 + entry.groups.length + s]! })),
      };
      const analysis = KeptDocument.of(analysed, entry.analysis.sentences);
      const served: CachedResult = keepPrepared ? { analysis, claims: [], findings: entry.findings, prepared } : { analysis, claims: unprepareClaims(prepared), findings: entry.findings };
      // A language still to be detected is the entry's (the key covers the text it was detected from).
      settleLanguage(doc, analysed.lang);
      return served;
    } catch {
      this.stats.discarded += 1;
      return undefined;
    }
  }

  private write(path: string, key: string, result: DocumentResult, prepared: PreparedClaims): void {
    const { doc } = result.analysis;
    const entry: Entry = {
      key,
      // The text is the largest field of the document and the key covers it: left empty, in its place.
      analysis: { doc: { ...doc, text: '' }, sentences: result.analysis.sentences },
      findings: result.findings,
      // A group's document and language are written only when they are not the article's.
      groups: prepared.groups.map((group): EntryGroup => (group.doc === doc.id && group.lang === doc.lang ? [group.ruleId, group.shard] : [group.ruleId, group.shard, group.doc, group.lang])),
      runs: prepared.runs,
      summaries: prepared.summaries.map((summary) => summary.ruleId),
    };
    const body = [JSON.stringify(entry), ...prepared.groups.map((group) => group.packed), ...prepared.summaries.map((summary) => summary.json)].join('\n');
    const temp = `${path}.${process.pid}.${(this.temporaries += 1)}.tmp`;
    try {
      this.prepare();
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(temp, `${JSON.stringify({ format: CACHE_FORMAT, key, digest: sha256(body) })}\n${body}`);
      renameSync(temp, path);
    } catch {
      this.stats.writeFailures += 1;
      try {
        rmSync(temp, { force: true });
      } catch {
        // the folder itself is unusable (not a folder, no permission): there is no temporary to remove
      }
    }
  }

  /**
   * Creates the folder with a `.gitignore` of its own, so the cache is never committed by accident, and
   * removes the entries of older cache formats, which no run reads again.
   */
  private prepare(): void {
    if (this.prepared) return;
    mkdirSync(this.dir, { recursive: true });
    const ignore = join(this.dir, '.gitignore');
    if (!existsSync(ignore)) writeFileSync(ignore, '# Crosscheck analysis cache: safe to delete.\n*\n');
    this.prepared = true;
    // A worker thread's cache leaves that to the main thread's.
    if (this.options.evict === false) return;
    for (const name of readdirSync(this.dir)) {
      const format = /^v(\d+)$/.exec(name);
      // left for the next run (or a person) to remove if it cannot be: it only takes room
      if (format && Number(format[1]) < CACHE_FORMAT) this.discard(join(this.dir, name));
    }
  }
}

/** A result, and with `analyze(…, { prepared: true })` its claims prepared for the spill (then `claims` may be empty). */
export type CachedResult = DocumentResult & { prepared?: PreparedClaims };

/** The first line of an entry's body: its key, a DocumentResult without the article's text or claims, and what the claim lines are. */
interface Entry {
  key: string;
  analysis: { doc: DocumentResult['analysis']['doc']; sentences: Span[] };
  findings: DocumentResult['findings'];
  /** Per line of packed claims: rule id and shard, then document and language when not the article's. */
  groups: EntryGroup[];
  runs: PreparedClaims['runs'];
  /** Per summary line: its rule id. */
  summaries: string[];
}

type EntryGroup = [string, number, string?, string?];

/** The folders of the configurations beside `own` beyond the KEPT_CONFIGURATIONS most recently used (none if unreadable). */
function staleConfigurations(own: string): string[] {
  const formatDir = join(own, '..');
  let others: Array<{ folder: string; used: number }>;
  try {
    others = readdirSync(formatDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => join(formatDir, entry.name))
      .filter((folder) => folder !== own)
      .map((folder) => ({ folder, used: lastUsed(folder) }));
  } catch {
    return [];
  }
  others.sort((a, b) => b.used - a.used || (a.folder < b.folder ? -1 : 1));
  return others.slice(KEPT_CONFIGURATIONS - 1).map((other) => other.folder);
}

/** When a configuration's folder was last used: its mark, else when the folder last changed (0 if gone). */
function lastUsed(folder: string): number {
  try {
    const marked = Number(readFileSync(join(folder, LAST_USED), 'utf8'));
    if (Number.isFinite(marked) && marked > 0) return marked;
  } catch {
    // no mark yet, or unreadable
  }
  try {
    return statSync(folder).mtimeMs;
  } catch {
    return 0;
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
