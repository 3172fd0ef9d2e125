import { writeFileSync } from 'node:fs';
import { CrosscheckError } from '../model/errors.js';
import { emptyStageTimes, STAGES, type StageListener, type StageTimes } from '../parallel/stages.js';
import { threadCpuMs } from '../util/thread-cpu.js';

/** What `--stats-json` writes: stage times, the whole run's time, its CPU time (by thread where known) and peak memory, for benchmarks. */
export interface RunStats {
  jobs: number | 'auto';
  documents: number;
  /** Whether claims were kept on disk between the article stage and the corpus checks (--spill). */
  spilled: boolean;
  /** How many rules' corpus checks ran in a worker thread, beside the main thread's. */
  corpusWorkerRules: number;
  /** Milliseconds per stage; in a parallel run ingest, extract and claims are summed over the workers. */
  stages: StageTimes;
  /** From the start of the process (module loading included) to the report written. */
  totalMs: number;
  cpuMs: number;
  /**
   * `cpuMs` by thread, where the system tells a thread's own (Linux): this (main) thread, the worker
   * threads that analysed articles, and every other: V8's own threads, which compile hot code and collect
   * garbage for each thread that runs JavaScript, the read-ahead threads and a corpus worker.
   */
  threadCpuMs?: { main: number; workers: number; other: number };
  /** Peak resident memory of the process, worker threads included. */
  maxRssMb: number;
}

export interface StageRecorder {
  onStage: StageListener;
  onWorkerCpu: (ms: number) => void;
  finish: (jobs: number | 'auto', documents: number, spilled: boolean, corpusWorkerRules?: number) => RunStats;
}

/** Adds up what the pipeline says each stage took, and the CPU time of its worker threads; `finish` gives the run's stats. */
export function stageRecorder(): StageRecorder {
  const stages = emptyStageTimes();
  let workers = 0;
  return {
    onStage: (stage, ms) => {
      stages[stage] += ms;
    },
    onWorkerCpu: (ms) => {
      workers += ms;
    },
    finish: (jobs, documents, spilled, corpusWorkerRules = 0) => {
      const main = threadCpuMs();
      const usage = process.resourceUsage();
      const cpuMs = Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000);
      return {
        jobs,
        documents,
        spilled,
        corpusWorkerRules,
        stages: Object.fromEntries(STAGES.map((stage) => [stage, Math.round(stages[stage])])) as StageTimes,
        totalMs: Math.round(performance.now()),
        cpuMs,
        ...(main === undefined ? {} : { threadCpuMs: { main, workers, other: Math.max(0, cpuMs - main - workers) } }),
        maxRssMb: Math.round(usage.maxRSS / 1024),
      };
    },
  };
}

/** One line for stderr: "timings: ingest 120 ms, extract 2310 ms, … total 3.2 s, cpu 3.9 s (…), peak 210 MB". */
export function formatTimings(stats: RunStats): string {
  const stages = STAGES.filter((stage) => stage !== 'workers' || stats.stages.workers > 0).map((stage) => `${stage} ${stats.stages[stage]} ms`);
  const parallel = stats.stages.workers > 0 ? ' (ingest, extract and claims summed over worker threads)' : '';
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const threads = stats.threadCpuMs;
  const byThread = threads ? ` (main thread ${s(threads.main)}${stats.stages.workers > 0 ? `, workers ${s(threads.workers)}` : ''}, V8 and other threads ${s(threads.other)})` : '';
  return `timings: ${stages.join(', ')}; total ${s(stats.totalMs)}, cpu ${s(stats.cpuMs)}${byThread}, peak ${stats.maxRssMb} MB${stats.spilled ? ', claims kept on disk' : ''}${stats.corpusWorkerRules > 0 ? `, ${stats.corpusWorkerRules} corpus check${stats.corpusWorkerRules > 1 ? 's' : ''} in a worker` : ''}${parallel}`;
}

export function writeStats(file: string, stats: RunStats): void {
  try {
    writeFileSync(file, `${JSON.stringify(stats, null, 2)}\n`);
  } catch (error) {
    throw new CrosscheckError(`cannot write --stats-json: ${(error as Error).message}`, { file, code: 'usage', cause: error });
  }
}

/** `--jobs`: "auto" or a whole number of threads, at least 1. */
export function parseJobs(value: unknown): number | 'auto' {
  if (value === undefined || value === 'auto') return 'auto';
  const jobs = Number(value);
  if (!Number.isInteger(jobs) || jobs < 1) throw new CrosscheckError(`--jobs must be "auto" or a whole number from 1, not "${String(value)}"`, { code: 'usage' });
  return jobs;
}
