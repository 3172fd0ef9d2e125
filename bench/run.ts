/**
 * `npm run bench`: the cost of `crosscheck check` on generated archives of N articles, and its accuracy.
 * For each size: the corpus (generated once, kept under the cache folder), the real CLI end to end in a
 * subprocess with --jobs 1 and --jobs 2 (wall time, CPU time, stage times, peak RSS via --stats-json),
 * the two reports compared byte for byte, a CI re-check with a warm `--cache` (filled by one run, then timed),
 * chrono-node and a word tokeniser on the same text (bench/peers.ts), and precision/recall against the
 * generator's gold. When 10k and 100k are both measured, 10k once more with its claims on disk, as 100k keeps
 * them by default (growth at equal storage). Then one long article: the English articles of the largest corpus
 * joined into one file of up to --long-max articles (default 2000, about 3.4 MB), at 1/8, 1/4, 1/2 and all of it,
 * to show that the cost of a document grows with its length, not its square. Writes reports/bench.md.
 *
 *   npm run bench                                   # 1k and 10k articles
 *   BENCH_SIZES=1000,10000,100000 npm run bench     # or: npm run bench -- --sizes 1000,10000,100000
 *   options: --seed N, --cache DIR (default /tmp/crosscheck-bench), --out FILE, --repeat K (median of K runs),
 *            --off RULE[,RULE] (switch rules off through a config file), --append (add a section to --out),
 *            --pair-max N (two 1-thread runs at once, the machine's 2-core ceiling, up to N articles; default 10000),
 *            --long-max N (articles joined into the longest single file; default 2000, 0 to skip)
 *   NODE_OPTIONS (e.g. --max-old-space-size=8192) reaches the checked CLI and is printed in the report.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { countArticles, DEFAULT_SEED, GENERATOR_VERSION, writeCorpus, type Gold } from './generate.js';
import type { PeerResults } from './peers.js';
import { scoreFindings, type Score, type ScoredFinding } from './score.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'dist', 'cli', 'main.js');
const PEERS = join(ROOT, 'dist-bench', 'peers.js');
const STAGES = ['ingest', 'extract', 'claims', 'align', 'compare', 'report'] as const;

interface RunStats {
  stages: Record<(typeof STAGES)[number] | 'workers', number>;
  totalMs: number;
  cpuMs: number;
  /** CPU by thread (Linux): the main thread, the article workers, all others (V8's compiler and collector, read-ahead). */
  threadCpuMs?: { main: number; workers: number; other: number };
  maxRssMb: number;
  /** Claims kept on disk between the article and corpus stages (`--spill auto` from 20,000 articles). */
  spilled?: boolean;
}

/** One `crosscheck check` run: its figures, or why it failed (out of memory, a crash). */
type CheckRun =
  | { jobs: number; wallMs: number; ok: true; stats: RunStats; report: string; findings: ScoredFinding[] }
  | { jobs: number; wallMs: number; ok: false; failure: string };

interface SizeResult {
  size: number;
  gold: Gold;
  /** With --jobs 1, then --jobs 2. */
  runs: [CheckRun, CheckRun];
  /** Wall time of two --jobs 1 runs started at once (the machine's own 2-core ceiling), when measured. */
  pairMs?: number;
  /** --jobs 1 with --cache-dir: the run that fills the cache, then the median of the runs that read it. */
  cached: { fill: CheckRun; warm: CheckRun; identical: boolean };
  identical: boolean;
  /** --jobs 1 with --spill always, when this size's default run kept claims in memory and a larger size's spilled (see spilledRun). */
  spilled?: CheckRun;
  peers: PeerResults;
  /** Against the gold, from the first run that finished. */
  score?: Score;
  byRule: Array<{ ruleId: string; findings: number; truePositives: number; gold: number; found: number }>;
}

function option(argv: string[], name: string): string | undefined {
  const at = argv.indexOf(`--${name}`);
  return at >= 0 ? argv[at + 1] : undefined;
}

/** One file made of `articles` articles joined, checked alone with one thread. */
interface LongRun {
  articles: number;
  bytes: number;
  run: CheckRun;
}

/**
 * The English articles of `corpusDir` joined into one file, at 1/8, 1/4, 1/2 and all of `longMax` articles
 * (fewer when the corpus has fewer), each checked alone with one thread: a transcript, a live blog or a
 * report is one document of megabytes, and its cost should grow with its length, not its square.
 */
