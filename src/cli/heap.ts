import { setFlagsFromString } from 'node:v8';

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
