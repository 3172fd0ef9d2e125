import { appendFileSync, closeSync, mkdtempSync, openSync, readdirSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Claim as ClaimSchema, type Claim } from '../model/claim.js';
import { CrosscheckError } from '../model/errors.js';
import type { ClaimSource, Rule } from '../rules/types.js';
import { groupBy, pushTo } from '../util/collections.js';

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

/** A fresh folder for one run's spilled claims (remove it with {@link removeSpill}). */
export function makeSpillDir(): string {
  const parent = tmpdir();
  try {
    return mkdtempSync(join(parent, 'crosscheck-claims-'));
  } catch (error) {
    throw spillError(parent, error);
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
      this.append(name, [order[0], order[1], list[0]!.doc, list[0]!.lang, list.map((claim) => pack(claim, list[0]!))]);
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
type Line = [number, number, string, string, Packed[]];

/**
 * A claim as written: an array of its fields by position rather than an object with its keys, and without
 * what the line or the file already says (document, language, rule, the id's usual prefix) or empty
 * defaults. JSON costs most of what spilling costs, and the keys were a third of it.
 *
 * `[id, eventType, attribute, modality, sentence start, sentence end, values, flags, trigger, agents, places,
 * keyParts, series, ordinal, count, doc, lang, other fields]`, where `id` is the part after `doc#rule#`
 * (the whole id with flag FULL_ID), 0 stands for a field that is absent or empty, and trailing 0s are left out.
 */
type Packed = [string, string, string, Claim['modality'], number, number, PackedValue[], number, ...unknown[]];

/** A claim value: `[value, span start, span end, text, stated (1/0), its other fields (time, number…)?]`. */
type PackedValue = [string, number, number, string, 0 | 1, Record<string, unknown>?];

const EXHAUSTIVE = 1;
/** `id` is the whole id, which does not start with the usual `doc#rule#`. */
const FULL_ID = 2;
/** The trigger is the first value (its text and span), not written twice. */
const TRIGGER_IS_VALUE = 4;
const HAS_COUNT = 8;

/** Where the optional fields sit in a packed claim. */
const TRIGGER = 8;
const AGENTS = 9;
const PLACES = 10;
const KEY_PARTS = 11;
const SERIES = 12;
const ORDINAL = 13;
const COUNT = 14;
const DOC = 15;
const LANG = 16;
const REST = 17;

function packValue(claimValue: Claim['values'][number]): PackedValue {
  const packed: PackedValue = [claimValue.value, claimValue.span[0], claimValue.span[1], claimValue.text, claimValue.stated ? 1 : 0];
  const more = fieldsBeyond(claimValue, VALUE_FIELDS);
  if (more) packed.push(more);
  return packed;
}

const VALUE_FIELDS = new Set(['value', 'span', 'text', 'stated']);
const TRIGGER_FIELDS = new Set(['text', 'span']);
const CLAIM_FIELDS = new Set(Object.keys(ClaimSchema.shape));

/**
 * The fields of `object` not in `known` and not undefined (JSON would drop those), or undefined when there are
 * none. A loop rather than a rest pattern: this runs for every claim and value.
 */
function fieldsBeyond(object: object, known: ReadonlySet<string>): Record<string, unknown> | undefined {
  let more: Record<string, unknown> | undefined;
  for (const key in object) {
    const value = (object as Record<string, unknown>)[key];
    if (value !== undefined && !known.has(key)) (more ??= {})[key] = value;
  }
  return more;
}

function unpackValue(packed: PackedValue): Claim['values'][number] {
  const value: Claim['values'][number] = { value: packed[0], span: [packed[1], packed[2]], text: packed[3], stated: packed[4] === 1 };
  return packed.length > 5 ? Object.assign(value, packed[5]) : value;
}

function pack(claim: Claim, head: Claim): Packed {
  const { id, doc, lang, ruleId, eventType, attribute, values, exhaustive, count, modality, agents, places, series, ordinal, trigger, sentence, keyParts } = claim;
  const first = values[0];
  const prefix = `${doc}#${ruleId}#`;
  const ownId = id.startsWith(prefix);
  const triggerIsValue = first !== undefined && trigger.text === first.text && trigger.span[0] === first.span[0] && trigger.span[1] === first.span[1] && fieldsBeyond(trigger, TRIGGER_FIELDS) === undefined;
  const flags = (exhaustive ? EXHAUSTIVE : 0) | (ownId ? 0 : FULL_ID) | (triggerIsValue ? TRIGGER_IS_VALUE : 0) | (count === undefined ? 0 : HAS_COUNT);
  const packed: Packed = [
    ownId ? id.slice(prefix.length) : id,
    eventType,
    attribute,
    modality,
    sentence[0],
    sentence[1],
    values.map(packValue),
    flags,
    triggerIsValue ? 0 : trigger,
    agents.length > 0 ? agents : 0,
    places.length > 0 ? places : 0,
    hasFields(keyParts) ? keyParts : 0,
    series ?? 0,
    ordinal ?? 0,
    count ?? 0,
    // Every claim of an article should name it; one that does not keeps its own.
    doc === head.doc ? 0 : doc,
    lang === head.lang ? 0 : lang,
    fieldsBeyond(claim, CLAIM_FIELDS) ?? 0,
  ];
  while (packed.length > TRIGGER && packed[packed.length - 1] === 0) packed.pop();
  return packed;
}

function hasFields(object: object): boolean {
  for (const _ in object) return true;
  return false;
}

/** The claim `pack` was given, its fields in the schema's order (then a rule's own fields). */
function unpack(packed: Packed, lineDoc: string, lineLang: string, ruleId: string): Claim {
  const flags = packed[7];
  const values = packed[6].map(unpackValue);
  const doc = typeof packed[DOC] === 'string' ? packed[DOC] : lineDoc;
  // Fields added one by one, in the schema's order (then a rule's own fields): no spread of optional ones.
  const claim = { id: flags & FULL_ID ? packed[0] : `${doc}#${ruleId}#${packed[0]}`, doc } as Claim;
  claim.lang = typeof packed[LANG] === 'string' ? packed[LANG] : lineLang;
  claim.ruleId = ruleId;
  claim.eventType = packed[1];
  claim.attribute = packed[2];
  claim.values = values;
  claim.exhaustive = (flags & EXHAUSTIVE) !== 0;
  if (flags & HAS_COUNT) claim.count = (packed[COUNT] as number | undefined) ?? 0;
  claim.modality = packed[3];
  claim.agents = (packed[AGENTS] as Claim['agents'] | undefined) || [];
  claim.places = (packed[PLACES] as Claim['places'] | undefined) || [];
  const series = packed[SERIES] as Claim['series'] | 0 | undefined;
  if (series) claim.series = series;
  const ordinal = packed[ORDINAL] as Claim['ordinal'] | 0 | undefined;
  if (ordinal) claim.ordinal = ordinal;
  claim.trigger = flags & TRIGGER_IS_VALUE ? { text: values[0]!.text, span: [values[0]!.span[0], values[0]!.span[1]] } : (packed[TRIGGER] as Claim['trigger']);
  claim.sentence = [packed[4], packed[5]];
  claim.keyParts = (packed[KEY_PARTS] as Claim['keyParts'] | undefined) || {};
  const rest = packed[REST] as Record<string, unknown> | 0 | undefined;
  return rest ? Object.assign(claim, rest) : claim;
}

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
          for (const claim of packed) claims.push(unpack(claim, doc, lang, rule.meta.id));
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
