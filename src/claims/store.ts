import { appendFileSync, closeSync, fstatSync, mkdtempSync, openSync, readdirSync, readSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Claim } from '../model/claim.js';
import { CrosscheckError } from '../model/errors.js';
import type { ClaimSource, Rule } from '../rules/types.js';
import { getOrMake, groupBy, pushTo } from '../util/collections.js';
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
 * From this many articles, a run keeps claims on disk unless told otherwise. Spilling costs a tenth to two
 * fifths of the run (10,000 articles, one thread: the claims and compare stages took 3.8–4.2 s instead of
 * 2.3–2.9 s, of 11–13 s, on a fast day; in the bench of 2026-11-24, 11.0 s instead of 4.9 s, 30.6 s against
 * 21.2 s in all), and saves little below this size
 * (claims of 10,000 articles in memory: a 0.4–0.5 GB peak); at 100,000 it is 1.5–1.6 GB against 4.1 GB (the
 * latter measured before the CLI held heap growth: see cli/heap.ts).
 */
export const AUTO_SPILL_MIN_FILES = 20_000;

/**
 * From this many articles, a run with an analysis cache keeps claims on disk unless told otherwise: the
 * cache's entries hold the claims as spill lines, so a warm run copies them instead of unpacking them, and
 * a cold one packs them once for both. Measured on 2026-11-23 (one thread, runs in turn, spill against
 * memory): 1,000 articles cold 4.8 s against 5.2 s, warm 1.50–1.64 s against 1.49–1.90 s; 10,000 cold
 * 32–35 s against 34–39 s, warm 7.3–7.7 s against 7.6–8.5 s with a peak of 0.29–0.30 GB against 0.46 GB.
 */
export const AUTO_SPILL_MIN_FILES_CACHED = 1_000;

export type SpillChoice = 'auto' | 'always' | 'never';

