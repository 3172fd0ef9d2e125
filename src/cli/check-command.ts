import type { Argv } from 'yargs';
import { check, loadConfigurationAsync } from '../check.js';
import { gate, type FailOn } from '../report/gate.js';
import { FORMAT_NAMES, FORMATTERS, type FormatName } from '../report/formatters.js';
import type { FormatContext } from '../report/types.js';
import { writeFilesAtomically } from './output.js';
import { progressReporter } from './progress.js';
import { EXIT, type Io } from './io.js';
import { configPath } from './rules-command.js';

export interface CheckArgs {
  paths: string[];
  format: FormatName[];
  out?: string;
  'fail-on': FailOn;
  'max-warnings'?: number;
  'min-confidence': number;
  rules: string[];
  config?: string;
  lang?: 'fr' | 'en';
  color: boolean;
  progress: boolean;
}

export function checkOptions<T>(yargs: Argv<T>) {
  return yargs
    .positional('paths', { type: 'string', array: true, default: ['seeds'], describe: 'articles: files or folders (.txt, .md)' })
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
    .option('rules', { type: 'string', array: true, default: [] as string[], describe: 'extra rule folder(s), after the bundled pack' })
    .option('config', { type: 'string', describe: 'config file (default: crosscheck.config.json, .yaml or .yml in the working directory)' })
    .option('lang', { choices: ['fr', 'en'] as const, describe: 'language of every article (default: declared, else detected)' })
    .option('color', { type: 'boolean', default: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR, describe: 'colour the terminal output' })
    .option('progress', { type: 'boolean', default: Boolean(process.stderr.isTTY) && !process.env.CI, describe: 'progress bar on stderr for long runs' });
}

/** `crosscheck check`: the whole pipeline, then the formats, then the exit code of the gate. */
export async function runCheck(args: CheckArgs, io: Io): Promise<number> {
  // Rules and config first: a broken rule file stops the run before any article is read or report written.
  const configuration = await loadConfigurationAsync({ rules: args.rules, config: configPath(args.config) });
  const progress = args.progress ? progressReporter(io) : undefined;
  const run = check(args.paths, { lang: args.lang, onProgress: progress?.update }, configuration);
  progress?.done();
  const { report, documents } = run;
  if (report.documents.length === 0 && report.problems.length === 0) {
    io.error(`crosscheck: no articles found in ${args.paths.join(', ')} (looked for .txt, .md)`);
    return EXIT.input;
  }
  const context: FormatContext = {
    documents: new Map(documents.map((d) => [d.id, { path: d.path, text: d.text }])),
    outDir: args.out,
    color: args.color,
  };
  const formats = [...new Set(args.format)];
  // Render everything before writing anything: a report is written whole or not at all.
  const rendered = formats.map((name) => ({ name, entry: FORMATTERS[name], content: FORMATTERS[name].format(report, context) }));
  const files = args.out ? rendered.filter((r) => 'fileName' in r.entry && r.entry.fileName) : [];
  const streamed = rendered.filter((r) => !files.includes(r));
  if (files.length > 0) {
    writeFilesAtomically(
      args.out!,
      files.map((r) => ({ name: (r.entry as { fileName: string }).fileName, content: r.content })),
    );
  }
  for (const r of streamed) io.print(r.content.replace(/\n$/, ''));
  if (files.length > 0) io.error(`crosscheck: wrote ${files.map((r) => `${args.out}/${(r.entry as { fileName: string }).fileName}`).join(', ')}`);
  for (const problem of report.problems) io.error(`crosscheck: ${problem.path}${problem.line ? `:${problem.line}` : ''}: ${problem.message}`);
  if (report.problems.length > 0) return EXIT.input;
  const verdict = gate(report.findings, { failOn: args['fail-on'], maxWarnings: args['max-warnings'], minConfidence: args['min-confidence'] });
  return verdict.exitCode;
}
