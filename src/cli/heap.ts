import { spawn } from 'node:child_process';
import { constants, totalmem } from 'node:os';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

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
 * What a large check keeps on V8's heap at its peak, per article and thread: the corpus stage of the bench's
 * 100,000 articles (two threads, claims on disk) held 530 MB after a full collection, when the main thread
 * checked every rule. Measured again on 2026-11-24 (`--trace-gc`, the most a full collection kept): one
 * thread 435 MB; two threads 323 MB in the main thread, 296 MB in the corpus worker and about 20 MB in the
 * article worker. Every thread has a heap of its own, with the same limit (`--max-old-space-size` sets it
 * for workers too), so the figure that matters is the largest thread's, and this one still covers it.
 * The heap's limit does not grow with the machine's memory (about 4.3 GB on a 24 GB machine), and a check
 * of 1,000,000 articles stopped on it ("JavaScript heap out of memory") after 24 minutes. Articles much
 * longer than news stories need more: `CROSSCHECK_HEAP_PER_ARTICLE` (bytes) replaces this figure.
 */
export const PEAK_HEAP_BYTES_PER_ARTICLE = 5_300;

/** Set in the environment of a check the CLI started again with a larger heap (it is never started a third time). */
export const RELAUNCHED_ENV = 'CROSSCHECK_HEAP_RELAUNCHED';

/** What the CLI does about the heap before a check of so many articles. */
export interface HeapPlan {
  /** Start the check again in a node with this heap (MB), when the machine has the memory and the user set no heap. */
  relaunchMegabytes?: number;
  /** What to say on stderr first. */
  message?: string;
}

export interface HeapSituation {
  limitBytes: number;
  /** The machine's memory. */
  totalMemoryBytes: number;
  /** Bytes per article at the peak. */
  perArticle: number;
  /** The user gave node a heap size (`--max-old-space-size` in node's arguments or NODE_OPTIONS). */
  heapChosen: boolean;
  /** This process is already the one started again, or the caller cannot start the CLI again (a library host, a test). */
  relaunchable: boolean;
}

/** The heap situation of this process, from node, the machine and the environment. */
export function currentHeapSituation(relaunchable: boolean, env: NodeJS.ProcessEnv = process.env): HeapSituation {
  const chosenFlag = /--max[-_]old[-_]space[-_]size\b/;
  const perArticle = Number(env.CROSSCHECK_HEAP_PER_ARTICLE);
  return {
    limitBytes: getHeapStatistics().heap_size_limit,
    totalMemoryBytes: totalmem(),
    perArticle: Number.isFinite(perArticle) && perArticle > 0 ? perArticle : PEAK_HEAP_BYTES_PER_ARTICLE,
    heapChosen: process.execArgv.some((arg) => chosenFlag.test(arg)) || chosenFlag.test(env.NODE_OPTIONS ?? ''),
    relaunchable: relaunchable && env[RELAUNCHED_ENV] === undefined,
  };
}

const gb = (bytes: number) => `${(bytes / 1e9).toFixed(1)} GB`;

/**
 * Before a check of `articles` whose estimated peak is more than three quarters of the heap's limit: start
 * it again in a node with half again the estimate (whole GB), when the machine's memory holds that and a
 * quarter more (what is kept outside the heap) and the user chose no heap size; else say so, with the
 * command. Once V8 runs out of heap the process ends without a word of its own, after most of the work.
 */
export function heapPlan(articles: number, situation: HeapSituation): HeapPlan {
  const estimate = articles * situation.perArticle;
  if (estimate <= 0.75 * situation.limitBytes) return {};
  const megabytes = Math.ceil((1.5 * estimate) / 2 ** 30) * 1024;
  const need = `${articles.toLocaleString('en-US')} articles may need more than node's heap limit (${gb(situation.limitBytes)}; about ${gb(estimate)} for this many)`;
  const fits = 1.25 * megabytes * 2 ** 20 <= situation.totalMemoryBytes;
  if (fits && situation.relaunchable && !situation.heapChosen) {
    return { relaunchMegabytes: megabytes, message: `${need}: starting again with --max-old-space-size=${megabytes} (set NODE_OPTIONS=--max-old-space-size=M to choose M yourself)` };
  }
  const why = situation.heapChosen ? 'the heap size you gave node is less than that' : !fits ? `this machine has ${gb(situation.totalMemoryBytes)} of memory` : undefined;
  return {
    message: `${need}${why ? ` (${why})` : ''}: if the run stops with "JavaScript heap out of memory", run it again with NODE_OPTIONS=--max-old-space-size=${megabytes}${!fits ? ' on a machine with more memory' : ''}`,
  };
}

/**
 * A full garbage collection now, so that this process, which only waits while its child runs the check,
 * gives back at once what listing the files took: with a million files it held 0.8 GB (RSS) 20 s into
 * the child's run, until V8's memory reducer collected, and 0.16 GB after.
 */
function collectGarbage(): void {
  try {
    setFlagsFromString('--expose-gc');
    (runInNewContext('gc') as () => void)();
  } catch {
    // Only memory: the check runs the same without it.
  }
}

/** Thrown before a check's work starts, to run the same command again in a node with a larger heap. */
export class HeapRelaunch extends Error {
  constructor(readonly megabytes: number) {
    super(`start again with --max-old-space-size=${megabytes}`);
    this.name = 'HeapRelaunch';
  }
}

/**
 * Runs this CLI's command again in a child node with `nodeArgs` added, its standard streams the same, and
 * resolves to its exit code. A signal sent to this process is passed on; a child ended by a signal ends
 * this process by the same signal.
 */
export function relaunch(nodeArgs: readonly string[]): Promise<number> {
  collectGarbage();
  const child = spawn(process.execPath, [...process.execArgv, ...nodeArgs, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, [RELAUNCHED_ENV]: '1' },
  });
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  for (const signal of signals) process.on(signal, forward);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      for (const s of signals) process.off(s, forward);
      if (signal) {
        process.kill(process.pid, signal);
        resolve(128 + (constants.signals[signal] ?? 0));
      } else resolve(code ?? 1);
    });
  });
}
