import type { MessagePort } from 'node:worker_threads';
import type { RuleSourcesDigest } from '../cache/key.js';
import type { CacheStats } from '../cache/store.js';
import type { Lang } from '../model/document.js';
import type { Lexicon } from '../model/lexicon.js';
import type { IngestProblem } from '../ingest/read.js';
import type { PublicationDate } from '../model/time.js';
import type { DocumentResult } from '../pipeline.js';
import type { StageTimes } from './stages.js';
import type { CheckResult } from '../rules/types.js';

/** What a worker is started with: where the rules come from (it loads them once) and the lexicon, never functions. */
export interface WorkerSetup {
  sources: RuleSourcesDigest;
  lexicon: Lexicon;
  /** The ids of the rules the main thread runs, in its order (a caller may have dropped some). */
  ruleIds: string[];
  lang?: Lang;
  cacheDir?: string;
  /** Where claims are kept on disk, when they are (each worker writes files of its own: see claims/store). */
  spillDir?: string;
  /** This worker's name in spill file names. */
  thread: string;
  timed: boolean;
  /** The read-ahead's shared state, when the run reads ahead: the worker counts its reads there (ingest/read-ahead.ts). */
  readAhead?: SharedArrayBuffer;
  /** Int32 counters shared with the main thread: see SIGNAL_REPLIES and SIGNAL_DOCUMENTS. */
  signal: SharedArrayBuffer;
  /** Where replies go; the main thread reads it synchronously (receiveMessageOnPort). */
  replies: MessagePort;
}

/** Counter bumped (and notified) after each reply is posted. */
export const SIGNAL_REPLIES = 0;
/** Counter bumped after each article is analysed (progress, and a sign of life). */
export const SIGNAL_DOCUMENTS = 1;
/** The corpus worker's count of the shards of claims it has read (progress); its SIGNAL_DOCUMENTS counts those, each rule begun and every SUMMARIES_PER_TICK summaries read (pipeline.ts). */
export const SIGNAL_SHARDS = 2;

export interface BatchRequest {
  batch: number;
  files: string[];
}

export type BatchReply =
  | {
      batch: number;
      ok: true;
      results: DocumentResult[];
      /** Per result: the publication date as read, when analysis refined it (the rest is the analysed document). */
      ingestedPublished: Array<{ index: number; published: PublicationDate | null }>;
      problems: IngestProblem[];
      times?: StageTimes;
      cache?: CacheStats;
      /** The worker thread's CPU time so far, in milliseconds, where the system tells it (see util/thread-cpu.ts). */
      cpuMs?: number;
    }
  | { batch: number; ok: false; error: WorkerError };

/** An error thrown in a worker, as plain data; a CrosscheckError keeps its place and code. */
export interface WorkerError {
  name: string;
  message: string;
  stack?: string;
  crosscheck?: { file?: string; line?: number; column?: number; code: 'input' | 'config' | 'usage' };
}

/** What the corpus worker is started with (see ./corpus.ts): the rules' sources, never functions. */
export interface CorpusWorkerSetup {
  sources: RuleSourcesDigest;
  lexicon: Lexicon;
  /** Every rule of the run, in the main thread's order: spill files number rules by it. */
  ruleIds: string[];
  /** The rules this worker checks, in that order. */
  checkIds: string[];
  spillDir: string;
  /** Int32 counters shared with the main thread: see SIGNAL_REPLIES, and SIGNAL_DOCUMENTS and SIGNAL_SHARDS, here bumped as claims are read. */
  signal: SharedArrayBuffer;
  replies: MessagePort;
}

/** The corpus worker's one reply: a result per rule checked, in order. */
export type CorpusReply = { ok: true; results: CheckResult[] } | { ok: false; error: WorkerError };
