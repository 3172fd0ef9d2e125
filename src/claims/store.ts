import { appendFileSync, closeSync, mkdtempSync, openSync, readdirSync, readSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Claim } from '../model/claim.js';
import { CrosscheckError } from '../model/errors.js';
import type { ClaimSource, Rule } from '../rules/types.js';
import { groupBy, pushTo } from '../util/collections.js';
import { packClaim, unpackClaim, type PackedClaim } from './pack.js';

/**
 * Where the claims of every article wait between the article stage and the corpus checks: in memory, or,
 * on a large archive, on disk ("spilled"), so that a run holds one shard of one rule's claims at a time
 * instead of every claim of every article.
 *
 * On disk, each rule's claims go to files by shard: a rule that says how its claims are blocked
 * (`Rule.blockOf`) gets SPILL_SHARDS shards, every block whole in one of them; any other rule one. Each
 * thread appends to files of its own (no locks), one JSON line per article and shard, tagged with the
 * article's place in the run; a shard is read back sorted by that place, so its claims come in document
 * order whichever thread wrote them first, and the report is the same with or without spilling.
 */

/** An article's place in the run: [batch, index in the batch] (one thread: [0, index]). */
export type ClaimOrder = readonly [number, number];

/** Shards of a blocked rule's claims on disk: a shard of a 100,000-article archive is a few megabytes. */
export const SPILL_SHARDS = 64;

/**
 * From this many articles, a run keeps claims on disk unless told otherwise. Spilling costs about a tenth
 * of the run (10,000 articles, one thread: the claims and compare stages take 3.8–4.2 s instead of 2.3–2.9 s,
 * of 11–13 s), and saves little below this size
 * (claims of 10,000 articles in memory: a 0.4–0.5 GB peak); at 100,000 it is 1.5–1.6 GB against 4.1 GB (the
 * latter measured before the CLI held heap growth: see cli/heap.ts).
 */
export const AUTO_SPILL_MIN_FILES = 20_000;

export type SpillChoice = 'auto' | 'always' | 'never';

/** Whether a run of `files` articles spills its claims. */
export function shouldSpill(choice: SpillChoice | undefined, files: number): boolean {
  if (choice === 'always') return true;
  if (choice === 'never') return false;
  return files >= AUTO_SPILL_MIN_FILES;
}

/**
 * A fresh folder for one run's spilled claims (remove it with {@link removeSpill}), named after this host
 * and process. A run stopped before it could remove its folder (Ctrl-C or a kill mid-check: the check runs
 * without returning to the event loop, so no handler can) leaves up to 0.7 GB per 100,000 articles behind;
 * the next run on the same host removes the folders of such runs first (see {@link sweepStaleSpills}).
 */
export function makeSpillDir(): string {
  const parent = tmpdir();
  sweepStaleSpills(parent);
  try {
    return mkdtempSync(join(parent, `crosscheck-claims-${safeHost(hostname())}-${process.pid}-`));
  } catch (error) {
    throw spillError(parent, error);
  }
}

/** A host name made safe for a file name. */
function safeHost(host: string): string {
  return host.replace(/[^A-Za-z0-9.-]/g, '_');
}

/** A spill folder's name: the run's host and process id, then mkdtemp's six characters. */
const SPILL_NAME = /^crosscheck-claims-(.+)-(\d+)-[A-Za-z0-9]{6}$/;

/**
 * Removes, from `parent`, the spill folders of runs on this host whose process is gone, and returns their
 * names. Folders of live runs, of other hosts (a shared or mounted temporary folder) and of other tools are
 * left alone, as is any folder that cannot be removed (another user's).
 */
