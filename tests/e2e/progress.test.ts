import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../bench/generate.js';
import { tempRootFolder } from '../helpers.js';
import { crosscheck } from './cli.js';

describe('crosscheck check --progress: the bar of a long run', () => {
  const dir = mkdtempSync(join(tempRootFolder(), 'crosscheck-progress-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('counts the articles, gives their rate and the time left once they have run a few seconds, then names each corpus check', () => {
    // Enough articles for more than the few seconds an estimate waits for, on one thread, even on a fast day.
    writeCorpus(dir, { count: 6000, seed: 8 });
    const run = crosscheck(['check', join(dir, 'articles'), '--progress', '--jobs', '1', '--format', 'json', '--out', join(dir, 'out'), '--fail-on', 'never']);
    expect(run.code).toBe(0);
    const lines = run.stderr.split(/\r\u001b\[K/).map((line) => line.trim());
    expect(lines).toContainEqual(expect.stringMatching(/^\[[#.]{20}\] \d+\/6000 articles$/));
    const estimate = lines.find((line) => /articles, /.test(line));
    expect(estimate).toMatch(/^\[[#.]{20}\] \d+\/6000 articles, \d+\/s, about \d+ (?:s|min \d\d s) left$/);
    expect(lines).toContainEqual(expect.stringMatching(/^\[[#.]{20}\] corpus check \d+\/\d+: generic\/values(?:, \d+ s)?$/));
    // The bar is cleared before the run's last words.
    expect(run.stderr).toMatch(/\r\u001b\[Kcrosscheck: wrote /);
  });
});
