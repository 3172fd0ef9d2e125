import { spawn } from 'node:child_process';
import { tempRootFolder } from '../helpers.js';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../bench/generate.js';
import { BIN, crosscheck } from './cli.js';

const FILES = ['discrepancies.json', 'discrepancies.md', 'discrepancies.html', 'discrepancies.junit.xml'];

function run(articles: string, out: string, jobs: string, extra: string[] = []) {
  return crosscheck(['check', articles, '--format', 'json', '--format', 'markdown', '--format', 'html', '--format', 'junit', '--out', out, '--fail-on', 'never', '--jobs', jobs, ...extra]);
}

describe('crosscheck check --jobs: worker threads give the same report as one thread', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tempRootFolder(), 'crosscheck-parallel-'));
    writeCorpus(dir, { count: 200, seed: 3 });
  });

  it('writes byte-identical reports with --jobs 1 and --jobs 2 (and 3)', () => {
    const outputs = ['1', '2', '3'].map((jobs) => {
      const out = join(dir, `out-${jobs}`);
      const result = run(join(dir, 'articles'), out, jobs);
      expect(result.stderr).not.toMatch(/internal error/);
      expect(result.code).toBe(0);
      return { stdout: result.stdout, files: FILES.map((name) => readFileSync(join(out, name), 'utf8')) };
    });
    expect(outputs[1]).toEqual(outputs[0]);
    expect(outputs[2]).toEqual(outputs[0]);
    expect(JSON.parse(outputs[0]!.files[0]!).findings.length).toBeGreaterThan(10);
  });

  it('writes the same reports with the claims kept on disk (--spill always), in one thread or two, and removes them', () => {
    const scratch = mkdtempSync(join(dir, 'tmp-'));
    for (const jobs of ['1', '2']) {
      const out = join(dir, `spill-${jobs}`);
      const stats = join(dir, `spill-${jobs}.json`);
      const result = crosscheck(
        ['check', join(dir, 'articles'), '--format', 'json', '--format', 'markdown', '--format', 'html', '--format', 'junit', '--out', out, '--fail-on', 'never', '--jobs', jobs, '--spill', 'always', '--stats-json', stats, '--timings'],
        { env: { TMPDIR: scratch } },
      );
      expect(result.code).toBe(0);
      for (const name of FILES) expect(readFileSync(join(out, name), 'utf8'), `${name} with --jobs ${jobs}`).toBe(readFileSync(join(dir, 'out-1', name), 'utf8'));
      expect(readdirSync(scratch)).toEqual([]);
      // Two threads and claims on disk: the rules that read no document are checked in a worker meanwhile.
      const { corpusWorkerRules } = JSON.parse(readFileSync(stats, 'utf8')) as { corpusWorkerRules: number };
      if (jobs === '1') expect(corpusWorkerRules).toBe(0);
      else {
        expect(corpusWorkerRules).toBeGreaterThan(0);
        expect(result.stderr).toMatch(new RegExp(`, ${corpusWorkerRules} corpus checks? in a worker`));
      }
    }
    const bad = run(join(dir, 'articles'), join(dir, 'spill-bad'), '1', ['--spill', 'sometimes']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/spill/);
  });

  it('leaves no claims behind after a run stopped mid-check: the next run removes what it could not', async () => {
    const scratch = mkdtempSync(join(dir, 'tmp-'));
    const stopped = spawn(process.execPath, [BIN, 'check', join(dir, 'articles'), '--out', join(dir, 'stopped'), '--format', 'json', '--spill', 'always', '--jobs', '1', '--no-progress'], {
      env: { ...process.env, CI: 'true', TMPDIR: scratch },
      stdio: 'ignore',
    });
    const exited = new Promise<NodeJS.Signals | null>((done) => stopped.on('exit', (_code, signal) => done(signal)));
    // Ctrl-C once the run has made its folder (it is analysing, synchronously: no handler could run).
    while (readdirSync(scratch).length === 0 && stopped.exitCode === null) await new Promise((wait) => setTimeout(wait, 10));
    stopped.kill('SIGINT');
    expect(await exited).toBe('SIGINT');
    const left = readdirSync(scratch);
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(new RegExp(`^crosscheck-claims-.+-${stopped.pid}-[A-Za-z0-9]{6}$`));

    const next = crosscheck(['check', 'seeds', '--format', 'json', '--out', join(dir, 'after-stop'), '--fail-on', 'never', '--spill', 'always'], { env: { TMPDIR: scratch } });
    expect(next.code).toBe(0);
    expect(readdirSync(scratch)).toEqual([]);
  });

  it('shares the analysis cache with one thread: workers read and write the same entries, counted once', () => {
    const cache = join(dir, 'cache');
    const first = run(join(dir, 'articles'), join(dir, 'cache-1'), '2', ['--cache-dir', cache]);
    const second = run(join(dir, 'articles'), join(dir, 'cache-2'), '1', ['--cache-dir', cache]);
    expect(first.stderr).toMatch(/200 analysed, 0 from the cache/);
    expect(second.stderr).toMatch(/0 analysed, 200 from the cache/);
    expect(readFileSync(join(dir, 'cache-2', 'discrepancies.json'), 'utf8')).toBe(readFileSync(join(dir, 'out-1', 'discrepancies.json'), 'utf8'));
  });

  it('reports unreadable and duplicate articles exactly as one thread does', () => {
    const articles = join(dir, 'articles');
    mkdirSync(join(articles, 'zz'), { recursive: true });
    writeFileSync(join(articles, 'zz', '000007-fr.md'), '---\ndate: 2020-01-02\n---\nTexte.\n'); // the id of 000007-fr.txt
    writeFileSync(join(articles, 'zz', 'broken.md'), '---\ndate: not a date\n---\nTexte.\n');
    const one = run(articles, join(dir, 'bad-1'), '1');
    const two = run(articles, join(dir, 'bad-2'), '2');
    expect(one.code).toBe(2);
    expect(two.code).toBe(one.code);
    expect(two.stderr).toBe(one.stderr.replaceAll('bad-1', 'bad-2'));
    expect(one.stderr).toMatch(/already used/);
    expect(readFileSync(join(dir, 'bad-2', 'discrepancies.json'), 'utf8')).toBe(readFileSync(join(dir, 'bad-1', 'discrepancies.json'), 'utf8'));
    // Claims on disk: the same, including when a duplicate id sends the run back to one thread.
    const spilled = run(articles, join(dir, 'bad-3'), '2', ['--spill', 'always']);
    expect(spilled.code).toBe(one.code);
    expect(readFileSync(join(dir, 'bad-3', 'discrepancies.json'), 'utf8')).toBe(readFileSync(join(dir, 'bad-1', 'discrepancies.json'), 'utf8'));
  });

  it('writes stage times and peak memory with --stats-json, and rejects a bad --jobs', () => {
    const stats = join(dir, 'stats.json');
    const result = run(join(dir, 'articles'), join(dir, 'out-stats'), '2', ['--stats-json', stats, '--timings']);
    expect(result.code).toBe(2); // the broken articles of the previous test are still there
    const written = JSON.parse(readFileSync(stats, 'utf8'));
    expect(Object.keys(written.stages)).toEqual(['ingest', 'extract', 'claims', 'align', 'compare', 'report', 'workers']);
    expect(written.stages.workers).toBeGreaterThan(0);
    expect(written.maxRssMb).toBeGreaterThan(0);
    expect(result.stderr).toMatch(/timings: ingest \d+ ms/);
    if (process.platform === 'linux') {
      // CPU by thread: the worker's own time comes back with its replies.
      const { main, workers, other } = written.threadCpuMs;
      expect(main).toBeGreaterThan(0);
      expect(workers).toBeGreaterThan(0);
      expect(main + workers + other).toBeLessThanOrEqual(written.cpuMs + 20);
      expect(result.stderr).toMatch(/cpu [\d.]+ s \(main thread [\d.]+ s, workers [\d.]+ s, V8 and other threads [\d.]+ s\)/);
    }
    expect(run(join(dir, 'articles'), join(dir, 'out-bad'), '0').stderr).toMatch(/--jobs must be/);
  });
});