export function sweepStaleSpills(parent: string, host: string = hostname(), isAlive: (pid: number) => boolean = processAlive): string[] {
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const match = SPILL_NAME.exec(name);
    if (!match) continue;
    const pid = Number(match[2]);
    if (match[1] !== safeHost(host) || pid === process.pid || isAlive(pid)) continue;
    try {
      rmSync(join(parent, name), { recursive: true, force: true });
      removed.push(name);
    } catch {
      // Not ours to remove after all (permissions): leave it.
    }
  }
  return removed;
}

/** Whether a process with this id runs on this host (one we may not signal still runs). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A failure to keep claims on disk, said so that a person can act on it. */
function spillError(where: string, error: unknown): CrosscheckError {
  const reasons: Record<string, string> = { ENOSPC: 'the disk is full', ENOENT: 'no such folder', EACCES: 'permission denied', EROFS: 'read-only file system' };
  const why = reasons[(error as NodeJS.ErrnoException).code ?? ''] ?? (error as Error).message;
  return new CrosscheckError(
    `cannot keep claims on disk here: ${why}. Set TMPDIR to a folder with room (about 7 MB per 1,000 articles), or run with --spill never`,
    { file: where, code: 'usage', cause: error },
  );
}

export function removeSpill(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Empties a spill folder (a run that starts its analysis over). */
export function clearSpill(dir: string): void {
  for (const name of readdirSync(dir)) rmSync(join(dir, name), { force: true });
}

/** FNV-1a: a stable hash, the same in every thread and run. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function shardCount(rule: Rule): number {
  return rule.blockOf && rule.checkBlocks ? SPILL_SHARDS : 1;
}

function fileName(rule: number, shard: number, thread: string): string {
  return `r${rule}-s${shard}-${thread}.jsonl`;
}

/** Per-article summaries of a rule's claims (`Rule.summarize`). */
function summaryFileName(rule: number, thread: string): string {
  return `r${rule}-sum-${thread}.jsonl`;
}

/** Flush a thread's buffered lines once they hold this many characters. */
const FLUSH_CHARS = 8 * 1024 * 1024;

/** One thread's writer of spilled claims. Call `flush` before another thread reads what it wrote. */
export class SpillWriter {
  private readonly ruleIndex: Map<string, number>;
  private readonly buffers = new Map<string, string[]>();
  private buffered = 0;

  constructor(
    private readonly dir: string,
    private readonly thread: string,
    private readonly rules: readonly Rule[],
  ) {
    this.ruleIndex = new Map(rules.map((rule, i) => [rule.meta.id, i]));
  }

  /** Writes one article's claims (of every rule), and the summaries of the rules that make them. */
  write(order: ClaimOrder, claims: readonly Claim[]): void {
    const byFile = new Map<string, Claim[]>();
    const byRule = new Map<number, Claim[]>();
    for (const claim of claims) {
      const r = this.ruleIndex.get(claim.ruleId);
      if (r === undefined) throw new Error(`claim of unknown rule ${claim.ruleId}`);
      const rule = this.rules[r]!;
      const shards = shardCount(rule);
      const shard = shards === 1 ? 0 : hash(rule.blockOf!(claim)) % shards;
      pushTo(byFile, fileName(r, shard, this.thread), claim);
      if (rule.summarize) pushTo(byRule, r, claim);
    }
    for (const [name, list] of byFile) {
      this.append(name, [order[0], order[1], list[0]!.doc, list[0]!.lang, list.map((claim) => packClaim(claim, list[0]!.doc, list[0]!.lang))]);
    }
    for (const [r, list] of byRule) this.append(summaryFileName(r, this.thread), [order[0], order[1], this.rules[r]!.summarize!(list)]);
    if (this.buffered >= FLUSH_CHARS) this.flush();
  }

  private append(name: string, entry: unknown): void {
    const line = `${JSON.stringify(entry)}\n`;
    const buffer = this.buffers.get(name);
    if (buffer) buffer.push(line);
    else this.buffers.set(name, [line]);
    this.buffered += line.length;
  }

  flush(): void {
    try {
      for (const [name, lines] of this.buffers) appendFileSync(join(this.dir, name), lines.join(''));
    } catch (error) {
      throw spillError(this.dir, error);
    }
    this.buffers.clear();
    this.buffered = 0;
  }
}

/** One line of a spill file: an article's place, its id and language, and its claims of one rule and shard, packed. */
type Line = [number, number, string, string, PackedClaim[]];

/** Reads a spill folder back, rule by rule and shard by shard. */
export function spilledSource(dir: string, rules: readonly Rule[], rule: Rule): ClaimSource {
  const r = rules.indexOf(rule);
  const files = readdirSync(dir).sort();
  return {
    *summaries() {
      for (const line of linesInOrder(dir, files, `r${r}-sum-`)) yield (JSON.parse(line.text) as [number, number, unknown])[2];
    },
    *shards() {
      for (let shard = 0; shard < shardCount(rule); shard++) {
        const lines = linesInOrder(dir, files, `r${r}-s${shard}-`);
        if (lines.length === 0) continue;
        // Lines are parsed one at a time, in order, after sorting: what a line parses to is garbage as soon as
        // its claims are unpacked, which the young generation collects cheaply (a shard parsed whole first
        // survived into the old generation, and collecting it was most of the cost of reading).
        const claims: Claim[] = [];
        for (let i = 0; i < lines.length; i++) {
          const [, , doc, lang, packed] = JSON.parse(lines[i]!.text) as Line;
          lines[i] = EMPTY_LINE;
          for (const claim of packed) claims.push(unpackClaim(claim, doc, lang, rule.meta.id));
        }
        lines.length = 0;
        yield claims;
      }
    },
  };
}

/** A spill line and its article's place, read from the line's start without parsing the rest. */
interface PlacedLine {
  batch: number;
  index: number;
  text: string;
}

const EMPTY_LINE: PlacedLine = { batch: 0, index: 0, text: '' };

/** The lines of the files whose names start with `prefix` (one per thread), sorted by their article's place. */
function linesInOrder(dir: string, files: readonly string[], prefix: string): PlacedLine[] {
  const lines: PlacedLine[] = [];
  for (const name of files) if (name.startsWith(prefix)) for (const line of readLines(join(dir, name))) lines.push(placed(line));
  return lines.sort(byPlace);
}

function placed(text: string): PlacedLine {
  const comma = text.indexOf(',');
  const next = text.indexOf(',', comma + 1);
  return { batch: Number(text.slice(1, comma)), index: Number(text.slice(comma + 1, next)), text };
}

function byPlace(a: PlacedLine, b: PlacedLine): number {
  return a.batch - b.batch || a.index - b.index;
}

/** The claims of one rule held in memory: one shard, in document order; summaries made on demand. */
export function memorySource(claims: Claim[], summarize?: Rule['summarize']): ClaimSource {
  return {
    *shards() {
      if (claims.length > 0) yield claims;
    },
    *summaries() {
      if (!summarize) return;
      for (const own of groupBy(claims, (claim) => claim.doc).values()) yield summarize(own);
    },
  };
}

/** The lines of a file, read in chunks (a rule's file on a large archive may be larger than a string can be). */
function* readLines(path: string): Generator<string> {
  const fd = openSync(path, 'r');
  try {
    const chunk = Buffer.allocUnsafe(4 * 1024 * 1024);
    let carry = Buffer.alloc(0);
    for (;;) {
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      const data = carry.length > 0 ? Buffer.concat([carry, chunk.subarray(0, read)]) : chunk.subarray(0, read);
      let start = 0;
      for (let nl = data.indexOf(10, start); nl !== -1; nl = data.indexOf(10, start)) {
        if (nl > start) yield data.toString('utf8', start, nl);
        start = nl + 1;
      }
      carry = Buffer.from(data.subarray(start));
    }
    if (carry.length > 0) yield carry.toString('utf8');
  } finally {
    closeSync(fd);
  }
}
