import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import levenshtein from 'fast-levenshtein';
import type { z } from 'zod';
import { CrosscheckError } from '../model/errors.js';
import type { Severity } from '../model/finding.js';
import type { LoadedConfig } from './config.js';
import { instantiateRule, isDefinedRule } from './define.js';
import { EVENT_MESSAGES } from '../compare/events.js';
import { COUNT_LIST_MESSAGES, countListRule } from './kinds/count-list.js';
import { eventRule } from './kinds/event.js';
import { QUANTITY_MESSAGES, quantityRule, type CompiledPatterns } from './kinds/quantity.js';
import { parseReferenceValue, REFERENCE_MESSAGES, referenceRule, type ReferenceValue } from './kinds/reference.js';
import { SPELLING_MESSAGES, spellingRule } from './kinds/spelling.js';
import { VALUES_MESSAGES, valuesRule } from './kinds/values.js';
import { WEEKDAY_MESSAGES, weekdayRule } from './kinds/weekday.js';
import { compileSafeRegex, UnsafeRegexError } from './regex.js';
import { RULE_KIND_SCHEMAS, RULE_KINDS, type QuantityRuleFile, type ReferenceRuleFile, type RuleFile, type RuleKind } from './schema.js';
import type { Rule, RuleMeta } from './types.js';
import { issueError, readLocatedYaml, validateYaml, type LocatedYaml } from './yaml.js';

/** The rule pack that ships with Crosscheck (`rules/` at the package root). */
export const BUNDLED_RULES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'rules');

/** Folders of a rules directory that hold data, not rules. */
const NON_RULE_FOLDERS = new Set(['lexicon', 'docs', 'tests', 'node_modules']);

const YAML_FILE = /\.ya?ml$/;
/** TypeScript and JavaScript rule modules; declarations, tests and specs are not rules. */
const CODE_FILE = /\.(?:[cm]?ts|[cm]?js)$/;
const NOT_A_RULE_MODULE = /(?:\.d\.[cm]?ts|[.-](?:test|spec)\.[cm]?[jt]s)$/;

export type SeverityOverride = Severity | 'off';

/** Options by rule id, as a config file or a RuleTester case gives them. */
export type RuleOptions = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

export interface LoadSettings {
  /** Options by rule id. */
  options?: RuleOptions;
  /** The config file the overrides and options came from, to point errors at their lines. */
  config?: LoadedConfig;
}

/** A rule as loaded, on or off, for `crosscheck rules list` and `show`. */
export interface RuleEntry {
  id: string;
  kind: string;
  /** The severity it runs at, or "off". */
  severity: SeverityOverride;
  description: string;
  /** Path of the file it was loaded from, relative to the working directory. */
  source: string;
  rule: Rule;
  /** The rule file's YAML (declarative rules). */
  file?: RuleFile;
}

/** Every `*.yaml` rule file under `dir` (lexicons, docs and tests excluded), sorted. */
export function listRuleFiles(dir: string): string[] {
  return walkRuleFolder(dir).filter((path) => YAML_FILE.test(path));
}

/** Every TypeScript/JavaScript rule module under `dir` (`*.test.ts`, `*.d.ts` and data folders excluded), sorted. */
export function listRuleModules(dir: string): string[] {
  return walkRuleFolder(dir).filter((path) => CODE_FILE.test(path) && !NOT_A_RULE_MODULE.test(path));
}

function walkRuleFolder(dir: string): string[] {
  if (!existsSync(dir)) throw new CrosscheckError('rules folder not found', { file: dir, code: 'config' });
  const out: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder).sort()) {
      const path = join(folder, entry);
      if (statSync(path).isDirectory()) {
        if (!NON_RULE_FOLDERS.has(entry) && !entry.startsWith('.')) walk(path);
      } else out.push(path);
    }
  };
  walk(dir);
  return out;
}

/** What building a declarative rule may need beyond its file: where it was written, and the other rule files. */
export interface KindContext {
  yaml?: LocatedYaml;
  /** The rule file with this id among those loaded (reference rules name an event or quantity rule). */
  resolve?: (id: string) => { file: RuleFile; yaml?: LocatedYaml } | undefined;
}

/** Builds the runtime rule of a validated rule file: one factory per kind (an explicit map, as in ESLint). */
export function ruleFromFile(file: RuleFile, source: string, context: KindContext = {}): Rule {
  const meta: RuleMeta = { id: file.id, kind: file.kind, severity: file.severity, description: file.description, source, messages: file.messages };
  switch (file.kind) {
    case 'event':
      return eventRule(file, meta);
    case 'spelling':
      return spellingRule(file.options, meta);
    case 'weekday':
      return weekdayRule(meta);
    case 'count-list':
      return countListRule(meta);
    case 'quantity':
      return quantityRule(file, meta, compilePatterns(file, context.yaml));
    case 'reference':
      return buildReference(file, meta, context);
    case 'values':
      return valuesRule(file.options, meta);
  }
}

