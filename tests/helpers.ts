import { afterAll } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { check, loadConfiguration, type Configuration } from '../src/check.js';
import { analyzeDocument, triggersOf } from '../src/pipeline.js';
import { extractDocument } from '../src/extract/index.js';
import { parseDocumentText } from '../src/ingest/read.js';
import { parseDeclaredDate } from '../src/ingest/metadata.js';
import type { Report } from '../src/model/report.js';

let configuration: Configuration | undefined;

/** The bundled rule pack and lexicons, loaded once per test file. */
export function bundled(): Configuration {
  return (configuration ??= loadConfiguration());
}

/** Runs extraction and the rules' claims on one text written for the test. */
export function analyze(text: string, options: { lang?: 'fr' | 'en'; published?: string; id?: string } = {}) {
  const { lexicon, rules } = bundled();
  let doc = parseDocumentText(text, `${options.id ?? 'doc'}.txt`, { lexicon, lang: options.lang });
  if (options.published) doc = { ...doc, published: parseDeclaredDate(options.published, 'test') };
  return analyzeDocument(doc, { lexicon, rules });
}

/** The mentions extraction finds in a short article (what the rules' `extract` and `checkDocument` read). */
export function mentionsOf(text: string, options: { lang?: 'fr' | 'en'; published?: string; id?: string } = {}) {
  const { lexicon, rules } = bundled();
  let doc = parseDocumentText(text, `${options.id ?? 'doc'}.txt`, { lexicon, lang: options.lang });
  if (options.published) doc = { ...doc, published: parseDeclaredDate(options.published, 'test') };
  return extractDocument(doc, { lexicon, triggers: triggersOf(rules) }).mentions;
}

/**
 * Every temporary folder of a test file lives under one root, made when this module loads (at the top of
 * the test file that imports it) and removed after all of that file's tests. Import this module statically:
 * loaded by `await import()` inside a test, its `afterAll` comes too late to register and the root stays.
 */
const tempRoot = mkdtempSync(join(tmpdir(), 'crosscheck-tests-'));
afterAll(() => rmSync(tempRoot, { recursive: true, force: true }));

export function tempRootFolder(): string {
  return tempRoot;
}

/** Writes files into a fresh temporary folder (outside the repository) and returns its path. */
export function tempFolder(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tempRootFolder(), 'case-'));
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  return dir;
}

/** Checks a small corpus of articles given as file name → text. */
export function checkArticles(files: Record<string, string>): Report {
  const dir = tempFolder(files);
  return check([dir], {}, bundled()).report;
}
