import { basename, extname } from 'node:path';

/** The smallest batch (a smaller one costs more to send than it balances). */
const MIN_BATCH = 4;

/**
 * With `jobs` threads, a batch holds at most this share of what remains over the threads: so batches
 * shrink towards the end, and the threads finish close together. With batches all of one size, the main
 * thread of a 2-thread run on 10,000 articles waited 0.65 s at the end for the worker's last two.
 */
const TAIL_SHARE = 4;

/**
 * Cuts the (sorted) file list into contiguous batches of about `size` files, smaller towards the end when
 * given `jobs` threads (a batch takes at most 1 / (TAIL_SHARE × jobs) of the files left, down to MIN_BATCH). Two
 * files that would give one document id ("a/x.txt", "b/x.md") go in the same batch, so that `ingest` in
 * one worker sees both and reports the second exactly as a single-threaded run does; a batch may grow past
 * its size for that.
 */
export function cutBatches(files: readonly string[], size: number, jobs?: number): Array<{ start: number; end: number }> {
  const lastWithId = new Map<string, number>();
  files.forEach((file, i) => lastWithId.set(documentIdOf(file), i));
  const batches: Array<{ start: number; end: number }> = [];
  let start = 0;
  let mustReach = 0; // the batch may not end before this index
  const sizeFrom = (at: number) => (jobs === undefined ? size : Math.min(size, Math.max(MIN_BATCH, Math.ceil((files.length - at) / (TAIL_SHARE * jobs)))));
  let target = sizeFrom(0);
  for (let i = 0; i < files.length; i++) {
    mustReach = Math.max(mustReach, lastWithId.get(documentIdOf(files[i]!))!);
    if (i + 1 - start >= target && mustReach <= i) {
      batches.push({ start, end: i + 1 });
      start = i + 1;
      target = sizeFrom(start);
    }
  }
  if (start < files.length) batches.push({ start, end: files.length });
  return batches;
}

/** The id `ingest` gives the document of a file: its name without the extension. */
export function documentIdOf(file: string): string {
  return basename(file, extname(file));
}

/** Batch size for `files` over `jobs` threads (before the tail, see cutBatches): small enough to balance the load, large enough to be cheap to send. */
export function batchSize(files: number, jobs: number): number {
  return Math.max(4, Math.min(200, Math.ceil(files / (jobs * 16))));
}
