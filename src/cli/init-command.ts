import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { Argv } from 'yargs';
import { CrosscheckError } from '../model/errors.js';
import { BUNDLED_RULES_DIR } from '../rules/load.js';
import { EXIT, type Io } from './io.js';

/** The starter project `init` copies: a config file, an example rule and its test (docs/examples/starter). */
export const STARTER_DIR = resolve(BUNDLED_RULES_DIR, '..', 'docs', 'examples', 'starter');

export interface InitArgs {
  dir: string;
  force: boolean;
}

export function initOptions<T>(yargs: Argv<T>) {
  return yargs
    .positional('dir', { type: 'string', default: '.', describe: 'folder to write into (created if missing)' })
    .option('force', { type: 'boolean', default: false, describe: 'overwrite files that already exist' });
}

function starterFiles(dir: string = STARTER_DIR, prefix = ''): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((entry) => (statSync(join(dir, entry)).isDirectory() ? starterFiles(join(dir, entry), `${prefix}${entry}/`) : [`${prefix}${entry}`]));
}

/** `crosscheck init [dir]`: writes crosscheck.config.yaml, rules/death-toll.yaml and its test; never overwrites unless --force. */
export function runInit(args: InitArgs, io: Io): number {
  const files = starterFiles();
  const existing = files.filter((file) => existsSync(join(args.dir, file)));
  if (existing.length > 0 && !args.force) {
    throw new CrosscheckError(`${existing.map((f) => join(args.dir, f)).join(', ')} already exist${existing.length === 1 ? 's' : ''}; nothing written (use --force to overwrite)`, {
      code: 'usage',
    });
  }
  for (const file of files) {
    const target = join(args.dir, file);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, readFileSync(join(STARTER_DIR, file)));
    io.print(`wrote ${relative(process.cwd(), target) || target}`);
  }
  const at = args.dir === '.' ? '' : ` (in ${args.dir})`;
  io.print(`\nNext${at}: put two articles in a folder, then run\n  crosscheck check <folder>          # the config file adds your rules\n  npx vitest run rules               # the example rule's tests\nTutorial: docs/rules.md`);
  return EXIT.ok;
}
