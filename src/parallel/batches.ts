import { basename, extname } from 'node:path';

/**
 * Cuts the (sorted) file list into contiguous batches of about `size` files. Two files that would give
 * one document id ("a/x.txt", "b/x.md") go in the same batch, so that `ingest` in one worker sees both and
 * reports the second exactly as a single-threaded run does; a batch may grow past `size` for that.
 */
export function cutBatches(files: readonly string[], size: number): Array<{ start: number; end: number }> {
  const lastWithId = new Map<string, number>();
  files.forEach((file, i) => lastWithId.set(documentIdOf(file), i));
  const batches: Array<{ start: number; end: number }> = [];
  let start = 0;
  let mustReach = 0; // the batch may not end before this index
  for (let i = 0; i < files.length; i++) {
    mustReach = Math.max(mustReach, lastWithId.get(documentIdOf(files[i]!))!);
    if (i + 1 - start >= size && mustReach <= i) {
      batches.push({ start, end: i + 1 });
      start = i + 1;
    }
  }
  if (start < files.length) batches.push({ start, end: files.length });
  return batches;
}

/** The id `ingest` gives the document of a file: its name without the extension. */
export function documentIdOf(file: string): string {
  return basename(file, extname(file));
}

/** Batch size for `files` over `jobs` threads: small enough to balance the load, large enough to be cheap to send. */
export function batchSize(files: number, jobs: number): number {
  return Math.max(4, Math.min(200, Math.ceil(files / (jobs * 16))));
}
