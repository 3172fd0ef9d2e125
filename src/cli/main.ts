#!/usr/bin/env node
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { CrosscheckError } from '../model/errors.js';
import { reportJsonSchema } from '../model/json-schema.js';
import { VERSION } from '../version.js';
import { baselineOptions, runBaseline, type BaselineArgs } from './baseline-command.js';
import { checkOptions, runCheck, type CheckArgs } from './check-command.js';
import { extractOptions, runExtract, type ExtractArgs } from './extract-command.js';
import { HeapRelaunch, holdHeapGrowth } from './heap.js';
import { initOptions, runInit, type InitArgs } from './init-command.js';
import { rulesOptions, runRulesList, runRulesShow, type RulesArgs, type RulesShowArgs } from './rules-command.js';
import { EXIT, processIo, STDIN_ARG, type Io } from './io.js';

const EPILOGUE = `Exit codes:
  0  no finding reaches the --fail-on threshold (after --baseline and inline suppressions)
  1  at least one does (or more warnings than --max-warnings)
  2  usage, input or configuration error (missing path, unreadable article, invalid rule file,
     invalid baseline file, unknown git ref); the message names the file and line

Very large archives (from about 600,000 articles): the check starts node again with a
larger heap when the machine has the memory, else says what to run (docs/ci.md).

Docs: README.md, docs/rules.md (custom rules), docs/ci.md (gating publication)`;

/** Runs the CLI with `argv` and returns the exit code; the only place that reads argv and catches errors. */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  let exitCode: number = EXIT.ok;
  // yargs drops a lone "-"; it means standard input, so it is passed on under a name yargs keeps.
  const cli = yargs(argv.map((arg) => (arg === '-' ? STDIN_ARG : arg)))
    .scriptName('crosscheck')
    .usage('$0 <command> [options]\n\nFind contradictions between news articles: dates, years, ordinals, counts, places, names.')
    .command<CheckArgs>(
      ['check [paths..]', '$0'],
      'check articles against each other and report discrepancies',
      (y) =>
        checkOptions(y)
          .example('$0 check seeds/', 'check the sample articles, summary on the terminal')
          .example('$0 check articles/ --format json --format markdown --out reports/', 'write reports/discrepancies.json and .md')
          .example('$0 check articles/ --fail-on warning', 'fail (exit 1) on warnings too, e.g. in CI')
          .example('$0 check articles/ --rules my-rules/', 'add your own rules (see docs/rules.md)')
          .example('$0 check articles/ --config ci.crosscheck.yaml', 'rule folders, severities and options from a config file')
          .example('$0 check new.md --against articles/', 'report only what the new article contradicts (or is contradicted by)')
          .example('$0 check articles/ --changed-since origin/main --cache', 'CI: the articles a branch changed, against the rest of articles/')
          .example('$0 check articles/ --baseline crosscheck-baseline.json --prune', 'accept the findings listed; drop stale entries') as unknown as Argv<CheckArgs>,
      async (args) => {
        exitCode = await runCheck(args, io);
      },
    )
    .command<BaselineArgs>(
      'baseline [paths..]',
      'accept today\'s findings: write their fingerprints to crosscheck-baseline.json (docs/ci.md)',
      (y) =>
        baselineOptions(y)
          .example('$0 baseline articles/', 'write crosscheck-baseline.json; then check with --baseline crosscheck-baseline.json')
          .example('$0 baseline articles/ --out ci/baseline.json', 'another file; reasons already written in it are kept') as unknown as Argv<BaselineArgs>,
      async (args) => {
        exitCode = await runBaseline(args, io);
      },
    )
    .command<ExtractArgs>(
      'extract <inputs..>',
      'show every mention read from articles: times, numbers, ordinals, names, places, triggers',
      (y) =>
        extractOptions(y)
          .example('$0 extract seeds/003_bcc0e6c20f4df47a.txt', 'what Crosscheck reads in one article')
          .example('echo "Le sommet se tiendra le 3 mars." | $0 extract - --lang fr --published 2026-01-10 --format json', 'read stdin') as unknown as Argv<ExtractArgs>,
      async (args) => {
        exitCode = await runExtract(args, io);
      },
    )
    .command(
      'rules <command>',
      'list the rules, or show one: id, kind, severity, source file, description',
      (y) =>
        y
          .command<RulesArgs>(
            'list',
            'every rule loaded (bundled, config file, --rules), off ones included',
            (yy) => rulesOptions(yy).example('$0 rules list --rules my-rules/', 'the bundled rules and yours') as unknown as Argv<RulesArgs>,
            async (args) => {
              exitCode = await runRulesList(args, io);
            },
          )
          .command<RulesShowArgs>(
            'show <id>',
            'one rule: description, severity, messages, options, doc page and file',
            (yy) =>
              rulesOptions(yy)
                .positional('id', { type: 'string', demandOption: true, describe: 'rule id, e.g. event/session' })
                .example('$0 rules show event/session', 'how the session rule is written') as unknown as Argv<RulesShowArgs>,
            async (args) => {
              exitCode = await runRulesShow(args, io);
            },
          )
          .demandCommand(1, 'name a subcommand: list or show <id>'),
    )
    .command<InitArgs>(
      'init [dir]',
      'write a starter config, an example rule and its test into a folder (docs/rules.md)',
      (y) => initOptions(y).example('$0 init my-desk', 'crosscheck.config.yaml, rules/death-toll.yaml and rules/death-toll.test.ts') as unknown as Argv<InitArgs>,
      (args) => {
        exitCode = runInit(args, io);
      },
    )
    .command(
      'schema',
      'print the JSON Schema of the JSON report (docs/report.schema.json)',
      (y) => y,
      () => {
        io.print(JSON.stringify(reportJsonSchema(), null, 2));
      },
    )
    .epilogue(EPILOGUE)
    .strict()
    .recommendCommands()
    .help()
    .alias('h', 'help')
    .version(VERSION)
    .wrap(Math.min(110, process.stdout.columns || 100))
    .fail((message, error) => {
      throw error ?? new CrosscheckError(`${message}\nRun crosscheck --help for usage.`, { code: 'usage' });
    });
  try {
    await cli.parseAsync();
    return exitCode;
  } catch (error) {
    // A check too large for node's heap, on a machine with the memory: the same command in a node with more.
    if (error instanceof HeapRelaunch && io.relaunch) return io.relaunch([`--max-old-space-size=${error.megabytes}`]);
    if (error instanceof CrosscheckError) {
      io.error(`crosscheck: ${error.format()}`);
      return EXIT.input;
    }
    throw error;
  }
}

type Argv<T> = import('yargs').Argv<T>;

function invokedDirectly(): boolean {
  try {
    return !!process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

if (invokedDirectly()) {
  holdHeapGrowth();
  main(hideBin(process.argv)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`crosscheck: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 3;
    },
  );
}
