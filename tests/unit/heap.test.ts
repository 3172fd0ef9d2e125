import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { currentHeapSituation, HEAP_GROWING_PERCENT, heapGrowthFlag, heapPlan, PEAK_HEAP_BYTES_PER_ARTICLE, RELAUNCHED_ENV, type HeapSituation } from '../../src/cli/heap.js';

describe('heapGrowthFlag', () => {
  it('holds heap growth unless the user set a factor', () => {
    expect(heapGrowthFlag([])).toBe(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
    expect(heapGrowthFlag(['--enable-source-maps'])).toBe(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
    expect(heapGrowthFlag(['--heap-growing-percent=20'])).toBeNull();
    expect(heapGrowthFlag(['--heap_growing_percent=0'])).toBeNull();
  });

  it('is a flag this Node accepts', () => {
    // An unknown flag makes node exit with "bad option"; a known one runs the script.
    const out = execFileSync(process.execPath, [heapGrowthFlag([])!, '-e', 'process.stdout.write("ran")'], { encoding: 'utf8' });
    expect(out).toBe('ran');
  });
});

describe('heapPlan', () => {
  const GB = 2 ** 30;
  const machine: HeapSituation = { limitBytes: 4_345_298_944, totalMemoryBytes: 24 * GB, perArticle: PEAK_HEAP_BYTES_PER_ARTICLE, heapChosen: false, relaunchable: true };

  it('does nothing while the estimated peak is within three quarters of the limit', () => {
    expect(heapPlan(100_000, machine)).toEqual({});
    expect(heapPlan(600_000, machine)).toEqual({});
    expect(heapPlan(1_000_000, { ...machine, limitBytes: 16 * GB })).toEqual({});
  });

  it('starts the check again with half again the estimate, in whole gigabytes, when the machine has the memory', () => {
    const plan = heapPlan(1_000_000, machine);
    expect(plan.relaunchMegabytes).toBe(8192);
    expect(plan.message).toBe(
      "1,000,000 articles may need more than node's heap limit (4.3 GB; about 5.3 GB for this many): starting again with --max-old-space-size=8192 (set NODE_OPTIONS=--max-old-space-size=M to choose M yourself)",
    );
    const large = heapPlan(3_000_000, { ...machine, totalMemoryBytes: 64 * GB }).relaunchMegabytes!;
    expect(large % 1024).toBe(0);
    expect(large * 2 ** 20).toBeGreaterThanOrEqual(1.5 * 3_000_000 * PEAK_HEAP_BYTES_PER_ARTICLE);
    // Longer articles: the figure per article from the environment.
    expect(heapPlan(100_000, { ...machine, perArticle: 60_000 }).relaunchMegabytes).toBe(9216);
  });

  it('only advises when the user chose a heap, the machine lacks the memory, or the process cannot start again', () => {
    const chosen = heapPlan(1_000_000, { ...machine, heapChosen: true });
    expect(chosen.relaunchMegabytes).toBeUndefined();
    expect(chosen.message).toMatch(/\(the heap size you gave node is less than that\): if the run stops with "JavaScript heap out of memory", run it again with NODE_OPTIONS=--max-old-space-size=8192$/);
    const small = heapPlan(1_000_000, { ...machine, totalMemoryBytes: 8 * GB });
    expect(small.relaunchMegabytes).toBeUndefined();
    expect(small.message).toMatch(/\(this machine has 8\.6 GB of memory\): .*--max-old-space-size=8192 on a machine with more memory$/);
    const library = heapPlan(1_000_000, { ...machine, relaunchable: false });
    expect(library.relaunchMegabytes).toBeUndefined();
    expect(library.message).toMatch(/about 5\.3 GB for this many\): if the run stops/);
  });

  it('reads the situation of the running node', () => {
    const situation = currentHeapSituation(true, {});
    expect(situation.limitBytes).toBeGreaterThan(0);
    expect(situation.perArticle).toBe(PEAK_HEAP_BYTES_PER_ARTICLE);
    expect(currentHeapSituation(true, { CROSSCHECK_HEAP_PER_ARTICLE: '9000' }).perArticle).toBe(9000);
    expect(currentHeapSituation(true, { CROSSCHECK_HEAP_PER_ARTICLE: 'lots' }).perArticle).toBe(PEAK_HEAP_BYTES_PER_ARTICLE);
    expect(currentHeapSituation(true, { NODE_OPTIONS: '--max-old-space-size=9000' }).heapChosen).toBe(true);
    expect(currentHeapSituation(true, { [RELAUNCHED_ENV]: '1' }).relaunchable).toBe(false);
    expect(currentHeapSituation(false, {}).relaunchable).toBe(false);
  });

  it('sizes every thread: a worker gets the heap limit node was started with (the relaunch covers the workers)', () => {
    const script = [
      "const { Worker } = require('node:worker_threads');",
      "const limit = () => require('node:v8').getHeapStatistics().heap_size_limit;",
      "const worker = new Worker(`require('node:worker_threads').parentPort.postMessage((${limit})())`, { eval: true });",
      "worker.once('message', (inWorker) => { process.stdout.write(JSON.stringify([limit(), inWorker])); worker.terminate(); });",
    ].join('\n');
    const [main, worker] = JSON.parse(execFileSync(process.execPath, ['--max-old-space-size=1000', '-e', script], { encoding: 'utf8' })) as [number, number];
    // The flag's 1,000 MB (plus the young generation), not the default (about 4.3 GB on 24 GB).
    expect(main).toBeGreaterThanOrEqual(1000 * 2 ** 20);
    expect(main).toBeLessThan(1200 * 2 ** 20);
    expect(worker).toBe(main);
  });
});
