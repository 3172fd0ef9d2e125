import { getHeapStatistics, setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the old generation grow past what the last full collection kept, in percent. Left to
 * itself V8 picks a factor of up to 4 on a fast machine: on 100,000 articles with one thread the live heap
 * was 0.55-0.87 GB but the process peaked at 2.07 GB, mostly garbage not yet collected. Held to 1.5 the
 * same run peaked at 1.61 GB in 154 s (173 s before, within this machine's variance), and in the bench
 * 1.52-1.56 GB; at 10,000 articles time and peak are unchanged (reports/bench.md has the current figures). Unlike a heap cap
 * (--max-old-space-size) this never turns a larger archive into an out-of-memory crash.
 */
export const HEAP_GROWING_PERCENT = 50;

/** The V8 flag the CLI sets, or null when the user chose a factor of their own (`node --heap-growing-percent=N`). */
export function heapGrowthFlag(execArgv: readonly string[]): string | null {
  const chosen = execArgv.some((arg) => /^--heap[-_]growing[-_]percent\b/.test(arg));
  return chosen ? null : `--heap-growing-percent=${HEAP_GROWING_PERCENT}`;
}

/** Sets the flag for this process and its worker threads (V8 reads it at every full collection). CLI only: a library leaves the host's heap alone. */
export function holdHeapGrowth(): void {
  const flag = heapGrowthFlag(process.execArgv);
  if (flag) setFlagsFromString(flag);
}

/**
 * What a large check keeps on V8's heap at its peak, per article: the corpus stage of the bench's 100,000
 * articles (two threads, claims on disk) held 530 MB after a full collection. The heap's limit does not
 * grow with the machine's memory (about 4.3 GB on a 24 GB machine), and a check of 1,000,000 articles
 * stopped on it ("JavaScript heap out of memory") after 24 minutes.
 */
export const PEAK_HEAP_BYTES_PER_ARTICLE = 5_300;

/**
 * Advice for a check of `articles` whose estimated peak is more than three quarters of the heap's limit:
 * the command to give node room (half again the estimate, in whole GB), or undefined when the limit is
 * ample. Said before the run starts: once V8 runs out of heap the process ends without a word of its own.
 */
export function heapAdvice(articles: number, limitBytes: number = getHeapStatistics().heap_size_limit): string | undefined {
  const estimate = articles * PEAK_HEAP_BYTES_PER_ARTICLE;
  if (estimate <= 0.75 * limitBytes) return undefined;
  const megabytes = Math.ceil((1.5 * estimate) / 2 ** 30) * 1024;
  const gb = (bytes: number) => `${(bytes / 1e9).toFixed(1)} GB`;
  return (
    `${articles.toLocaleString('en-US')} articles may need more than node's heap limit (${gb(limitBytes)}; about ${gb(estimate)} for this many): ` +
    `if the run stops with "JavaScript heap out of memory", run it again with NODE_OPTIONS=--max-old-space-size=${megabytes}`
  );
}