function compilePatterns(file: QuantityRuleFile, yaml: LocatedYaml | undefined): CompiledPatterns {
  const out: Record<string, RegExp[]> = {};
  for (const [lang, patterns] of Object.entries(file.quantity.patterns ?? {})) {
    out[lang] = (patterns ?? []).map((pattern, index) => {
      try {
        return compileSafeRegex(pattern);
      } catch (error) {
        if (!(error instanceof UnsafeRegexError)) throw error;
        const at = ['quantity', 'patterns', lang, index];
        const message = `\`${at.join('.')}\`: unsafe or invalid regular expression /${pattern}/: ${error.message}`;
        throw yaml ? yaml.error(at, message) : new CrosscheckError(message, { code: 'config' });
      }
    });
  }
  return out;
}

function buildReference(file: ReferenceRuleFile, meta: RuleMeta, context: KindContext): Rule {
  // With no facts the rule reads nothing, so the rule it names is not needed (the bundled example stays valid
  // when a user replaces event/session).
  if (file.facts.length === 0) return referenceRule(file, meta, undefined, []);
  const fail = (at: Array<string | number>, message: string) =>
    context.yaml ? context.yaml.error(at, message) : new CrosscheckError(message, { file: meta.source, code: 'config' });
  const resolved = context.resolve?.(file.reference.rule);
  const target = resolved?.file;
  if (!target || (target.kind !== 'event' && target.kind !== 'quantity')) {
    throw fail(
      ['reference', 'rule'],
      `\`reference.rule\`: ${target ? `${file.reference.rule} is a ${target.kind} rule` : `no rule ${file.reference.rule} is loaded`}; name an event or quantity rule (see \`crosscheck rules list\`)`,
    );
  }
  const attribute = target.kind === 'event' ? 'time' : 'count';
  const values = file.facts.map((fact, index): ReferenceValue => {
    const value = parseReferenceValue(fact.value, attribute);
    if (typeof value === 'string') throw fail(['facts', index, 'value'], `\`facts.${index}.value\`: expected ${value}`);
    return value;
  });
  // The named rule, instantiated under this rule's id: its triggers and claims then belong to this rule.
  const reader = ruleFromFile({ ...target, id: file.id } as RuleFile, meta.source, { yaml: resolved.yaml });
  return referenceRule(
    file,
    meta,
    {
      reader,
      attribute,
      tolerance: target.kind === 'quantity' ? target.options.tolerance : 'exact',
      what: target.kind === 'event' ? target.event.type : target.quantity.what,
    },
    values,
  );
}

/** Each kind's message templates: a rule file may reword them, with the same ids and placeholders. */
const KIND_MESSAGES: Record<RuleKind, Readonly<Record<string, string>>> = {
  event: EVENT_MESSAGES,
  spelling: SPELLING_MESSAGES,
  weekday: WEEKDAY_MESSAGES,
  'count-list': COUNT_LIST_MESSAGES,
  quantity: QUANTITY_MESSAGES,
  reference: { ...REFERENCE_MESSAGES, conflict: `${REFERENCE_MESSAGES.conflict} {{modality}}` },
  values: VALUES_MESSAGES,
};

function placeholders(template: string): string[] {
  return [...template.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!);
}

/** A reworded message must keep a known id and use only the placeholders the kind fills. */
function checkMessages(file: RuleFile, yaml: LocatedYaml): void {
  const defaults = KIND_MESSAGES[file.kind];
  for (const [id, template] of Object.entries(file.messages)) {
    const original = defaults[id];
    if (original === undefined) {
      throw yaml.error(['messages', id], `\`messages.${id}\`: ${file.kind} rules have no message \`${id}\`; their messages are ${Object.keys(defaults).map((k) => `\`${k}\``).join(', ')}`);
    }
    const known = new Set(placeholders(original));
    const unknown = placeholders(template).find((p) => !known.has(p));
    if (unknown !== undefined) {
      throw yaml.error(['messages', id], `\`messages.${id}\`: unknown placeholder {{${unknown}}}; this message can use ${[...known].map((k) => `{{${k}}}`).join(', ')}`);
    }
  }
}

// ---- Reading rule files and modules ----

interface DeclaredYaml {
  type: 'yaml';
  id: string;
  dir: string;
  source: string;
  yaml: LocatedYaml;
  file: RuleFile;
}

interface DeclaredCode {
  type: 'code';
  id: string;
  dir: string;
  source: string;
  definition: unknown;
}

type Declared = DeclaredYaml | DeclaredCode;

function shownPath(path: string): string {
  return relative(process.cwd(), path) || path;
}

