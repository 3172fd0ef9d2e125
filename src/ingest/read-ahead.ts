import { Worker } from 'node:worker_threads';
import { compiledModule } from '../util/compiled.js';

/**
 * Reading ahead: threads that read a run's article files shortly before the run does, many at once, so that
 * the run's own reads, one file after another, find them in the operating system's page cache. An archive
 * that is not in that cache (the first check of the day, a large one the cache could not keep) otherwise
 * waits on the disk for every file in turn: reading the 100,000 files of the bench corpus one by one took
 * 15 s from a cold cache against 1.1 s from a warm one, and 5-6 s with eight threads reading at once. A
 * one-thread check of that corpus from a cold cache spent 14.6 s reading instead of 32.9 s.
 *
 * The threads only warm the cache: they keep nothing, and a file they cannot read is left to the run, which
 * reports it. They stay at most READ_AHEAD_WINDOW files ahead of the files the run has read (every thread
 * of the run counts its reads on the shared state, with {@link countRead}), so the cache is asked to hold a
 * few megabytes, not the archive.
 */

/**
 * From this many files, a run reads ahead. Starting the threads costs about a quarter of a second on 2 cores:
 * at 1,000 files with the files in the cache, reading took 0.42-0.55 s with them against 0.18-0.37 s without.
 * At 10,000 files the run's reads took 1.9-2.0 s with them against 3.1-3.2 s from a cold cache, and 1.5 s
 * against 1.6 s from a warm one.
 */
export const READ_AHEAD_MIN_FILES = 5000;
/** Threads reading at once: on this machine's disk, 4 took 7.6 s for the 100,000 cold files, 8 took 5.6 s, 16 took 5.0 s. */
export const READ_AHEAD_THREADS = 8;
/** How many files past the run's reads the threads may be. */
export const READ_AHEAD_WINDOW = 1000;

/** Int32 slots of the shared state: files the run has read, files the threads have taken, and a stop flag. */
export const READ = 0;
export const TAKEN = 1;
export const STOP = 2;

/** What each read-ahead thread is started with. */
export interface ReadAheadSetup {
  files: readonly string[];
  state: SharedArrayBuffer;
  window: number;
}

export interface ReadAhead {
  /** The state shared with the threads: give it to every thread of the run that reads files (see countRead). */
  readonly state: SharedArrayBuffer;
  /** Ends the threads (they also end on their own after the last file). */
  stop(): void;
  /** Settles once every thread has ended. */
  readonly finished: Promise<void>;
}

/**
 * Starts reading `files` ahead, in their order, or returns undefined when there are too few files to gain
 * from it, or the thread's compiled module is not there (TypeScript sources without a build).
 */
export function startReadAhead(
  files: readonly string[],
  options: { threads?: number; window?: number; minFiles?: number } = {},
): ReadAhead | undefined {
  if (files.length < (options.minFiles ?? READ_AHEAD_MIN_FILES)) return undefined;
  const entry = compiledModule(import.meta.url, 'ingest/read-ahead-thread.js');
  if (!entry) return undefined;
  const state = new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT);
  const setup: ReadAheadSetup = { files, state, window: options.window ?? READ_AHEAD_WINDOW };
  const threads = Array.from({ length: Math.max(1, options.threads ?? READ_AHEAD_THREADS) }, () => {
    const thread = new Worker(entry, { workerData: setup });
    // A thread that fails only reads nothing ahead; it never keeps the process alive.
    thread.on('error', () => undefined);
    thread.unref();
    return thread;
  });
  const shared = new Int32Array(state);
  const finished = Promise.all(threads.map((thread) => new Promise((ended) => thread.once('exit', ended)))).then(() => undefined);
  return {
    state,
    finished,
    stop() {
      Atomics.store(shared, STOP, 1);
      Atomics.notify(shared, STOP);
      for (const thread of threads) void thread.terminate();
    },
  };
}

/** A counter of the run's reads on `state`: call it after each file read (from any thread). */
export function countRead(state: SharedArrayBuffer): () => void {
  const shared = new Int32Array(state);
  return () => void Atomics.add(shared, READ, 1);
}