function benchLong(corpusDir: string, longMax: number, repeat: number, off: readonly string[]): LongRun[] {
  const articles = join(corpusDir, 'articles');
  const english = readdirSync(articles).filter((name) => name.endsWith('-en.txt')).sort();
  const most = Math.min(longMax, english.length);
  const counts = [...new Set([8, 4, 2, 1].map((part) => Math.floor(most / part)))].filter((count) => count >= 1);
  const scratch = mkdtempSync(join(tmpdir(), 'crosscheck-bench-'));
  try {
    const config = offConfig(scratch, off);
    return counts.map((count) => {
      const dir = join(scratch, `long-${count}`);
      mkdirSync(dir);
      const text = english
        .slice(0, count)
        .map((name) => readFileSync(join(articles, name), 'utf8'))
        .join('\n');
      writeFileSync(join(dir, 'long-en.txt'), text);
      const run = median(Array.from({ length: repeat }, () => runCheck(dir, 1, scratch, config)), (r) => (r.ok ? r.wallMs : Infinity));
      const bytes = Buffer.byteLength(text);
      log(`one article of ${count} joined (${mb(bytes).toFixed(1)} MB): ${run.ok ? `${seconds(run.wallMs)} s wall, ${run.stats.maxRssMb} MB peak` : `failed: ${run.failure}`}`);
      return { articles: count, bytes, run };
    });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The corpus of `size` articles for `seed`, generated unless the cache already holds this exact one. */
function corpus(cacheDir: string, size: number, seed: number): { dir: string; gold: Gold } {
  const dir = join(cacheDir, `${seed}-${size}`);
  const goldFile = join(dir, 'gold.json');
  if (existsSync(goldFile) && countArticles(dir) === size) {
    const gold = JSON.parse(readFileSync(goldFile, 'utf8')) as Gold;
    if (gold.version === GENERATOR_VERSION && gold.seed === seed && gold.count === size) return { dir, gold };
  }
  log(`  generating ${size} articles in ${dir}`);
  return { dir, gold: writeCorpus(dir, { count: size, seed }) };
}

function runCheck(articles: string, jobs: number, scratch: string, config: string | undefined, cacheDir?: string, extra: readonly string[] = []): CheckRun {
  const out = join(scratch, `out-${jobs}`);
  const statsFile = join(scratch, `stats-${jobs}.json`);
  rmSync(out, { recursive: true, force: true });
  rmSync(statsFile, { force: true });
  const started = performance.now();
  const child = spawnSync(
    process.execPath,
    [CLI, 'check', articles, '--format', 'json', '--out', out, '--fail-on', 'never', '--no-progress', '--jobs', String(jobs), '--stats-json', statsFile, ...(config ? ['--config', config] : []), ...(cacheDir ? ['--cache-dir', cacheDir] : []), ...extra],
    { encoding: 'utf8', env: { ...process.env, CI: 'true', NO_COLOR: '1' }, maxBuffer: 1 << 26 },
  );
  const wallMs = performance.now() - started;
  if (child.status !== 0) {
    const why = /heap out of memory/.test(child.stderr) ? 'out of memory (V8 heap limit)' : (child.stderr.trim().split('\n').pop() ?? `exit ${child.status}`);
    return { jobs, wallMs, ok: false, failure: `${why} after ${seconds(wallMs)} s` };
  }
  const report = readFileSync(join(out, 'discrepancies.json'), 'utf8');
  const stats = JSON.parse(readFileSync(statsFile, 'utf8')) as RunStats;
  return { jobs, wallMs, ok: true, stats, report, findings: (JSON.parse(report) as { findings: ScoredFinding[] }).findings };
}

/**
 * Two `--jobs 1` checks of the same corpus at once, as separate processes that share nothing: the wall time
 * of the pair. Two independent cores would finish the pair as fast as one run alone; the ratio measured is
 * the most any 2-thread run can gain on this machine.
 */
function runPair(articles: string, scratch: string, config: string | undefined): number | undefined {
  const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;
  const command = (k: number) =>
    [process.execPath, CLI, 'check', articles, '--format', 'json', '--out', join(scratch, `pair-${k}`), '--fail-on', 'never', '--no-progress', '--jobs', '1', ...(config ? ['--config', config] : [])]
      .map(quote)
      .join(' ');
  const started = performance.now();
  const child = spawnSync('/bin/sh', ['-c', `${command(1)} >/dev/null 2>&1 & ${command(2)} >/dev/null 2>&1 & wait`], { env: { ...process.env, CI: 'true', NO_COLOR: '1' } });
  const wallMs = performance.now() - started;
  const bothWrote = [1, 2].every((k) => existsSync(join(scratch, `pair-${k}`, 'discrepancies.json')));
  return child.status === 0 && bothWrote ? wallMs : undefined;
}

function median<T>(items: T[], key: (item: T) => number): T {
  return [...items].sort((a, b) => key(a) - key(b))[Math.floor((items.length - 1) / 2)]!;
}

function runPeers(articles: string): PeerResults {
  const child = spawnSync(process.execPath, [PEERS, articles], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (child.status !== 0) throw new Error(`peers exited ${child.status}:\n${child.stderr}`);
  return JSON.parse(child.stdout) as PeerResults;
}

function benchSize(size: number, seed: number, cacheDir: string, repeat: number, off: readonly string[], pairMax: number): SizeResult {
  log(`N = ${size}`);
  const { dir, gold } = corpus(cacheDir, size, seed);
  const articles = join(dir, 'articles');
  const scratch = mkdtempSync(join(tmpdir(), 'crosscheck-bench-'));
  const config = offConfig(scratch, off);
  try {
    const runs = [1, 2].map((jobs) => {
      const attempts = Array.from({ length: repeat }, () => runCheck(articles, jobs, scratch, config));
      const chosen = median(attempts, (r) => (r.ok ? r.wallMs : Infinity));
      log(`  --jobs ${jobs}: ${chosen.ok ? `${seconds(chosen.wallMs)} s wall, ${seconds(chosen.stats.cpuMs)} s cpu, ${chosen.stats.maxRssMb} MB peak` : `failed: ${chosen.failure}`}`);
      return chosen;
    }) as [CheckRun, CheckRun];
    const pairMs = size <= pairMax ? runPair(articles, scratch, config) : undefined;
    if (pairMs !== undefined) log(`  two --jobs 1 runs at once: ${seconds(pairMs)} s wall`);
    const analysisCache = join(scratch, 'analysis-cache');
    const fill = runCheck(articles, 1, scratch, config, analysisCache);
    const warm = median(Array.from({ length: repeat }, () => runCheck(articles, 1, scratch, config, analysisCache)), (r) => (r.ok ? r.wallMs : Infinity));
    const cached = { fill, warm, identical: runs[0].ok && fill.ok && warm.ok && fill.report === runs[0].report && warm.report === runs[0].report };
    log(`  --cache: filling ${fill.ok ? `${seconds(fill.wallMs)} s` : fill.failure}, warm ${warm.ok ? `${seconds(warm.wallMs)} s wall, ${warm.stats.maxRssMb} MB peak` : warm.failure}`);
    const peers = runPeers(articles);
    log(`  chrono-node ${seconds(peers.chrono.wallMs)} s, time grammar alone ${seconds(peers.timeGrammar.wallMs)} s, Intl.Segmenter ${seconds(peers.segmenter.wallMs)} s, \\p{L}+ ${seconds(peers.regex.wallMs)} s`);
    const finished = runs.find((r) => r.ok);
    const score = finished?.ok ? scoreFindings(finished.findings, gold) : undefined;
    if (score) log(`  precision ${score.precision.toFixed(3)}, recall ${score.recall.toFixed(3)} (${score.findings} findings, ${score.gold} gold)`);
    const [one, two] = runs;
    const identical = one.ok && two.ok && one.report === two.report;
    return { size, gold, runs, pairMs, cached, identical, peers, score, byRule: finished?.ok ? scoreByRule(finished.findings, gold) : [] };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** A config file that switches the rules `off` off, in `scratch`; none when no rule is. */
function offConfig(scratch: string, off: readonly string[]): string | undefined {
  if (off.length === 0) return undefined;
  const config = join(scratch, 'crosscheck.config.json');
  writeFileSync(config, JSON.stringify({ severity: Object.fromEntries(off.map((id) => [id, 'off'])) }));
  return config;
}

/**
 * The 1-thread check of `result`'s corpus with its claims on disk (`--spill always`), for a size whose default
 * run kept them in memory: the like-for-like first term of a scaling ratio whose larger size spilled.
 */
function spilledRun(result: SizeResult, seed: number, cacheDir: string, repeat: number, off: readonly string[]): CheckRun {
  const articles = join(corpus(cacheDir, result.size, seed).dir, 'articles');
  const scratch = mkdtempSync(join(tmpdir(), 'crosscheck-bench-'));
  try {
    const config = offConfig(scratch, off);
    const run = median(Array.from({ length: repeat }, () => runCheck(articles, 1, scratch, config, undefined, ['--spill', 'always'])), (r) => (r.ok ? r.wallMs : Infinity));
    log(`N = ${result.size}, claims on disk: ${run.ok ? `${seconds(run.wallMs)} s wall, ${run.stats.maxRssMb} MB peak` : `failed: ${run.failure}`}`);
    return run;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function scoreByRule(findings: readonly ScoredFinding[], gold: Gold): SizeResult['byRule'] {
  const rules = [...new Set([...findings.map((f) => f.ruleId), ...gold.conflicts.map((c) => c.ruleId)])].sort();
  return rules.map((ruleId) => {
    const own = findings.filter((f) => f.ruleId === ruleId);
    const goldOwn = gold.conflicts.filter((c) => c.ruleId === ruleId);
    const score = scoreFindings(own, { conflicts: gold.conflicts });
    const found = goldOwn.length - scoreFindings(findings, { conflicts: goldOwn }).missed.length;
    return { ruleId, findings: own.length, truePositives: score.truePositives, gold: goldOwn.length, found };
  });
}

// ---------------------------------------------------------------------------------------------------------
// The report

const mb = (bytes: number) => bytes / 1e6;
/** 0.42 → "42% more", -0.13 → "13% less" (a run of this VM can beat the one it is compared with). */
function moreOrLess(ratio: number): string {
  const percent = Math.abs(ratio * 100).toFixed(0);
  return ratio < 0 ? `${percent}% less` : `${percent}% more`;
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(ms < 10_000 ? 2 : 1);
}
const rate = (bytes: number, ms: number) => (mb(bytes) / (ms / 1000)).toFixed(2);
const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');
/** A figure of a run, or "failed" when it did not finish. */
const figure = (run: CheckRun, show: (run: Extract<CheckRun, { ok: true }>) => string) => (run.ok ? show(run) : `failed (${run.failure})`);

/** Wall, cpu, MB/s and peak RSS of a run; a run that failed says why in the first cell. */
function runCells(run: CheckRun, bytes: number): string[] {
  if (!run.ok) return [`failed: ${run.failure}`, '–', '–', '–'];
  return [`${seconds(run.wallMs)} s`, `${seconds(run.stats.cpuMs)} s`, rate(bytes, run.wallMs), `${run.stats.maxRssMb} MB`];
}

function markdown(
  results: SizeResult[],
  context: { seed: number; loadBefore: number[]; loadAfter: number[]; started: Date; repeat: number; off: readonly string[]; title: boolean; long: readonly LongRun[] },
): string {
  const lines: string[] = [];
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const rules = context.off.length > 0 ? `the bundled rules without ${context.off.join(', ')}` : 'the bundled rules';
  if (context.title) lines.push('# Benchmark: `crosscheck check` on generated archives', '');
  lines.push(
    `## Run: ${results.map((r) => r.size).join(', ')} articles, ${rules}`,
    '',
    `Generated by \`npm run bench\` (bench/run.ts) on ${context.started.toISOString().slice(0, 10)}: ${availableParallelism()} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}${process.env.NODE_OPTIONS ? ` (NODE_OPTIONS=${process.env.NODE_OPTIONS})` : ''}; ${rules}. ` +
      `Corpora from bench/generate.ts (seed ${context.seed}); each figure is the median of ${context.repeat} run(s). ` +
      `Load average before/after: ${context.loadBefore.map((l) => l.toFixed(1)).join(' ')} / ${context.loadAfter.map((l) => l.toFixed(1)).join(' ')} ` +
      '(other work on the machine slows wall-clock figures, the 2-thread ones most).',
    '',
    '### End to end',
    '',
    'The real CLI in a subprocess (`check <dir> --format json --out … --jobs J --stats-json …`): process start, reading, analysis, corpus checks and the JSON report written. MB/s is corpus bytes over wall time; cpu counts every thread of the process (V8 compiles and collects garbage on threads of its own).',
    '',
    '| articles | MB | 1 thread: wall | cpu | MB/s | peak RSS | 2 threads: wall | cpu | MB/s | peak RSS | speed-up | same report |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: |',
  );
  for (const r of results) {
    const [one, two] = r.runs;
    const speedUp = one.ok && two.ok ? `${(one.wallMs / two.wallMs).toFixed(2)}×` : '–';
    const cells = [r.size, mb(r.gold.bytes).toFixed(1), ...runCells(one, r.gold.bytes), ...runCells(two, r.gold.bytes), speedUp, r.identical ? 'yes' : one.ok && two.ok ? '**no**' : '–'];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  const paired = results.filter((r) => r.pairMs !== undefined && r.runs[0].ok);
  if (paired.length > 0) {
    lines.push(
      '',
      '### What two cores give on this machine',
      '',
      'Two 1-thread checks of the same corpus started at once, as separate processes that share nothing. On two independent cores each would take as long as alone, and the pair would do twice the work per second; the ratio measured is the most any 2-thread run can gain here (a 1-thread run already keeps part of the second core busy with V8\'s compiler and garbage-collector threads, and the two cores share caches and memory bandwidth).',
      '',
      '| articles | 1 thread alone | two at once (wall) | work per second, two at once vs one | 2-thread run (above) |',
      '| ---: | ---: | ---: | ---: | ---: |',
    );
    for (const r of paired) {
      const [one, two] = r.runs as [Extract<CheckRun, { ok: true }>, CheckRun];
      lines.push(`| ${r.size} | ${seconds(one.wallMs)} s | ${seconds(r.pairMs!)} s | ${((2 * one.wallMs) / r.pairMs!).toFixed(2)}× | ${two.ok ? `${(one.wallMs / two.wallMs).toFixed(2)}×` : '–'} |`);
    }
  }
  lines.push(
    '',
    '### A CI re-check: warm `--cache`, 1 thread',
    '',
    'The same check with `--cache-dir`: one run fills the cache (every article analysed, its entry written), then the runs timed read every article and the cache entries instead of analysing them; alignment, comparison and the report still run in full. This is the cost of re-checking an archive where few articles changed.',
    '',
    '| articles | filling the cache | warm: wall | cpu | MB/s | peak RSS | warm vs no cache | same report |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: |',
  );
  for (const r of results) {
    const { fill, warm, identical } = r.cached;
    const [one] = r.runs;
    const faster = one.ok && warm.ok ? `${(one.wallMs / warm.wallMs).toFixed(2)}×` : '–';
    lines.push(`| ${r.size} | ${figure(fill, (run) => `${seconds(run.wallMs)} s`)} | ${runCells(warm, r.gold.bytes).join(' | ')} | ${faster} | ${identical ? 'yes' : '**no**'} |`);
  }
  lines.push('', '### Stages (1 thread)', '', 'Milliseconds per stage, from `--stats-json`; "other" is process start, loading the rules, listing files, suppressions and selection.', '');
  lines.push(
    'The default `--spill auto` keeps claims on disk between the article stage and the corpus checks from 20,000 articles on ("claims" column); writing them counts in claims, reading them back in align and compare. ' +
      'When a run measures both 10k (in memory) and 100k (on disk), 10k is also run with `--spill always`, so that growth can be read at equal storage.',
    '',
  );
  lines.push(`| articles | claims | ${STAGES.join(' | ')} | other | total |`, `| ---: | :---: | ${STAGES.map(() => '---:').join(' | ')} | ---: | ---: |`);
  for (const r of results) {
    const one = r.runs[0];
    if (!one.ok) {
      lines.push(`| ${r.size} | – | ${STAGES.map(() => '–').join(' | ')} | – | failed (${one.failure}) |`);
      continue;
    }
    lines.push(stageRow(r.size, one.stats.spilled ? 'disk' : 'memory', one.stats));
    if (r.spilled?.ok) lines.push(stageRow(r.size, 'disk (`--spill always`)', r.spilled.stats));
  }
  lines.push('', 'With 2 threads, reading, extraction and claims run in the workers; the corpus stages (align, compare, report) stay on the main thread:', '');
  lines.push('| articles | workers (wall) | ingest+extract+claims summed over workers | align | compare | report | total |', '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of results) {
    const two = r.runs[1];
    if (!two.ok) {
      lines.push(`| ${r.size} | – | – | – | – | – | failed (${two.failure}) |`);
      continue;
    }
    const s = two.stats.stages;
    lines.push(`| ${r.size} | ${s.workers} | ${s.ingest + s.extract + s.claims} | ${s.align} | ${s.compare} | ${s.report} | ${two.stats.totalMs} |`);
  }
  if (results.some((r) => r.runs.some((run) => run.ok && run.stats.threadCpuMs))) {
    lines.push(
      '',
      '### CPU by thread',
      '',
      "Seconds of CPU, from `--stats-json` (Linux: each thread's own time): the main thread, the worker threads that analyse articles, and every other thread, mostly V8's own, which compile hot code and collect garbage for each thread that runs JavaScript. With one thread that work runs on the idle second core; with two it takes its share of both, which is why two threads gain less than two processes (above).",
      '',
      '| articles | 1 thread: main | other threads | 2 threads: main | workers | other threads | main + workers, 2 threads vs 1 |',
      '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    );
    for (const r of results) {
      const [one, two] = r.runs.map((run) => (run.ok ? run.stats.threadCpuMs : undefined));
      const cell = (ms: number | undefined) => (ms === undefined ? '–' : `${seconds(ms)} s`);
      const ratio = one && two ? `${((two.main + two.workers) / one.main).toFixed(2)}×` : '–';
      lines.push(`| ${r.size} | ${cell(one?.main)} | ${cell(one?.other)} | ${cell(two?.main)} | ${cell(two?.workers)} | ${cell(two?.other)} | ${ratio} |`);
    }
  }
  lines.push(
    '',
    '### Peers on the same text',
    '',
    'Each pass alone, one thread, files already in memory (bench/peers.ts). chrono-node (`chrono.fr` / `chrono.en` by article language) is the peer of the extraction stage; the word tokenisers are the floor of any text tool.',
    '',
    "Beside the whole check: its extract stage (sentences, times, numbers, names, triggers; from the 1-thread run's stage times) and, timed alone like chrono-node, Crosscheck's time grammar over each whole article (`extractTimes`: folding, parsing and resolving), the part of the extraction that does what chrono-node does.",
    '',
    '| articles | crosscheck check, 1 thread (end to end) | its extract stage | its time grammar alone | chrono-node | Intl.Segmenter words | `\\p{L}+` regex |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const r of results) {
    const p = r.peers;
    const one = r.runs[0];
    lines.push(
      `| ${r.size} | ${figure(one, (x) => `${rate(r.gold.bytes, x.wallMs)} MB/s`)} | ${figure(one, (x) => `${rate(r.gold.bytes, x.stats.stages.extract)} MB/s`)} | ${rate(p.bytes, p.timeGrammar.wallMs)} MB/s (${p.timeGrammar.found} times) | ${rate(p.bytes, p.chrono.wallMs)} MB/s (${p.chrono.found} dates) | ${rate(p.bytes, p.segmenter.wallMs)} MB/s | ${rate(p.bytes, p.regex.wallMs)} MB/s |`,
    );
  }
  if (context.long.length > 0) {
    lines.push(
      '',
      '### One long article',
      '',
      "The English articles of the largest corpus joined into one file, checked alone with one thread (`check <dir>` of that one file): a transcript, a live blog or a report is a single document of megabytes. Its sentences, times and numbers are looked up by position, so the cost should grow with the text's length, not its square.",
      '',
      '| articles joined | MB | wall | MB/s | peak RSS | findings |',
      '| ---: | ---: | ---: | ---: | ---: | ---: |',
    );
    for (const { articles, bytes, run } of context.long) {
      lines.push(`| ${articles} | ${mb(bytes).toFixed(2)} | ${figure(run, (x) => `${seconds(x.wallMs)} s`)} | ${figure(run, (x) => rate(bytes, x.wallMs))} | ${figure(run, (x) => `${x.stats.maxRssMb} MB`)} | ${figure(run, (x) => String(x.findings.length))} |`);
    }
    const [first, last] = [context.long[0]!, context.long[context.long.length - 1]!];
    if (first !== last && first.run.ok && last.run.ok) {
      lines.push('', `From the shortest to the longest: ${(last.bytes / first.bytes).toFixed(1)}× the text, ${(last.run.wallMs / first.run.wallMs).toFixed(1)}× the time (the process start and the rules' loading, about a second, weigh most on the shortest).`);
    }
  }
  lines.push('', '### Accuracy against the gold', '', 'A finding is a true positive when it cites a document the generator made wrong, with the wrong value (generic rules may find any kind of conflict); any other finding is a false positive.', '');
  lines.push('| articles | gold conflicts | findings | precision | recall |', '| ---: | ---: | ---: | ---: | ---: |');
  for (const r of results) {
    lines.push(r.score ? `| ${r.size} | ${r.score.gold} | ${r.score.findings} | ${r.score.precision.toFixed(3)} | ${r.score.recall.toFixed(3)} |` : `| ${r.size} | ${r.gold.conflicts.length} | – | – | – |`);
  }
  lines.push('', 'By rule (findings that are true positives / findings; gold conflicts found / gold conflicts):', '');
  lines.push(`| rule | ${results.map((r) => `${r.size}`).join(' | ')} |`, `| --- | ${results.map(() => '---').join(' | ')} |`);
  for (const ruleId of [...new Set(results.flatMap((r) => r.byRule.map((b) => b.ruleId)))].sort()) {
    const cells = results.map((r) => {
      const b = r.byRule.find((x) => x.ruleId === ruleId);
      return b ? `${b.truePositives}/${b.findings}; ${b.found}/${b.gold}` : '–';
    });
    lines.push(`| ${ruleId} | ${cells.join(' | ')} |`);
  }
  lines.push('', '### Targets', '');
  for (const r of results) {
    const [one, two] = r.runs;
    const chronoRate = mb(r.peers.bytes) / (r.peers.chrono.wallMs / 1000);
    const parts = [
      one.ok
        ? `1-thread throughput ${rate(r.gold.bytes, one.wallMs)} MB/s vs chrono-node ${chronoRate.toFixed(2)} MB/s: ${verdict(mb(r.gold.bytes) / (one.wallMs / 1000) >= chronoRate)} (the time grammar alone: ${rate(r.peers.bytes, r.peers.timeGrammar.wallMs)} MB/s)`
        : `1 thread failed (${one.failure})`,
      one.ok && two.ok ? `2 threads ${(one.wallMs / two.wallMs).toFixed(2)}× (target 1.6×): ${verdict(one.wallMs / two.wallMs >= 1.6)}` : '2-thread speed-up not measured',
      r.score ? `precision ${r.score.precision.toFixed(3)} (≥ 0.95): ${verdict(r.score.precision >= 0.95)}; recall ${r.score.recall.toFixed(3)} (≥ 0.9): ${verdict(r.score.recall >= 0.9)}` : 'accuracy not measured',
      one.ok && two.ok ? `same report with 1 and 2 threads: ${verdict(r.identical)}` : '',
    ].filter(Boolean);
    lines.push(`- N = ${r.size}: ${parts.join('; ')}.`);
  }
  const small = results.find((r) => r.size === 10_000);
  const large = results.find((r) => r.size === 100_000);
  if (small && large) {
    const ratios = [0, 1].map((k) => {
      const [from, to] = [small.runs[k]!, large.runs[k]!];
      return from.ok && to.ok ? `× ${(to.wallMs / from.wallMs).toFixed(1)} with ${k + 1} thread${k ? 's' : ''} (at most 11×): ${verdict(to.wallMs / from.wallMs <= 11)}` : `not measured with ${k + 1} thread${k ? 's' : ''} (a run failed)`;
    });
    const [largeOne, largeTwo] = large.runs;
    const peaks = [largeOne, largeTwo].map((run) => figure(run, (x) => `${x.stats.maxRssMb} MB`));
    const under = largeOne.ok && largeTwo.ok && Math.max(largeOne.stats.maxRssMb, largeTwo.stats.maxRssMb) < 2048;
    lines.push(`- 10k → 100k: time ${ratios.join('; ')}; peak RSS at 100k ${peaks[0]} with 1 thread, ${peaks[1]} with 2 (under 2 GB): ${verdict(under)}.`);
    const [memoryRun, diskRun] = [small.runs[0], small.spilled];
    if (memoryRun.ok && diskRun?.ok && largeOne.ok) {
      const [disk, memory] = [diskRun.wallMs, memoryRun.wallMs];
      lines.push(
        `  - The 10k default run keeps claims in memory, the 100k one on disk. With claims on disk at both sizes (10k with \`--spill always\`: ${seconds(disk)} s, ${moreOrLess(disk / memory - 1)} than in memory), 1 thread grows × ${(largeOne.wallMs / disk).toFixed(1)}: the pipeline's own growth, the rest being the cost of spilling.`,
      );
    }
  } else {
    lines.push('- 10k → 100k scaling and peak RSS at 100k: not measured in this run (`BENCH_SIZES=1000,10000,100000 npm run bench`).');
  }
  const misses = results.flatMap((r) => [
    ...(r.score?.falsePositives ?? []).slice(0, 5).map((f) => `- N = ${r.size}, false positive ${f.ruleId}: ${f.fact}`),
    ...(r.score?.missed ?? []).slice(0, 5).map((c) => `- N = ${r.size}, missed ${c.ruleId}: ${c.fact} (${c.docs.join(', ')}: ${c.value})`),
  ]);
  if (misses.length > 0) lines.push('', '### Examples of errors (up to 5 of each kind per size)', '', ...misses);
  return `${lines.join('\n')}\n`;
}

/** A row of the 1-thread stages table: the stages, what is left ("other"), the total. */
function stageRow(size: number, claims: string, stats: RunStats): string {
  const staged = STAGES.reduce((sum, stage) => sum + stats.stages[stage], 0);
  return `| ${size} | ${claims} | ${STAGES.map((stage) => stats.stages[stage]).join(' | ')} | ${Math.max(0, stats.totalMs - staged)} | ${stats.totalMs} |`;
}

function log(text: string): void {
  process.stdout.write(`${text}\n`);
}

function main(argv: string[]): void {
  const sizes = (option(argv, 'sizes') ?? process.env.BENCH_SIZES ?? '1000,10000').split(',').map((s) => Number(s.trim()));
  if (sizes.some((s) => !Number.isInteger(s) || s < 2)) throw new Error('--sizes: whole numbers of articles, comma-separated (at least 2)');
  const seed = Number(option(argv, 'seed') ?? DEFAULT_SEED);
  const cacheDir = resolve(option(argv, 'cache') ?? process.env.BENCH_CACHE ?? join(tmpdir(), 'crosscheck-bench'));
  const out = resolve(option(argv, 'out') ?? join(ROOT, 'reports', 'bench.md'));
  const repeat = Number(option(argv, 'repeat') ?? 1);
  const off = (option(argv, 'off') ?? '').split(',').filter(Boolean);
  const pairMax = Number(option(argv, 'pair-max') ?? 10_000);
  const longMax = Number(option(argv, 'long-max') ?? 2_000);
  const append = argv.includes('--append') && existsSync(out);
  if (!existsSync(CLI) || !existsSync(PEERS)) throw new Error('build first: npm run build && tsc -p tsconfig.bench.json (npm run bench does both)');
  const started = new Date();
  const loadBefore = loadavg();
  const results = sizes.map((size) => benchSize(size, seed, cacheDir, repeat, off, pairMax));
  const [small, large] = [results.find((r) => r.size === 10_000), results.find((r) => r.size === 100_000)];
  if (small?.runs[0].ok && !small.runs[0].stats.spilled && large?.runs[0].ok && large.runs[0].stats.spilled) small.spilled = spilledRun(small, seed, cacheDir, repeat, off);
  const long = longMax > 0 ? benchLong(corpus(cacheDir, Math.max(...sizes), seed).dir, longMax, repeat, off) : [];
  const text = markdown(results, { seed, loadBefore, loadAfter: loadavg(), started, repeat, off, title: !append, long });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, append ? `${readFileSync(out, 'utf8')}\n${text}` : text);
  log(`wrote ${out}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv.slice(2));
