import { existsSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { Argv } from 'yargs';
import { loadConfigurationAsync } from '../check.js';
import { BASELINE_FILE, createBaseline, readBaseline, serializeBaseline } from '../report/baseline.js';
import { pluralize } from '../report/html/present.js';
import { articleOptions, printProblems, runArticleCheck, selectArticles, type ArticleArgs } from './check-command.js';
import { EXIT, type Io } from './io.js';
import { writeFilesAtomically } from './output.js';
import { configPath } from './rules-command.js';

export interface BaselineArgs extends ArticleArgs {
  out: string;
}

export function baselineOptions<T>(yargs: Argv<T>) {
  return articleOptions(yargs)
    .positional('paths', { type: 'string', array: true, defaultDescription: 'seeds', describe: 'articles: files or folders (.txt, .md)' })
    .option('out', { alias: 'o', type: 'string', default: BASELINE_FILE, describe: 'the baseline file to write (its reasons are kept)' });
}

/**
 * `crosscheck baseline`: runs the same check as `crosscheck check` (inline suppressions applied, and
 * --against restricting to findings that involve the named articles) and writes the fingerprints of every
 * finding it reports. When the file exists, the reasons written in it are kept for findings still there;
 * entries for findings gone are dropped. Nothing is written when an article cannot be read (exit 2), since
 * its findings would be missing.
 */
export async function runBaseline(args: BaselineArgs, io: Io): Promise<number> {
  const configuration = await loadConfigurationAsync({ rules: args.rules, config: configPath(args.config) });
  // An existing file that does not parse stops the run: regenerating it would silently lose its reasons.
  const previous = existsSync(args.out) ? await readBaseline(args.out) : undefined;
  const selection = selectArticles(args);
  const run = runArticleCheck(args, io, configuration, selection);
  printProblems(run.report, io);
  if (run.report.problems.length > 0) {
    io.error(`crosscheck: ${args.out} not written: fix the articles above first, or their findings would be missing from it`);
    return EXIT.input;
  }
  if (run.scope.new === 0) {
    io.error(`crosscheck: no articles found in ${selection.paths.join(', ')} (looked for .txt, .md)`);
    return EXIT.input;
  }
  const baseline = createBaseline(run.report, previous);
  writeFilesAtomically(dirname(args.out), [{ name: basename(args.out), content: serializeBaseline(baseline) }]);
  const current = new Set(baseline.entries.map((entry) => entry.fingerprint));
  const kept = baseline.entries.filter((entry) => entry.reason !== '').length;
  const dropped = previous?.entries.filter((entry) => !current.has(entry.fingerprint)).length ?? 0;
  const notes = [previous ? `${pluralize(kept, 'reason')} kept` : '', dropped > 0 ? `${pluralize(dropped, 'entry', 'entries')} no longer found, dropped` : '']
    .filter(Boolean)
    .join('; ');
  io.error(`crosscheck: wrote ${args.out}: ${pluralize(baseline.entries.length, 'entry', 'entries')}${notes ? ` (${notes})` : ''}. Fill in "reason" for each accepted finding.`);
  return EXIT.ok;
}