/** Reads one rule file: the kind is looked up first, so an unknown kind gets its own clear error. */
export function readRuleFile(path: string): { file: RuleFile; yaml: LocatedYaml } {
  const yaml = readLocatedYaml(path);
  const data = yaml.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw yaml.error([], 'a rule file is a mapping: id, kind, description, severity, then the kind’s own keys');
  }
  const kind = (data as Record<string, unknown>).kind;
  const expected = `expected one of ${RULE_KINDS.join(', ')}`;
  if (kind === undefined) throw yaml.error([], `\`kind\`: missing; ${expected}`);
  if (typeof kind !== 'string' || !Object.hasOwn(RULE_KIND_SCHEMAS, kind)) {
    const near = typeof kind === 'string' ? RULE_KINDS.find((k) => levenshtein.get(k, kind) <= 2) : undefined;
    throw yaml.error(['kind'], `\`kind\`: unknown kind \`${String(kind)}\`; ${expected}${near ? ` (did you mean \`${near}\`?)` : ''}`);
  }
  const file = validateYaml(yaml, RULE_KIND_SCHEMAS[kind as RuleKind] as z.ZodType) as RuleFile;
  checkMessages(file, yaml);
  return { file, yaml };
}

function readDeclaredYaml(dirs: readonly string[]): DeclaredYaml[] {
  return dirs.flatMap((dir) =>
    listRuleFiles(dir).map((path): DeclaredYaml => {
      const { file, yaml } = readRuleFile(path);
      return { type: 'yaml', id: file.id, dir, source: shownPath(path), yaml, file };
    }),
  );
}

/** Where to resolve `import … from 'crosscheck'` in a user's rule module: this very library. */
function libraryAliases(): Record<string, string> {
  const here = dirname(fileURLToPath(import.meta.url));
  const pick = (...candidates: string[]) => candidates.find((path) => existsSync(path)) ?? candidates[0]!;
  return {
    'crosscheck/testing': pick(join(here, 'tester.js'), join(here, 'tester.ts')),
    crosscheck: pick(join(here, '..', 'index.js'), join(here, '..', 'index.ts')),
  };
}

/** Imports a rule module with jiti (TypeScript without a build step); its default export is a rule or a list. */
async function importRuleModule(path: string): Promise<unknown[]> {
  let createJiti: typeof import('jiti').createJiti;
  try {
    ({ createJiti } = await import('jiti'));
  } catch (error) {
    throw new CrosscheckError('TypeScript and JavaScript rules are loaded with the "jiti" package, which is not installed: npm install jiti', {
      file: shownPath(path),
      code: 'config',
      cause: error,
    });
  }
  const jiti = createJiti(import.meta.url, { alias: libraryAliases(), interopDefault: true, moduleCache: false });
  let exported: unknown;
  try {
    exported = await jiti.import(resolve(path), { default: true });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new CrosscheckError(`cannot load the rule module: ${reason}`, { file: shownPath(path), code: 'config', cause: error });
  }
  const rules = Array.isArray(exported) ? exported : [exported];
  if (rules.length === 0 || rules.some((rule) => !isDefinedRule(rule) && !(typeof rule === 'object' && rule !== null && 'meta' in rule))) {
    throw new CrosscheckError('a rule module must `export default defineRule({ meta, extract?, compare? })` (or a list of them)', {
      file: shownPath(path),
      code: 'config',
    });
  }
  return rules;
}

function ruleIdOf(definition: unknown): string {
  const id = (definition as { meta?: { id?: unknown } }).meta?.id;
  return typeof id === 'string' ? id : '';
}

async function readDeclaredCode(dirs: readonly string[]): Promise<DeclaredCode[]> {
  const out: DeclaredCode[] = [];
  for (const dir of dirs) {
    for (const path of listRuleModules(dir)) {
      for (const definition of await importRuleModule(path)) {
        out.push({ type: 'code', id: ruleIdOf(definition), dir, source: shownPath(path), definition });
      }
    }
  }
  return out;
}

// ---- Assembling the rule set ----

/**
 * Loads the YAML rules of every directory in order (the bundled pack first, then the user's). A later rule
 * with the same id replaces an earlier one; `overrides` change a rule's severity or turn it off. Synchronous,
 * so TypeScript/JavaScript rule modules are refused here: use {@link loadRulesAsync}.
 */
export function loadRules(dirs: readonly string[], overrides: Readonly<Record<string, SeverityOverride>> = {}, settings: LoadSettings = {}): Rule[] {
  return activeRules(inventoryRules(dirs, overrides, settings));
}

/** Loads YAML rules and TypeScript/JavaScript rule modules (`export default defineRule(...)`). */
export async function loadRulesAsync(dirs: readonly string[], overrides: Readonly<Record<string, SeverityOverride>> = {}, settings: LoadSettings = {}): Promise<Rule[]> {
  return activeRules(await inventoryRulesAsync(dirs, overrides, settings));
}

/** Every rule, off ones included, with the severity it runs at (YAML rules only, synchronous). */
export function inventoryRules(dirs: readonly string[], overrides: Readonly<Record<string, SeverityOverride>> = {}, settings: LoadSettings = {}): RuleEntry[] {
  const module = dirs.flatMap(listRuleModules)[0];
  if (module) {
    throw new CrosscheckError('is a TypeScript/JavaScript rule, which loads asynchronously: use loadRulesAsync() or loadConfigurationAsync()', {
      file: shownPath(module),
      code: 'config',
    });
  }
  return assemble(readDeclaredYaml(dirs), overrides, settings);
}

export async function inventoryRulesAsync(dirs: readonly string[], overrides: Readonly<Record<string, SeverityOverride>> = {}, settings: LoadSettings = {}): Promise<RuleEntry[]> {
  const declared: Declared[] = [];
  // Folder by folder, YAML then code, so a later folder replaces an earlier one whatever the file types.
  for (const dir of dirs) declared.push(...readDeclaredYaml([dir]), ...(await readDeclaredCode([dir])));
  return assemble(declared, overrides, settings);
}

function activeRules(entries: readonly RuleEntry[]): Rule[] {
  return entries.filter((entry) => entry.severity !== 'off').map((entry) => entry.rule);
}

function configError(settings: LoadSettings, at: Array<string | number>, message: string): CrosscheckError {
  return settings.config ? settings.config.yaml.error(at, message) : new CrosscheckError(message, { code: 'config' });
}

function assemble(declared: readonly Declared[], overrides: Readonly<Record<string, SeverityOverride>>, settings: LoadSettings): RuleEntry[] {
  const byId = new Map<string, Declared>();
  for (const entry of declared) {
    const previous = byId.get(entry.id);
    if (previous && previous.dir === entry.dir) {
      throw new CrosscheckError(`rule id "${entry.id}" is also defined in ${previous.source}; ids are unique within a folder`, { file: entry.source, code: 'config' });
    }
    byId.set(entry.id, entry);
  }
  const options = settings.options ?? {};
  for (const [key, table] of [
    ['severity', overrides],
    ['options', options],
  ] as const) {
    for (const id of Object.keys(table)) {
      if (!byId.has(id)) throw configError(settings, [key, id], `\`${key}\` names an unknown rule "${id}"; see \`crosscheck rules list\``);
    }
  }
  const resolveFile = (id: string) => {
    const entry = byId.get(id);
    return entry?.type === 'yaml' ? { file: entry.file, yaml: entry.yaml } : undefined;
  };
  const entries = [...byId.values()].map((entry): RuleEntry => {
    const override = overrides[entry.id];
    const runAt: Severity | undefined = override && override !== 'off' ? override : undefined;
    if (entry.type === 'code') {
      const rule = instantiateRule(entry.definition, {
        source: entry.source,
        options: options[entry.id],
        severity: runAt,
        optionsError: settings.config ? (issue) => issueError(settings.config!.yaml, issue, ['options', entry.id]) : undefined,
      });
      return { id: entry.id, kind: 'custom', severity: override ?? rule.meta.severity, description: rule.meta.description, source: entry.source, rule };
    }
    const file = withOptions(entry, options[entry.id], settings);
    const rule = ruleFromFile({ ...file, severity: runAt ?? file.severity } as RuleFile, entry.source, { yaml: entry.yaml, resolve: resolveFile });
    return { id: entry.id, kind: file.kind, severity: override ?? file.severity, description: file.description, source: entry.source, rule, file };
  });
  return entries.sort((a, b) => a.id.localeCompare(b.id));
}

/** A YAML rule with the config's options merged over its own `options:`, validated again. */
function withOptions(entry: DeclaredYaml, given: Readonly<Record<string, unknown>> | undefined, settings: LoadSettings): RuleFile {
  if (!given) return entry.file;
  const schema = RULE_KIND_SCHEMAS[entry.file.kind] as z.ZodType;
  if (!('options' in entry.file)) {
    throw configError(settings, ['options', entry.id], `\`options.${entry.id}\`: ${entry.file.kind} rules take no options`);
  }
  const raw = entry.yaml.data as Record<string, unknown>;
  const merged = { ...raw, options: { ...(raw.options as Record<string, unknown> | undefined), ...given } };
  const result = schema.safeParse(merged);
  if (result.success) return result.data as RuleFile;
  const issue = result.error.issues[0]!;
  const path = issue.path[0] === 'options' ? issue.path.slice(1) : issue.path;
  if (settings.config) throw issueError(settings.config.yaml, { ...issue, path } as z.core.$ZodIssue, ['options', entry.id]);
  throw new CrosscheckError(`invalid options for ${entry.id}: \`${path.join('.')}\`: ${issue.message}`, { code: 'config' });
}
