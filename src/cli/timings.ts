import { writeFileSync } from 'node:fs';
import { CrosscheckError } from '../model/errors.js';
import { emptyStageTimes, STAGES, type StageListener, type StageTimes } from '../parallel/stages.js';

/** What `--stats-json` writes: stage times, the whole run's time and peak memory, for benchmarks. */
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
  /** Peak resident memory of the process, worker threads included. */
  maxRssMb: number;
}

/** Adds up what the pipeline says each stage took; `finish` gives the run's stats. */
export function stageRecorder(): { onStage: StageListener; finish: (jobs: number | 'auto', documents: number, spilled: boolean, corpusWorkerRules?: number) => RunStats } {
  const stages = emptyStageTimes();
  return {
    onStage: (stage, ms) => {
      stages[stage] += ms;
    },
    finish: (jobs, documents, spilled, corpusWorkerRules = 0) => {
      const usage = process.resourceUsage();
      return {
        jobs,
        documents,
        spilled,
        corpusWorkerRules,
        stages: Object.fromEntries(STAGES.map((stage) => [stage, Math.round(stages[stage])])) as StageTimes,
        totalMs: Math.round(performance.now()),
        cpuMs: Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000),
        maxRssMb: Math.round(usage.maxRSS / 1024),
      };
    },
  };
}

/** One line for stderr: "timings: ingest 120 ms, extract 2310 ms, … total 3.2 s, peak 210 MB". */
export function formatTimings(stats: RunStats): string {
  const stages = STAGES.filter((stage) => stage !== 'workers' || stats.stages.workers > 0).map((stage) => `${stage} ${stats.stages[stage]} ms`);
  const parallel = stats.stages.workers > 0 ? ' (ingest, extract and claims summed over worker threads)' : '';
  return `timings: ${stages.join(', ')}; total ${(stats.totalMs / 1000).toFixed(1)} s, cpu ${(stats.cpuMs / 1000).toFixed(1)} s, peak ${stats.maxRssMb} MB${stats.spilled ? ', claims kept on disk' : ''}${stats.corpusWorkerRules > 0 ? `, ${stats.corpusWorkerRules} corpus check${stats.corpusWorkerRules > 1 ? 's' : ''} in a worker` : ''}${parallel}`;
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
