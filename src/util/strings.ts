/**
 * An id made of parts, as one flat string. A template literal builds a tree of string pieces (a "cons
 * string" in V8) that costs several times its length in memory; `join` builds a flat one. Ids of claims
 * live as long as the run, one per claim, so on a large archive the difference is hundreds of megabytes.
 */
export function joinId(...parts: ReadonlyArray<string | number>): string {
  return parts.join('#');
}

/** A shared empty list for claims without agents or places: never mutated, so one array serves them all. */
export const NONE: never[] = Object.freeze([]) as unknown as never[];

/** A shared empty set of key parts, for claims that add none (never mutated). */
export const NO_KEYS: Record<string, string> = Object.freeze({}) as Record<string, string>;

/** The list itself, or the shared empty one: an empty array per claim is 16–32 bytes a million times over. */
export function orNone<T>(list: T[]): T[] {
  return list.length === 0 ? (NONE as T[]) : list;
}

/**
 * A copy of `text` that holds its own characters. A slice of a string is, in V8, a view that keeps the
 * whole string it was cut from alive: a quote kept from an article's text would keep the article.
 */
export function copyOf(text: string): string {
  return Buffer.from(text, 'utf16le').toString('utf16le');
}