/** Whether a run of `files` articles spills its claims (`cached`: it has an analysis cache). */
export function shouldSpill(choice: SpillChoice | undefined, files: number, cached = false): boolean {
  if (choice === 'always') return true;
  if (choice === 'never') return false;
  return files >= (cached ? AUTO_SPILL_MIN_FILES_CACHED : AUTO_SPILL_MIN_FILES);
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

/** Spill files are read back in pieces of about this many bytes (a line longer than that makes a larger piece). */
const SPILL_PIECE_BYTES = 64 * 1024 * 1024;

/** A file's pending lines are written once they fill this many bytes (a buffer starts small and doubles up to it). */
const FILE_BUFFER_BYTES = 256 * 1024;

/** A file's lines waiting to be written, as UTF-8 bytes. */
interface PendingBytes {
  bytes: Buffer;
  used: number;
}

/**
 * One article's claims as its spill lines hold them, made once and written as they are: packed, turned to
 * JSON, grouped by rule and shard. The analysis cache keeps claims in this form too, so that an article it
 * serves goes to the spill without its claims being unpacked, packed and turned to JSON again.
 */
export interface PreparedClaims {
  /** One per rule and shard, in the order of their first claims. */
  groups: PreparedGroup[];
  /** The claims' own order: runs of consecutive claims of one group, `[group index, how many]`. */
  runs: Array<[number, number]>;
  /** One per rule that summarises its claims (`Rule.summarize`), in the order of their first claims. */
  summaries: Array<{ ruleId: string; json: string }>;
}

/** The claims of one rule and shard: packed against the document and language of the first, as JSON without the array's brackets. */
export interface PreparedGroup {
  ruleId: string;
  shard: number;
  doc: string;
  lang: string;
  packed: string;
}

const rulesByIdMemo = new WeakMap<readonly Rule[], ReadonlyMap<string, Rule>>();

/** The rules by id (memoised per list). */
export function rulesById(rules: readonly Rule[]): ReadonlyMap<string, Rule> {
  let byId = rulesByIdMemo.get(rules);
  if (!byId) rulesByIdMemo.set(rules, (byId = new Map(rules.map((rule) => [rule.meta.id, rule]))));
  return byId;
}

/** One article's claims, prepared for its spill lines (a claim of a rule not in `rules` goes to shard 0, with no summary). */
export function prepareClaims(claims: readonly Claim[], rules: ReadonlyMap<string, Rule>): PreparedClaims {
  const groupIndex = new Map<string, number[]>(); // rule id → group index by shard
  const lists: Claim[][] = [];
  const keys: Array<{ ruleId: string; shard: number }> = [];
  const runs: Array<[number, number]> = [];
  const summarised = new Map<string, Claim[]>();
  for (const claim of claims) {
    const rule = rules.get(claim.ruleId);
    const shards = rule ? shardCount(rule) : 1;
    const shard = shards === 1 ? 0 : hash(rule!.blockOf!(claim)) % shards;
    const byShard = getOrMake(groupIndex, claim.ruleId, () => []);
    let group = byShard[shard];
    if (group === undefined) {
      group = byShard[shard] = lists.length;
      lists.push([]);
      keys.push({ ruleId: claim.ruleId, shard });
    }
    lists[group]!.push(claim);
    const last = runs[runs.length - 1];
    if (last?.[0] === group) last[1] += 1;
    else runs.push([group, 1]);
    if (rule?.summarize) pushTo(summarised, claim.ruleId, claim);
  }
  const groups = lists.map((list, g): PreparedGroup => {
    const { doc, lang } = list[0]!;
    return { ...keys[g]!, doc, lang, packed: JSON.stringify(list.map((claim) => packClaim(claim, doc, lang))).slice(1, -1) };
  });
  // As an element of an array, as the line holds it (undefined is null there).
  const summaries = [...summarised].map(([ruleId, list]) => ({ ruleId, json: JSON.stringify([rules.get(ruleId)!.summarize!(list)]).slice(1, -1) }));
  return { groups, runs, summaries };
}

/** The claims `prepareClaims` was given, in their order. */
export function unprepareClaims(prepared: PreparedClaims): Claim[] {
  const unpacked = prepared.groups.map((group) => (JSON.parse(`[${group.packed}]`) as PackedClaim[]).map((packed) => unpackClaim(packed, group.doc, group.lang, group.ruleId)));
  const next = unpacked.map(() => 0);
  const claims: Claim[] = [];
  for (const [group, count] of prepared.runs) {
    const from = next[group]!;
    for (let i = from; i < from + count; i++) claims.push(unpacked[group]![i]!);
    next[group] = from + count;
  }
  return claims;
}

/**
 * One thread's writer of spilled claims. Call `flush` before another thread reads what it wrote. Each line is
 * encoded into its file's buffer as soon as it is made, so the string dies young (lines kept as strings
 * until a flush lived long enough to be copied into the old generation, and collected from there).
 */
export class SpillWriter {
  private readonly ruleIndex: Map<string, number>;
  private readonly byId: ReadonlyMap<string, Rule>;
  private readonly pending = new Map<string, PendingBytes>();

  constructor(
    private readonly dir: string,
    private readonly thread: string,
    rules: readonly Rule[],
  ) {
    this.ruleIndex = new Map(rules.map((rule, i) => [rule.meta.id, i]));
    this.byId = rulesById(rules);
  }

  /** Writes one article's claims (of every rule), and the summaries of the rules that make them. */
  write(order: ClaimOrder, claims: readonly Claim[]): void {
    this.writePrepared(order, prepareClaims(claims, this.byId));
  }

  /**
   * Writes one article's prepared claims: per group, the line `[batch,index,doc,lang,[packed claims]]`, and per
   * summary `[batch,index,summary]` (what JSON.stringify makes of those arrays, byte for byte).
   */
  writePrepared(order: ClaimOrder, prepared: PreparedClaims): void {
    const place = `[${order[0]},${order[1]},`;
    const indices = prepared.groups.map((group) => {
      const r = this.ruleIndex.get(group.ruleId);
      if (r === undefined) throw new Error(`claim of unknown rule ${group.ruleId}`);
      return r;
    });
    prepared.groups.forEach((group, g) => {
      this.append(fileName(indices[g]!, group.shard, this.thread), `${place}${JSON.stringify(group.doc)},${JSON.stringify(group.lang)},[${group.packed}]]\n`);
    });
    for (const summary of prepared.summaries) this.append(summaryFileName(this.ruleIndex.get(summary.ruleId)!, this.thread), `${place}${summary.json}]\n`);
  }

  private append(name: string, line: string): void {
    // At most 3 bytes of UTF-8 per UTF-16 unit: room for that many never truncates the line.
    const most = 3 * line.length;
    let file = this.pending.get(name);
    if (!file) this.pending.set(name, (file = { bytes: Buffer.allocUnsafe(4096), used: 0 }));
    if (file.bytes.length - file.used < most) this.makeRoom(name, file, most);
    if (file.bytes.length - file.used < most) this.writeOut(name, { bytes: Buffer.from(line), used: Buffer.byteLength(line) });
    else file.used += file.bytes.write(line, file.used);
  }

  /** Grows a file's buffer up to FILE_BUFFER_BYTES, then writes it out, for `most` more bytes (a longer line is written alone). */
  private makeRoom(name: string, file: PendingBytes, most: number): void {
    if (file.bytes.length < FILE_BUFFER_BYTES) {
      const grown = Buffer.allocUnsafe(Math.min(FILE_BUFFER_BYTES, Math.max(2 * file.bytes.length, file.used + most)));
      file.bytes.copy(grown, 0, 0, file.used);
      file.bytes = grown;
    }
    if (file.bytes.length - file.used < most) this.writeOut(name, file);
  }

  /** Appends a file's pending bytes to it. */
  private writeOut(name: string, file: PendingBytes): void {
    if (file.used === 0) return;
    try {
      appendFileSync(join(this.dir, name), file.bytes.subarray(0, file.used));
    } catch (error) {
      throw spillError(this.dir, error);
    }
    file.used = 0;
  }

  flush(): void {
    for (const [name, file] of this.pending) this.writeOut(name, file);
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
      for (const text of linesInOrder(dir, files, `r${r}-sum-`)) yield (JSON.parse(text) as [number, number, unknown])[2];
    },
    *shards() {
      for (let shard = 0; shard < shardCount(rule); shard++) {
        // Lines are parsed one at a time, in order: what a line parses to is garbage as soon as its claims are
        // unpacked, which the young generation collects cheaply (a shard parsed whole first survived into the
        // old generation, and collecting it was most of the cost of reading).
        const claims: Claim[] = [];
        for (const text of linesInOrder(dir, files, `r${r}-s${shard}-`)) {
          const [, , doc, lang, packed] = JSON.parse(text) as Line;
          for (const claim of packed) claims.push(unpackClaim(claim, doc, lang, rule.meta.id));
        }
        if (claims.length > 0) yield claims;
      }
    },
  };
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

/**
 * The lines of the files whose names start with `prefix` (one file per thread), in the order of their
 * articles' places. The files stay bytes until a line is wanted: each line becomes a string only to be
 * parsed, and dies young (read as strings first, a shard's lines lived through its whole parse and were
 * copied into the old generation, a third of the cost of reading a spill back).
 */
function* linesInOrder(dir: string, files: readonly string[], prefix: string): Generator<string> {
  const pieces: Buffer[] = [];
  const lines: SpillLines = { place: [], piece: [], start: [], end: [] };
  for (const name of files) {
    if (!name.startsWith(prefix)) continue;
    for (const piece of readSpillFile(join(dir, name))) {
      pieces.push(piece);
      indexLines(piece, pieces.length - 1, lines);
    }
  }
  for (const i of inPlaceOrder(lines.place)) yield pieces[lines.piece[i]!]!.toString('utf8', lines.start[i], lines.end[i]);
}

/** Where each line of a shard's files lies (which piece, from where to where), and its article's place (batch and index in one number). */
interface SpillLines {
  place: number[];
  piece: number[];
  start: number[];
  end: number[];
}

/** An article's place as one number that sorts as [batch, index] does (an index below 2^26, a batch below 2^26). */
const PLACE_SCALE = 2 ** 26;

/** Adds the lines of one piece of a file (`[batch,index,…]` each) to `lines`, reading the place from the line's start. */
function indexLines(text: Buffer, piece: number, lines: SpillLines): void {
  let start = 0;
  for (let nl = text.indexOf(10, start); start < text.length; nl = text.indexOf(10, start)) {
    const end = nl === -1 ? text.length : nl;
    if (end > start) {
      // `[batch,index,`: digits after the bracket, then after the first comma.
      let at = start + 1;
      let batch = 0;
      for (; text[at] !== 44; at++) batch = batch * 10 + text[at]! - 48;
      let index = 0;
      for (at++; text[at] !== 44; at++) index = index * 10 + text[at]! - 48;
      lines.place.push(batch * PLACE_SCALE + index);
      lines.piece.push(piece);
      lines.start.push(start);
      lines.end.push(end);
    }
    start = end + 1;
  }
}

/** Indices of `places` in ascending order of place (already so when one thread wrote them: no sort then). */
function inPlaceOrder(places: readonly number[]): number[] {
  const order = places.map((_, i) => i);
  for (let i = 1; i < places.length; i++) if (places[i]! < places[i - 1]!) return order.sort((a, b) => places[a]! - places[b]!);
  return order;
}

/**
 * A spill file read in pieces of whole lines, about `pieceBytes` each (a rule's file on a large archive may be
 * larger than one buffer can be; a line longer than that makes a larger piece). Exported for tests.
 */
export function readSpillFile(path: string, pieceBytes = SPILL_PIECE_BYTES): Buffer[] {
  const pieces: Buffer[] = [];
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const size = fstatSync(fd).size;
    let position = 0;
    let carry = Buffer.alloc(0);
    while (position < size) {
      const take = Math.min(size - position, Math.max(pieceBytes - carry.length, carry.length, 1));
      const piece = Buffer.allocUnsafe(carry.length + take);
      carry.copy(piece);
      const read = readSync(fd, piece, carry.length, take, position);
      if (read === 0) break;
      position += read;
      const filled = carry.length + read;
      // A piece ends after its last newline (the rest starts the next piece), or with the file.
      const cut = position >= size ? filled : piece.lastIndexOf(10, filled - 1) + 1;
      if (cut > 0) pieces.push(piece.subarray(0, cut));
      carry = piece.subarray(cut, filled);
    }
    if (carry.length > 0) pieces.push(carry);
    return pieces;
  } catch (error) {
    throw spillError(path, error);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
