import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { HEAP_GROWING_PERCENT, heapAdvice, heapGrowthFlag, PEAK_HEAP_BYTES_PER_ARTICLE } from '../../src/cli/heap.js';

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

describe('heapAdvice', () => {
  const defaultLimit = 4_345_298_944; // node 20 on a 24 GB machine

  it('says nothing while the estimated peak is within three quarters of the limit', () => {
    expect(heapAdvice(100_000, defaultLimit)).toBeUndefined();
    expect(heapAdvice(600_000, defaultLimit)).toBeUndefined();
    expect(heapAdvice(1_000_000, 16 * 2 ** 30)).toBeUndefined();
  });

  it('gives the command for a larger heap, half again the estimate in whole gigabytes', () => {
    const advice = heapAdvice(1_000_000, defaultLimit)!;
    expect(advice).toContain('1,000,000 articles may need more than node\'s heap limit (4.3 GB; about 5.3 GB for this many)');
    expect(advice).toContain('"JavaScript heap out of memory"');
    expect(advice).toMatch(/NODE_OPTIONS=--max-old-space-size=8192$/);
    const megabytes = Number(/size=(\d+)/.exec(heapAdvice(3_000_000, defaultLimit)!)![1]);
    expect(megabytes % 1024).toBe(0);
    expect(megabytes * 2 ** 20).toBeGreaterThanOrEqual(1.5 * 3_000_000 * PEAK_HEAP_BYTES_PER_ARTICLE);
  });

  it('reads the limit of the running node by default', () => {
    expect(heapAdvice(10)).toBeUndefined();
    expect(heapAdvice(100_000_000)).toContain('100,000,000 articles');
  });
});
