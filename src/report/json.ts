import type { Report } from '../model/index.js';
import type { Formatter } from './types.js';

/** `discrepancies.json`: the Report contract, 2-space indented, keys in schema order, trailing newline. */
export const formatJson: Formatter = (report) => [...jsonChunks(report)].join('');

/**
 * The same text as `formatJson`, in pieces: the report's fields, and each element of its lists, one at a
 * time. A large archive's report (a million documents) is longer than the longest string V8 can hold;
 * written piece by piece it never has to be one string.
 */
export function* jsonChunks(report: Report): Generator<string> {
  yield* prettyJsonChunks(report);
  yield '\n';
}

/**
 * `JSON.stringify(value, null, 2)` cut at the top two levels: an object's fields and, for a field that
 * is a list, its elements. The pieces joined are exactly that text (tested against it).
 */
export function* prettyJsonChunks(value: unknown): Generator<string> {
  const json = toJsonValue(value);
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    yield JSON.stringify(json, null, 2) ?? 'null';
    return;
  }
  const entries = Object.entries(json).filter(([, field]) => toJsonValue(field, true) !== undefined);
  if (entries.length === 0) {
    yield '{}';
    return;
  }
  yield '{';
  let first = true;
  for (const [key, field] of entries) {
    const head = `${first ? '' : ','}\n  ${JSON.stringify(key)}: `;
    first = false;
    const list = toJsonValue(field, true);
    if (!Array.isArray(list) || list.length === 0) {
      yield head + indent(JSON.stringify(list, null, 2), '  ');
      continue;
    }
    yield `${head}[`;
    for (let i = 0; i < list.length; i++) {
      // An element JSON cannot hold (undefined, a function) is null in a list, as JSON.stringify writes it.
      yield `${i === 0 ? '' : ','}\n    ${indent(JSON.stringify(list[i], null, 2) ?? 'null', '    ')}`;
    }
    yield '\n  ]';
  }
  yield '\n}';
}

/** A value as JSON.stringify sees it: after `toJSON`; undefined for what an object's field omits. */
function toJsonValue(value: unknown, asField = false): unknown {
  const own = value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function' ? (value as { toJSON(): unknown }).toJSON() : value;
  if (asField && (own === undefined || typeof own === 'function' || typeof own === 'symbol')) return undefined;
  return own;
}

/** Every line after the first indented (JSON.stringify's strings never hold a raw line break). */
function indent(text: string, by: string): string {
  return text.includes('\n') ? text.replace(/\n/g, `\n${by}`) : text;
}
