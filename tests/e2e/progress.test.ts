import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../bench/generate.js';
import { ESTIMATE_AFTER_MS } from '../../src/cli/progress.js';
import { tempRootFolder } from '../helpers.js';
import { crosscheck } from './cli.js';

describe('crosscheck check --progress: the bar of a long run', () => {
  const dir = mkdtempSync(join(tempRootFolder(), 'crosscheck-progress-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('counts the articles, gives their rate and the time left once they have run a few seconds, then names each corpus check', () => {
    // Enough articles, on one thread, for more than the few seconds an estimate waits for on this project's CI
    // machine (about 4 to 7 s on 2 vCPUs); a machine fast enough to read them all sooner gets no estimate, and
    // the test then says so instead of failing.
    writeCorpus(dir, { count: 6000, seed: 8 });
    const run = crosscheck(['check', join(dir, 'articles'), '--progress', '--timings', '--jobs', '1', '--format', 'json', '--out', join(dir, 'out'), '--fail-on', 'never']);
    expect(run.code).toBe(0);
    const lines = run.stderr.split(/\r\u001b\[K/).map((line) => line.trim());
    expect(lines).toContainEqual(expect.stringMatching(/^\[[#.]{20}\] \d+\/6000 articles$/));
    // How long the articles took (one thread: the sum of their stages), from --timings.
    const stage = /timings: ingest (\d+) ms, extract (\d+) ms, claims (\d+) ms/.exec(run.stderr);
    expect(stage).not.toBeNull();
    const articlesMs = Number(stage![1]) + Number(stage![2]) + Number(stage![3]);
    const estimate = lines.find((line) => /articles, /.test(line));
    if (articlesMs >= ESTIMATE_AFTER_MS + 500) {
      expect(estimate).toMatch(/^\[[#.]{20}\] \d+\/6000 articles, \d+\/s, about \d+ (?:s|min \d\d s) left$/);
    } else if (articlesMs < ESTIMATE_AFTER_MS / 2) {
      // The stages' sum leaves out a little of the article stage's wall time: only well under 3 s is sure to be too short.
      expect(estimate, `the articles took ${articlesMs} ms: too few to estimate`).toBeUndefined();
    }
    expect(lines).toContainEqual(expect.stringMatching(/^\[[#.]{20}\] corpus check \d+\/\d+: generic\/values(?:, \d+ s)?$/));
    // The bar is cleared before the run's last words.
    expect(run.stderr).toMatch(/\r\u001b\[Kcrosscheck: (?:timings:|wrote) /);
  });
});
