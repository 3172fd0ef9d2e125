import { readFileSync } from 'node:fs';
import type { Document as YamlDocument, LineCounter } from 'yaml';
import type { z } from 'zod';
import { CrosscheckError } from '../model/errors.js';
import { placedYaml, quickYaml, yamlLibrary, type PlacedYaml } from '../util/yaml-reader.js';

/** A key path into a YAML document: `['quantity', 'patterns', 'en', 0]`. */
export type YamlPath = ReadonlyArray<string | number>;

/** A parsed YAML file that can still say where a value was written, for errors found after validation. */
export interface LocatedYaml {
  path: string;
  /** The YAML as plain data (before validation). */
  data: unknown;
  /** Line and column (1-based) of the deepest node of `at` that exists. */
  position(at: YamlPath): { line: number; column: number };
  /** A CrosscheckError (code 'config') pointing at `at`. */
  error(at: YamlPath, message: string): CrosscheckError;
}

/** A YAML file parsed and validated against a zod schema; errors point at file:line:column. */
export function readYamlFile<T extends z.ZodType>(path: string, schema: T): z.infer<T> {
  return parseYaml(readSource(path), path, schema);
}

export function parseYaml<T extends z.ZodType>(source: string, path: string, schema: T): z.infer<T> {
  return validateYaml(locateYaml(source, path), schema);
}

/** Reads a YAML (or JSON) file without validating it; bad YAML throws with its line and column. */
export function readLocatedYaml(path: string): LocatedYaml {
  return locateYaml(readSource(path), path);
}

export function locateYaml(source: string, path: string): LocatedYaml {
  // Valid YAML is read quickly; the source is parsed again for positions only when one is asked for.
  const quick = quickYaml(source);
  let parsed: PlacedYaml | undefined;
  const withPositions = () => (parsed ??= placedYaml(source));
  if (!quick) {
    const { error } = withPositions();
    if (error) throw new CrosscheckError(`invalid YAML: ${error.message}`, { file: path, line: error.line, column: error.column, code: 'config' });
  }
  const position = (at: YamlPath) => {
    const { doc, lineCounter } = withPositions();
    const pos = locate(doc, lineCounter, at);
    return { line: pos.line, column: pos.col };
  };
  return {
    path,
    data: (quick ? quick.data : withPositions().doc.toJS()) ?? {},
    position,
    error: (at, message) => new CrosscheckError(message, { file: path, ...position(at), code: 'config' }),
  };
}

/** Validates located YAML against a schema; the first issue becomes an error at its line. */
export function validateYaml<T extends z.ZodType>(yaml: LocatedYaml, schema: T, data: unknown = yaml.data): z.infer<T> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  throw issueError(yaml, result.error.issues[0]!);
}

/** A zod issue as a CrosscheckError at the place it concerns: "`event.type`: missing (expected a string)". */
export function issueError(yaml: LocatedYaml, issue: z.core.$ZodIssue, prefix: YamlPath = []): CrosscheckError {
  const at = [...prefix, ...(issue.path as Array<string | number>)];
  const field = at.length > 0 ? `\`${at.join('.')}\`: ` : '';
  return yaml.error(at, `${field}${describeIssue(issue, valueAt(yaml.data, at) === undefined)}`);
}

function readSource(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new CrosscheckError(`cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`, {
      file: path,
      code: 'config',
      cause: error,
    });
  }
}

function valueAt(data: unknown, at: YamlPath): unknown {
  let current = data;
  for (const key of at) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/** The deepest node of the path that exists in the YAML document, as a line/column. */
function locate(doc: YamlDocument, lineCounter: LineCounter, path: YamlPath): { line: number; col: number } {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth) as unknown[], true);
    if (yamlLibrary().isNode(node) && node.range) return lineCounter.linePos(node.range[0]);
  }
  return { line: 1, col: 1 };
}

function describeIssue(issue: z.core.$ZodIssue, missing: boolean): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `\`${k}\``).join(', ')}`;
    case 'invalid_type':
      if (missing) return `missing; expected ${article(issue.expected)}`;
      return issue.message.startsWith('Invalid input') ? `expected ${article(issue.expected)}` : issue.message;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => `\`${String(v)}\``).join(', ')}`;
    default:
      return issue.message;
  }
}

function article(expected: string): string {
  if (expected === 'object') return 'a mapping (key: value lines)';
  if (expected === 'array') return 'a list';
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}
