import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { Argv } from 'yargs';
import levenshtein from 'fast-levenshtein';
import { CrosscheckError } from '../model/errors.js';
import { findConfigFile, resolveRuleSources } from '../rules/config.js';
import { BUNDLED_RULES_DIR, inventoryRulesAsync, type RuleEntry } from '../rules/load.js';
import { EXIT, type Io } from './io.js';

export interface RulesArgs {
  rules: string[];
  config?: string;
  format: 'terminal' | 'json';
}

export interface RulesShowArgs extends RulesArgs {
  id: string;
}

/** `--rules` and `--config`, shared by check, extract and rules. */
export function ruleSourceOptions<T>(yargs: Argv<T>) {
  return yargs
    .option('rules', { type: 'string', array: true, default: [] as string[], describe: 'extra rule folder(s), after the bundled pack and the config file’s' })
    .option('config', {
      type: 'string',
      describe: 'config file (default: crosscheck.config.json, .yaml or .yml in the working directory)',
    });
}

export function rulesOptions<T>(yargs: Argv<T>) {
  return ruleSourceOptions(yargs).option('format', { choices: ['terminal', 'json'] as const, default: 'terminal' as const, describe: 'output format' });
}

/** The config file a command uses: the one given, else the working directory's, if any. */
export function configPath(given: string | undefined, cwd: string = process.cwd()): string | undefined {
  const found = given ?? findConfigFile(cwd);
  return found === undefined ? undefined : relative(process.cwd(), found) || found;
}

/** The bundled rule doc page of a rule id, if there is one: docs/rules/event-session.md. */
export function docPageOf(id: string): string | undefined {
  const path = resolve(BUNDLED_RULES_DIR, '..', 'docs', 'rules', `${id.replace(/\//g, '-')}.md`);
  return existsSync(path) ? path : undefined;
}

async function inventory(args: RulesArgs): Promise<RuleEntry[]> {
  const sources = resolveRuleSources({ bundledDir: BUNDLED_RULES_DIR, rules: args.rules, config: configPath(args.config) });
  return inventoryRulesAsync(sources.dirs, sources.overrides, sources);
}

/** A bundled rule's file as `<bundled>/events/session.yaml`, a user's relative to the working directory. */
function displaySource(source: string): string {
  const absolute = resolve(source);
  return absolute.startsWith(BUNDLED_RULES_DIR + sep) ? `<bundled>/${relative(BUNDLED_RULES_DIR, absolute)}` : source;
}

/** `crosscheck rules list`: id, kind, severity, source file and description of every rule, off ones included. */
export async function runRulesList(args: RulesArgs, io: Io): Promise<number> {
  const entries = await inventory(args);
  const rows = entries.map((e) => ({ id: e.id, kind: e.kind, severity: e.severity, source: displaySource(e.source), description: e.description }));
  if (args.format === 'json') {
    io.print(JSON.stringify({ rules: rows }, null, 2));
    return EXIT.ok;
  }
  const header = { id: 'id', kind: 'kind', severity: 'severity', source: 'source', description: 'description' };
  const columns = ['id', 'kind', 'severity', 'source'] as const;
  const widths = Object.fromEntries(columns.map((c) => [c, Math.max(...[header, ...rows].map((r) => r[c].length))]));
  for (const row of [header, ...rows]) {
    io.print(`${columns.map((c) => row[c].padEnd(widths[c]!)).join('  ')}  ${row.description}`);
  }
  io.print(`\n${rows.length} rules (${rows.filter((r) => r.severity === 'off').length} off). Details: crosscheck rules show <id>`);
  return EXIT.ok;
}

/** `crosscheck rules show <id>`: a rule's metadata, messages, options, doc page and file. */
export async function runRulesShow(args: RulesShowArgs, io: Io): Promise<number> {
  const entries = await inventory(args);
  const entry = entries.find((e) => e.id === args.id);
  if (!entry) {
    const near = entries.map((e) => e.id).filter((id) => levenshtein.get(id, args.id) <= 3 || id.endsWith(`/${args.id}`));
    throw new CrosscheckError(`no rule "${args.id}"${near.length > 0 ? `; did you mean ${near.join(', ')}?` : ''} (see crosscheck rules list)`, { code: 'usage' });
  }
  const options = entry.file && 'options' in entry.file ? entry.file.options : undefined;
  const doc = docPageOf(entry.id);
  if (args.format === 'json') {
    io.print(JSON.stringify({ id: entry.id, kind: entry.kind, severity: entry.severity, source: displaySource(entry.source), description: entry.description, messages: entry.rule.meta.messages, options: options ?? null, doc: doc ?? null }, null, 2));
    return EXIT.ok;
  }
  io.print(entry.id);
  io.print(`  ${entry.description}`);
  io.print(`  kind:     ${entry.kind}`);
  io.print(`  severity: ${entry.severity}`);
  io.print(`  source:   ${displaySource(entry.source)}`);
  if (doc) io.print(`  doc:      ${relative(process.cwd(), doc) || doc}`);
  if (options) io.print(`  options:  ${JSON.stringify(options)}`);
  io.print('  messages:');
  for (const [id, template] of Object.entries(entry.rule.meta.messages)) io.print(`    ${id}: ${template}`);
  if (entry.file) {
    io.print(`\n--- ${displaySource(entry.source)}`);
    io.print(readFileSync(entry.source, 'utf8').replace(/\n$/, ''));
  }
  return EXIT.ok;
}
