import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatTimings, stageRecorder, type RunStats } from '../../src/cli/timings.js';
import { threadCpuMs } from '../../src/util/thread-cpu.js';

const dir = mkdtempSync(join(tmpdir(), 'crosscheck-timings-'));

describe('threadCpuMs', () => {
  it('reads user and system ticks after the thread name, even a name with spaces and parentheses', () => {
    const stat = join(dir, 'stat');
    // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime …
    writeFileSync(stat, '4242 (node (worker) 1) R 1 4242 4242 0 -1 4194304 100 0 0 0 1234 56 0 0 20 0 9 0\n');
    expect(threadCpuMs(stat)).toBe((1234 + 56) * 10);
  });

  it('is undefined where there is no such file, or it does not read as one', () => {
    expect(threadCpuMs(join(dir, 'missing'))).toBeUndefined();
    const garbled = join(dir, 'garbled');
    writeFileSync(garbled, 'not a stat line');
    expect(threadCpuMs(garbled)).toBeUndefined();
  });

  it.runIf(process.platform === 'linux')('counts this thread\'s own time on Linux, and it grows with work', () => {
    const before = threadCpuMs()!;
    expect(before).toBeGreaterThanOrEqual(0);
    const until = performance.now() + 150;
    let spin = 0;
    while (performance.now() < until) spin += 1;
    expect(spin).toBeGreaterThan(0);
    // Ticks of 10 ms: 150 ms of work shows as at least 100.
    expect(threadCpuMs()! - before).toBeGreaterThanOrEqual(100);
  });
});

describe('timings', () => {
  const stats = (threads?: RunStats['threadCpuMs'], workers = 0): RunStats => ({
    jobs: 2,
    documents: 10,
    spilled: false,
    corpusWorkerRules: 0,
    stages: { ingest: 1, extract: 2, claims: 3, align: 4, compare: 5, report: 6, workers },
    totalMs: 14_100,
    cpuMs: 26_400,
    ...(threads ? { threadCpuMs: threads } : {}),
    maxRssMb: 523,
  });

  it('splits the CPU time by thread when it is known', () => {
    const line = formatTimings(stats({ main: 10_300, workers: 8_800, other: 7_300 }, 12_181));
    expect(line).toContain('total 14.1 s, cpu 26.4 s (main thread 10.3 s, workers 8.8 s, V8 and other threads 7.3 s), peak 523 MB');
    expect(line).toContain('workers 12181 ms');
  });

  it('names no workers in a run without them, and no threads where they are not known', () => {
    expect(formatTimings(stats({ main: 20_000, workers: 0, other: 6_400 }))).toContain('cpu 26.4 s (main thread 20.0 s, V8 and other threads 6.4 s), peak');
    expect(formatTimings(stats())).toContain('cpu 26.4 s, peak 523 MB');
  });

  it('adds the workers\' CPU it is told to the run\'s stats, and counts the rest as other threads', () => {
    const recorder = stageRecorder();
    recorder.onWorkerCpu(40);
    recorder.onWorkerCpu(2);
    const run = recorder.finish(2, 3, false);
    if (process.platform !== 'linux') return expect(run.threadCpuMs).toBeUndefined();
    expect(run.threadCpuMs!.workers).toBe(42);
    expect(run.threadCpuMs!.main).toBeGreaterThan(0);
    expect(run.threadCpuMs!.other).toBe(Math.max(0, run.cpuMs - run.threadCpuMs!.main - 42));
  });
});
