import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { CrosscheckError, type Finding, type Report } from '../model/index.js';
import { LineIndex } from '../text/line-index.js';
import { yamlLibrary } from '../util/yaml-reader.js';
import { compareStrings } from './fingerprint.js';
import { documentsById, formatValues } from './html/present.js';

/** The file `crosscheck baseline` writes and `crosscheck check --baseline` reads, by default. */
export const BASELINE_FILE = 'crosscheck-baseline.json';

/**
 * One accepted finding. Only `fingerprint` is matched; `ruleId`, `fact` and `values` are there so a
 * reviewer can read the file, and `reason` is for the person who accepted it to fill in.
 */
export const BaselineEntry = z.strictObject({
  fingerprint: z.string().min(1),
  ruleId: z.string().min(1),
  fact: z.string(),
  /** "articles/a.md: 2015 | articles/b.md: 2017", for humans; not matched. */
  values: z.string(),
  reason: z.string().default(''),
});
export type BaselineEntry = z.infer<typeof BaselineEntry>;

/** The baseline file. Strict: it is edited by hand, so a misspelt key is an error, not silently ignored. */
export const Baseline = z
  .strictObject({
    version: z.literal(1),
    entries: z.array(BaselineEntry),
  })
  .superRefine((baseline, context) => {
    const seen = new Set<string>();
    baseline.entries.forEach((entry, index) => {
      if (seen.has(entry.fingerprint)) {
        context.addIssue({ code: 'custom', path: ['entries', index, 'fingerprint'], message: `duplicate fingerprint ${entry.fingerprint}` });
      }
      seen.add(entry.fingerprint);
    });
  });
export type Baseline = z.infer<typeof Baseline>;

/**
 * A baseline accepting every finding of a report. Reasons already written in `previous` are kept for
 * findings that are still there, so regenerating the file does not erase them.
 */
export function createBaseline(report: Report, previous?: Baseline): Baseline {
  const docs = documentsById(report.documents);
  const reasons = new Map(previous?.entries.map((entry) => [entry.fingerprint, entry.reason]));
  const entries = new Map<string, BaselineEntry>();
  for (const finding of report.findings) {
    if (entries.has(finding.fingerprint)) continue;
    const values = finding.sides
      .map((side) => `${(docs.get(side.doc)?.path ?? side.doc).replaceAll('\\', '/')}: ${formatValues(side)}`)
      .sort(compareStrings)
      .join(' | ');
    entries.set(finding.fingerprint, {
      fingerprint: finding.fingerprint,
      ruleId: finding.ruleId,
      fact: finding.fact,
      values,
      reason: reasons.get(finding.fingerprint) ?? '',
    });
  }
  return { version: 1, entries: sortEntries([...entries.values()]) };
}

export interface BaselineOutcome {
  /** Findings not in the baseline: the ones CI judges. */
  kept: Finding[];
  /** Findings the baseline accepts. */
  suppressed: Finding[];
  /** Entries no finding matched any more: fixed, or changed (a new value is a new fingerprint). */
  unmatched: BaselineEntry[];
}

/** Splits findings by fingerprint against the baseline. Pure; orders are kept. */
export function applyBaseline(findings: readonly Finding[], baseline: Baseline): BaselineOutcome {
  const accepted = new Set(baseline.entries.map((entry) => entry.fingerprint));
  const matched = new Set<string>();
  const kept: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const finding of findings) {
    if (accepted.has(finding.fingerprint)) {
      suppressed.push(finding);
      matched.add(finding.fingerprint);
    } else {
      kept.push(finding);
    }
  }
  return { kept, suppressed, unmatched: baseline.entries.filter((entry) => !matched.has(entry.fingerprint)) };
}

/** The baseline without the entries that no longer match (for `--prune`). */
export function pruneBaseline(baseline: Baseline, unmatched: readonly BaselineEntry[]): Baseline {
  const stale = new Set(unmatched.map((entry) => entry.fingerprint));
  return { version: 1, entries: baseline.entries.filter((entry) => !stale.has(entry.fingerprint)) };
}

