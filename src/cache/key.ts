import { createHash, type Hash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Document } from '../model/document.js';
import type { AnalyzeOptions } from '../pipeline.js';
import { VERSION } from '../version.js';

/** Bumped when the entry layout or what a key covers changes; old entries are then never read. */
export const CACHE_FORMAT = 5;

/** Where the rules and lexicons came from, as loadConfiguration resolved them. */
export interface RuleSourcesDigest {
  /** Rule folders in load order (bundled pack, config file's, --rules); they hold the lexicons too. */
  dirs: readonly string[];
  /** Severity overrides by rule id. */
  overrides: Readonly<Record<string, string>>;
  /** Rule options by rule id. */
  options: Readonly<Record<string, unknown>>;
}

/** A configuration the cache can key on: without `sources` it cannot tell what a rule's closure captured. */
export interface CacheableConfiguration extends AnalyzeOptions {
  sources?: RuleSourcesDigest;
}

const configurationKeys = new WeakMap<object, string | undefined>();

/**
 * A hash of everything besides the article that decides what analysis returns: the cache format, the
 * tool's version and code, the Unicode tables of the runtime, every file of the rule folders (rules,
 * TypeScript rules, lexicons), the severities and options, and the loaded rules and lexicon themselves
 * (so a configuration built from a loaded one by swapping rules gets another key).
 * Undefined when the configuration does not say where its rules came from: such a run is not cached.
 */
export function configurationKey(configuration: CacheableConfiguration): string | undefined {
  if (configurationKeys.has(configuration)) return configurationKeys.get(configuration);
  let key: string | undefined;
  if (configuration.sources) {
    const hash = createHash('sha256');
    const { dirs, overrides, options } = configuration.sources;
    hash.update(stableJson(['crosscheck-cache', CACHE_FORMAT, VERSION, engineHash(), process.versions.unicode ?? '']));
    // Folder contents, not their absolute paths: a checkout elsewhere (another CI runner) reuses entries.
    for (const dir of dirs) hashFolder(hash, dir);
    hash.update(stableJson({ overrides, options }));
    hash.update(stableJson(configuration.lexicon));
    hash.update(stableJson(configuration.rules.map((rule) => [rule.meta, rule.triggers, rule.extract, rule.check])));
    key = hash.digest('hex');
  }
  configurationKeys.set(configuration, key);
  return key;
}

/**
 * The key of one article's analysis: the configuration key and the document as read (path, id, text,
 * language and how it was decided, publication date, metadata), which is all `analyzeDocument` reads.
 * A detected language is left out (null in its place): detection is a function of the text and the
 * lexicon, both in the key, and leaving it out lets a run find an entry before detecting it (a document
 * read with `deferLanguage`, ingest/read.ts, holds a placeholder until then).
 */
export function documentKey(configurationKey: string, doc: Document): string {
  const fields: Record<string, unknown> = {};
  const detected = doc.langHow === 'detected';
  for (const name of Object.keys(doc) as Array<keyof Document>) fields[name] = detected && name === 'lang' ? null : doc[name];
  return createHash('sha256').update(configurationKey).update('\u0000').update(JSON.stringify(fields)).digest('hex');
}

let engine: string | undefined;

/**
 * A hash of Crosscheck's own code (`dist/` when installed, `src/` under test), so a build whose version
 * number did not change (a development build, a patched install) never reuses entries of another.
 */
function engineHash(): string {
  if (engine === undefined) {
    const hash = createHash('sha256');
    hashFolder(hash, dirname(dirname(fileURLToPath(import.meta.url))), (path) => /\.[cm]?[jt]s$/.test(path) && !/\.d\.[cm]?ts$/.test(path));
    engine = hash.digest('hex');
  }
  return engine;
}

/** Feeds every file under `dir` (relative path and bytes, sorted; dot entries and node_modules skipped) to `hash`. */
function hashFolder(hash: Hash, dir: string, include: (path: string) => boolean = () => true): void {
  const walk = (folder: string) => {
    let entries: string[];
    try {
      entries = readdirSync(folder).sort();
    } catch {
      hash.update(`\u0000missing:${relative(dir, folder)}`);
      return;
    }
    for (const entry of entries) {
      if (entry.startsWith('.') || entry === 'node_modules') continue;
      const path = join(folder, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (include(path)) hash.update(`\u0000${relative(dir, path)}\u0000`).update(readFileSync(path));
    }
  };
  hash.update('\u0000folder');
  walk(dir);
}

/** JSON with the values plain JSON drops or blurs spelt out: functions by their source, RegExps, Maps and Sets. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (typeof item === 'function') return `fn:${item.toString()}`;
    if (item instanceof RegExp) return `re:${item.toString()}`;
    if (item instanceof Map) return { map: [...item.entries()] };
    if (item instanceof Set) return { set: [...item.values()] };
    return item;
  });
}
