import { readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { Argv } from 'yargs';
import { AnalysisCache, DEFAULT_CACHE_DIR, KEPT_CONFIGURATIONS } from '../cache/store.js';
import { check, loadConfigurationAsync, type CheckRun, type Configuration } from '../check.js';
import { CrosscheckError } from '../model/errors.js';
import { pruneBaseline, readBaseline, serializeBaseline, type Baseline, type BaselineEntry } from '../report/baseline.js';
import { gate, type FailOn } from '../report/gate.js';
import { pluralize } from '../report/html/present.js';
import { FORMAT_NAMES, FORMATTERS, type FormatName } from '../report/formatters.js';
import type { FormatContext, FormatterEntry } from '../report/types.js';
import { writeFilesAtomically } from './output.js';
import { currentHeapSituation, HeapRelaunch, heapPlan } from './heap.js';
import { progressReporter } from './progress.js';
import { formatTimings, parseJobs, stageRecorder, writeStats, type StageRecorder } from './timings.js';
import { changedArticleFiles } from './git.js';
import { AUTO_SPILL_MIN_FILES, AUTO_SPILL_MIN_FILES_CACHED, type SpillChoice } from '../claims/store.js';
import { EXIT, type Io } from './io.js';
import { configPath } from './rules-command.js';

/** What `check` and `baseline` share: which articles, against what, with which rules, cached or not. */
export interface ArticleArgs {
  paths?: string[];
  against?: string[];
  rules: string[];
  config?: string;
  lang?: 'fr' | 'en';
  cache: boolean;
  'cache-dir'?: string;
  progress: boolean;
  jobs?: string;
  spill: SpillChoice;
}

export interface CheckArgs extends ArticleArgs {
  'changed-since'?: string;
  baseline?: string;
  prune: boolean;
  format: FormatName[];
  out?: string;
  'fail-on': FailOn;
  'max-warnings'?: number;
  'min-confidence': number;
  color: boolean;
  timings: boolean;
  'stats-json'?: string;
}

/** The options `check` and `baseline` share: the archive, rule sources, language, cache, progress. */
export function articleOptions<T>(yargs: Argv<T>) {
  return yargs
    .option('against', {
      type: 'string',
      array: true,
      describe: 'archive: files or folders the articles are checked against; only findings involving at least one of the articles are reported',
    })
    .option('rules', { type: 'string', array: true, default: [] as string[], describe: 'extra rule folder(s), after the bundled pack' })
    .option('config', { type: 'string', describe: 'config file (default: crosscheck.config.json, .yaml or .yml in the working directory)' })
    .option('lang', { choices: ['fr', 'en'] as const, describe: 'language of every article (default: declared, else detected)' })
    .option('cache', { type: 'boolean', default: false, describe: `reuse what was extracted from unchanged articles (kept in ${DEFAULT_CACHE_DIR}/, safe to delete)` })
    .option('cache-dir', { type: 'string', describe: `cache folder (implies --cache; default ${DEFAULT_CACHE_DIR})` })
    .option('progress', {
      type: 'boolean',
      default: Boolean(process.stderr.isTTY) && !process.env.CI,
      defaultDescription: 'on when stderr is a terminal and CI is not set',
      describe: 'progress bar on stderr for long runs: articles done, their rate and the time left for them, then the corpus checks',
    })
    .option('jobs', {
      alias: 'j',
      type: 'string',
      defaultDescription: 'auto',
      describe: 'threads reading and analysing articles, and with claims on disk (--spill) checking the corpus: a number, or auto (every core from 5,000 articles on); same report either way',
    })
    .option('spill', {
      choices: ['auto', 'always', 'never'] as const,
      default: 'auto' as SpillChoice,
      describe: `keep extracted claims in a temporary folder instead of memory, so large archives fit in RAM: auto spills from ${AUTO_SPILL_MIN_FILES.toLocaleString('en-US')} articles on, from ${AUTO_SPILL_MIN_FILES_CACHED.toLocaleString('en-US')} with --cache (faster then); same report either way`,
    });
}

export function checkOptions<T>(yargs: Argv<T>) {
  return articleOptions(yargs)
    .positional('paths', {
      type: 'string',
      array: true,
      defaultDescription: 'seeds',
      describe: 'articles: files or folders (.txt, .md). With --changed-since: where to look for changed articles',
    })
    .option('changed-since', {
      type: 'string',
      describe: 'check the articles changed since this git ref (committed, uncommitted or untracked) against the rest: --against, else the paths',
    })
    .option('baseline', { type: 'string', describe: 'baseline file (crosscheck-baseline.json): findings it lists are accepted, not reported' })
    .option('prune', { type: 'boolean', default: false, describe: 'rewrite the --baseline file without the entries that no longer match a finding' })
    .option('format', {
      alias: 'f',
      choices: FORMAT_NAMES,
      array: true,
      default: ['terminal'] as FormatName[],
      describe: 'output format(s); repeat for several. File formats go under --out, terminal and github to stdout',
    })
    .option('out', { alias: 'o', type: 'string', describe: 'folder for report files (discrepancies.json, .md, .html, .sarif, .junit.xml)' })
    .option('fail-on', {
      choices: ['error', 'warning', 'info', 'never'] as const,
      default: 'error' as FailOn,
      describe: 'exit 1 when a finding of this severity or worse is reported',
    })
    .option('max-warnings', { type: 'number', describe: 'also exit 1 when there are more warnings than this' })
    .option('min-confidence', { type: 'number', default: 0, describe: 'only findings at least this sure (0..1) can fail the run' })
    .option('color', {
      type: 'boolean',
      default: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
      defaultDescription: 'on when stdout is a terminal and NO_COLOR is not set',
      describe: 'colour the terminal output',
    })
    .option('timings', { type: 'boolean', default: false, describe: 'print the time of each stage, the CPU time by thread and the peak memory on stderr' })
    .option('stats-json', { type: 'string', describe: 'write stage times, total and CPU time, peak memory to this JSON file (for benchmarks)' });
}

/** The articles a run checks (new) and the archive they are checked against. */
export interface ArticleSelection {
  paths: string[];
  against?: string[];
  /** Set when --changed-since found nothing to check: the message to print. */
  unchanged?: string;
}

/**
 * Which articles are new. Named paths, by default `seeds`. With --changed-since REF: the article files
 * changed since REF under the named paths (else under --against, else the working directory), checked
 * against --against, else against those same paths: `check articles/ --changed-since origin/main` checks
 * the changed articles in articles/ against the rest of articles/.
 */
export function selectArticles(args: ArticleArgs & { 'changed-since'?: string }): ArticleSelection {
  const named = args.paths ?? [];
  const ref = args['changed-since'];
  if (ref !== undefined) {
    const scope = named.length > 0 ? named : (args.against ?? ['.']);
    const paths = changedArticleFiles(ref, scope);
    const unchanged = paths.length === 0 ? `no changed articles since ${ref} in ${scope.join(', ')}; nothing to check` : undefined;
    return { paths, against: args.against ?? scope, unchanged };
  }
  if (named.length === 0 && args.against !== undefined) {
    throw new CrosscheckError('--against needs the new articles: name them, or pick them with --changed-since <git ref>', { code: 'usage' });
  }
  return { paths: named.length > 0 ? named : ['seeds'], against: args.against };
}

/** Runs the check on a selection (cache, progress bar), and says on stderr what was read and how. */
export function runArticleCheck(
  args: ArticleArgs,
  io: Io,
  configuration: Configuration,
  selection: ArticleSelection,
  baseline?: Baseline,
  recorder?: Pick<StageRecorder, 'onStage' | 'onWorkerCpu'>,
): CheckRun {
  const useCache = args.cache || args['cache-dir'] !== undefined;
  const cache = useCache && !selection.unchanged ? new AnalysisCache(args['cache-dir'] ?? DEFAULT_CACHE_DIR) : undefined;
  const progress = args.progress ? progressReporter(io) : undefined;
  const jobs = parseJobs(args.jobs);
  const onProgress = (done: number, total: number) => progress?.update(done, total);
  const onFiles = (count: number) => {
    const plan = heapPlan(count, currentHeapSituation(io.relaunch !== undefined));
    if (plan.message) io.error(`crosscheck: ${plan.message}`);
    if (plan.relaunchMegabytes !== undefined) throw new HeapRelaunch(plan.relaunchMegabytes);
  };
  const run = check(
    selection.paths,
    { lang: args.lang, onFiles, onProgress, onCorpusProgress: progress?.corpus, against: selection.against, cache, baseline, jobs, onStage: recorder?.onStage, onWorkerCpu: recorder?.onWorkerCpu, spill: args.spill },
    configuration,
  );
  progress?.done();
  if (selection.against && !selection.unchanged) {
    io.error(`crosscheck: checked ${pluralize(run.scope.new, 'new article')} against ${pluralize(run.scope.archive, 'archive article')}`);
  }
  if (cache) {
    const { analysed, fromCache, discarded, writeFailures, removedConfigurations } = cache.stats;
    const troubles = [discarded > 0 ? `${discarded} damaged entries recomputed` : '', writeFailures > 0 ? `${writeFailures} entries could not be written` : '']
      .filter(Boolean)
      .join(', ');
    const removed = removedConfigurations > 0 ? `; removed the entries of ${pluralize(removedConfigurations, 'configuration')} not used lately (the ${KEPT_CONFIGURATIONS} most recent are kept)` : '';
    io.error(`crosscheck: cache ${cache.dir}: ${analysed} analysed, ${fromCache} from the cache${troubles ? ` (${troubles})` : ''}${removed}`);
  }
  return run;
}

/**
 * `crosscheck check`: which articles (named, or changed since a git ref) against which archive, the
 * pipeline, the baseline and inline suppressions, the formats, then the exit code of the gate.
 */
export async function runCheck(args: CheckArgs, io: Io): Promise<number> {
  if (args.prune && args.baseline === undefined) throw new CrosscheckError('--prune needs --baseline <file>', { code: 'usage' });
  const gateOptions = { failOn: args['fail-on'], maxWarnings: args['max-warnings'], minConfidence: args['min-confidence'] };
  gate([], gateOptions); // a bad --max-warnings or --min-confidence is a usage error before any work
  // Rules, config and baseline first: a broken file stops the run before any article is read or report written.
  const configuration = await loadConfigurationAsync({ rules: args.rules, config: configPath(args.config) });
  const baseline = args.baseline === undefined ? undefined : await readBaseline(args.baseline);
  const selection = selectArticles(args);
  if (selection.unchanged) io.error(`crosscheck: ${selection.unchanged}`);
  // Nothing changed: an empty report (so CI artifacts exist), and no baseline, whose entries would all look stale.
  const recorder = args.timings || args['stats-json'] !== undefined ? stageRecorder() : undefined;
  const run = runArticleCheck(args, io, configuration, selection, selection.unchanged ? undefined : baseline, recorder);
  const { report, documents } = run;
  if (!selection.unchanged && run.scope.new === 0 && report.problems.length === 0) {
    io.error(`crosscheck: no articles found in ${selection.paths.join(', ')} (looked for .txt, .md)`);
    return EXIT.input;
  }
  const listed = new Set(report.documents.map((d) => d.id));
  const context: FormatContext = {
    // The articles the report lists (with --against, not the whole archive: the HTML report embeds them).
    // The documents themselves: a text held as bytes is decoded when a format reads it, not all at once here.
    documents: new Map(documents.filter((d) => listed.has(d.id)).map((d) => [d.id, d])),
    outDir: args.out,
    color: args.color,
  };
  const formats = [...new Set(args.format)];
  const renderStarted = performance.now();
  const entries = formats.map((name) => ({ name, entry: FORMATTERS[name] as FormatterEntry }));
  const files = args.out ? entries.filter((e) => e.entry.fileName) : [];
  // Standard output's formats are rendered first, files while they are written (in pieces when a format
  // has them: a large archive's report is longer than one string can be), each to a temporary name
  // renamed once all are whole: a report is written whole or not at all.
  const streamed = entries.filter((e) => !files.includes(e)).map((e) => ({ ...e, content: e.entry.format(report, context) }));
  if (files.length > 0) {
    writeFilesAtomically(
      args.out!,
      files.map(({ entry }) => ({ name: entry.fileName!, content: entry.chunks ? entry.chunks(report, context) : entry.format(report, context) })),
    );
  }
  for (const r of streamed) io.print(r.content.replace(/\n$/, ''));
  if (recorder) {
    recorder.onStage('report', performance.now() - renderStarted);
    const stats = recorder.finish(parseJobs(args.jobs), documents.length, run.spilled, run.checkedInWorker.length);
    if (args.timings) io.error(`crosscheck: ${formatTimings(stats)}`);
    if (args['stats-json'] !== undefined) writeStats(args['stats-json'], stats);
  }
  const hidden = hiddenSummary(run, args.baseline);
  // The count of hidden findings belongs under the terminal summary; with only machine formats on stdout, on stderr.
  if (hidden && formats.includes('terminal')) io.print(hidden);
  else if (hidden) io.error(`crosscheck: ${hidden}`);
  if (files.length > 0) io.error(`crosscheck: wrote ${files.map((r) => `${args.out}/${r.entry.fileName!}`).join(', ')}`);
  printProblems(report, io);
  if (args.baseline !== undefined && baseline !== undefined && !selection.unchanged) {
    reportUnmatched(args.baseline, run.unmatchedBaseline, io);
    if (args.prune) pruneBaselineFile(args.baseline, baseline, run, io);
  }
  if (report.problems.length > 0) return EXIT.input;
  const verdict = gate(report.findings, gateOptions);
  io.error(`crosscheck: ${verdict.exitCode === 0 ? 'passed' : 'failed'}: ${verdict.reason}`);
  return verdict.exitCode;
}

/** One `path:line: message` line on stderr per article that could not be checked. */
export function printProblems(report: CheckRun['report'], io: Io): void {
  for (const problem of report.problems) io.error(`crosscheck: ${problem.path}${problem.line ? `:${problem.line}` : ''}: ${problem.message}`);
}

/** "2 findings accepted by the baseline, 1 suppressed inline; 1 baseline entry no longer matches", or '' when nothing is hidden. */
function hiddenSummary(run: CheckRun, baselineFile: string | undefined): string {
  const parts: string[] = [];
  if (baselineFile !== undefined) parts.push(`${pluralize(run.baselined.length, 'finding')} accepted by ${baselineFile}`);
  if (run.suppressed.length > 0) parts.push(`${pluralize(run.suppressed.length, 'finding')} suppressed inline`);
  if (run.unmatchedBaseline.length > 0) {
    parts.push(`${pluralize(run.unmatchedBaseline.length, 'baseline entry', 'baseline entries')} no longer ${run.unmatchedBaseline.length === 1 ? 'matches' : 'match'} (--prune removes ${run.unmatchedBaseline.length === 1 ? 'it' : 'them'})`);
  }
  return parts.length > 0 ? `Not reported: ${parts.join('; ')}.` : '';
}

/** One `file:line: …` line per stale entry, pointing at its fingerprint in the baseline file. */
function reportUnmatched(file: string, unmatched: readonly BaselineEntry[], io: Io): void {
  if (unmatched.length === 0) return;
  const lines = readFileSync(file, 'utf8').split('\n');
  for (const entry of unmatched) {
    const line = lines.findIndex((text) => text.includes(`"${entry.fingerprint}"`)) + 1;
    io.error(
      `crosscheck: ${file}${line > 0 ? `:${line}` : ''}: baseline entry ${entry.fingerprint} (${entry.ruleId}, ${entry.fact}: ${entry.values}) no longer matches a finding: fixed, or a value changed`,
    );
  }
}

/** `--prune`: rewrites the baseline without its stale entries, atomically; not when an article could not be read. */
function pruneBaselineFile(file: string, baseline: Baseline, run: CheckRun, io: Io): void {
  if (run.report.problems.length > 0) {
    io.error(`crosscheck: ${file} not pruned: some articles could not be read, so their entries cannot be judged`);
    return;
  }
  if (run.unmatchedBaseline.length === 0) return;
  writeFilesAtomically(dirname(file), [{ name: basename(file), content: serializeBaseline(pruneBaseline(baseline, run.unmatchedBaseline)) }]);
  io.error(`crosscheck: pruned ${pluralize(run.unmatchedBaseline.length, 'entry', 'entries')} from ${file}`);
}