/** Stable text: entries sorted by rule, fact and fingerprint, keys in one order, 2-space JSON, final newline. */
export function serializeBaseline(baseline: Baseline): string {
  const entries = sortEntries(baseline.entries).map(({ fingerprint, ruleId, fact, values, reason }) => ({ fingerprint, ruleId, fact, values, reason }));
  return `${JSON.stringify({ version: 1, entries }, null, 2)}\n`;
}

/** Reads and validates a baseline file; any problem is a CrosscheckError (code `config`) naming the file and line. */
export async function readBaseline(path: string): Promise<Baseline> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new CrosscheckError(
      missing
        ? 'baseline file not found; create it with `crosscheck baseline`, or drop --baseline'
        : `cannot read the baseline file: ${(error as Error).message}`,
      { file: path, code: 'config', cause: error },
    );
  }
  return parseBaseline(text, path);
}

/** Validates the text of a baseline file. `file` is only used in error messages. */
export function parseBaseline(text: string, file: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const where = syntaxErrorPosition(text, (error as Error).message);
    throw new CrosscheckError(`the baseline is not valid JSON (${(error as Error).message}); fix it or regenerate it with \`crosscheck baseline\``, {
      file,
      line: where?.line,
      column: where?.column,
      code: 'config',
      cause: error,
    });
  }
  const parsed = Baseline.safeParse(data);
  if (parsed.success) return parsed.data;

  const issues = parsed.error.issues;
  const first = issues[0];
  const described = issues
    .slice(0, 3)
    .map((issue) => `${formatPath(issue.path)}: ${issue.message}`)
    .join('; ');
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : '';
  const keys = first?.code === 'unrecognized_keys' ? first.keys : [];
  throw new CrosscheckError(
    `invalid baseline: ${described}${more}. Expected { "version": 1, "entries": [{ "fingerprint", "ruleId", "fact", "values", "reason" }] }; fix the file or regenerate it with \`crosscheck baseline\``,
    { file, line: first ? locateLine(text, first.path, keys[0]) : undefined, code: 'config' },
  );
}

/**
 * Where JSON.parse stopped: from "at position N" when V8 says it, else from the YAML reader's first
 * error (JSON is YAML, and YAML errors always carry a position).
 */
function syntaxErrorPosition(text: string, message: string): { line: number; column: number } | undefined {
  const position = /position (\d+)/.exec(message);
  if (position) return new LineIndex(text).position(Number(position[1]));
  const [first] = yamlLibrary().parseDocument(text).errors;
  return first?.linePos ? { line: first.linePos[0].line, column: first.linePos[0].col } : undefined;
}

/** `entries[2].reason`, or `(root)`. */
function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  return path.map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`)).join('');
}

/**
 * The line of the value at `path` in the JSON text (or of `key` inside it, for an unknown key), found by
 * reading the text again as YAML, which keeps source positions. The nearest existing parent is used
 * when the value itself is missing.
 */
function locateLine(text: string, path: readonly PropertyKey[], key?: string): number | undefined {
  const { LineCounter, isMap, isNode, isScalar, parseDocument } = yamlLibrary();
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  if (document.errors.length > 0) return undefined;
  for (let length = path.length; length >= 0; length--) {
    const node = document.getIn(path.slice(0, length) as unknown[], true);
    if (!isNode(node) || !node.range) continue;
    const pair = key !== undefined && length === path.length && isMap(node) ? node.items.find((item) => isScalar(item.key) && item.key.value === key) : undefined;
    const offset = pair && isNode(pair.key) && pair.key.range ? pair.key.range[0] : node.range[0];
    return lineCounter.linePos(offset).line;
  }
  return undefined;
}

function sortEntries(entries: readonly BaselineEntry[]): BaselineEntry[] {
  return [...entries].sort(
    (a, b) => compareStrings(a.ruleId, b.ruleId) || compareStrings(a.fact, b.fact) || compareStrings(a.fingerprint, b.fingerprint),
  );
}
