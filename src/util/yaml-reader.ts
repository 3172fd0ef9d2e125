import { createRequire } from 'node:module';
import { load } from 'js-yaml';
import type { Document as YamlDocument, LineCounter } from 'yaml';

/**
 * Two YAML readers, one for each need. Every run reads YAML: the lexicon and the rules in each thread,
 * and articles' front matter. Valid YAML, the usual case, is read with js-yaml: about 50 ms for the
 * bundled rules, against 220–270 ms with the `yaml` package, whose parser starts slowly. The `yaml` package
 * keeps every node's place in the source, so it is loaded (on first use) only when a place is needed: a
 * syntax error to report at its line, or a valid value that a schema refuses. Both read YAML 1.2 with its
 * core schema (dates stay strings; `yes` and `on` too), and both refuse a key written twice in a mapping;
 * tests/unit/yaml-reader.test.ts checks that they give the same data for every YAML file of the project.
 */

/**
 * YAML read as plain data, or undefined when js-yaml refuses the text: bad YAML, and also a text with no
 * document at all (empty, or only comments), which `yaml` reads as null.
 */
export function quickYaml(source: string): { data: unknown } | undefined {
  // A `%YAML 1.1` directive changes what plain words mean (`yes` is true there): left to `yaml`, which follows it.
  if (YAML_DIRECTIVE.test(source)) return undefined;
  try {
    return { data: load(source) ?? null };
  } catch {
    // Bad YAML, or YAML js-yaml reads differently: the caller reads it again with `yaml`, which says where.
    return undefined;
  }
}

const YAML_DIRECTIVE = /^%YAML/m;

const requireHere = createRequire(import.meta.url);
let yamlPackage: typeof import('yaml') | undefined;

/** The `yaml` package (source positions, errors with their place), loaded on first use: most runs never need it. */
export function yamlLibrary(): typeof import('yaml') {
  return (yamlPackage ??= requireHere('yaml') as typeof import('yaml'));
}

/** YAML read by the `yaml` package, which keeps each node's place. */
export interface PlacedYaml {
  doc: YamlDocument;
  lineCounter: LineCounter;
  /** The first error, if any: the first line of its message, and where (1-based line and column). */
  error?: { message: string; line: number; column: number };
}

/** `source` read with each node's place (slower than quickYaml: for errors and positions). */
export function placedYaml(source: string): PlacedYaml {
  const { LineCounter, parseDocument } = yamlLibrary();
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const first = doc.errors[0];
  if (!first) return { doc, lineCounter };
  const { line, col } = lineCounter.linePos(first.pos[0]);
  return { doc, lineCounter, error: { message: first.message.split('\n')[0] ?? 'invalid YAML', line, column: col } };
}
