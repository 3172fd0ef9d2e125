/** Appends `value` to the list under `key`, creating it: O(1), unlike re-spreading the list each time. */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The value under `key`, made by `make` and kept the first time it is asked for (in a Map or a WeakMap). */
export function getOrMake<K, V>(map: { has(key: K): boolean; get(key: K): V | undefined; set(key: K, value: V): unknown }, key: K, make: (key: K) => V): V {
  if (map.has(key)) return map.get(key) as V;
  const value = make(key);
  map.set(key, value);
  return value;
}

/** Groups items by key, keeping their order inside each group. */
export function groupBy<K, V>(items: Iterable<V>, key: (item: V) => K): Map<K, V[]> {
  const map = new Map<K, V[]>();
  for (const item of items) pushTo(map, key(item), item);
  return map;
}

/**
 * A memo of a pure function of strings that starts over when it holds `size` entries: the words of an
 * archive recur (names, titles, common words), but a large archive has more distinct ones than are worth
 * keeping.
 */
export class BoundedMemo<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly size: number) {}

  get(key: string): V | undefined {
    return this.entries.get(key);
  }

  /** Remembers `value` for `key` and returns it. */
  set(key: string, value: V): V {
    if (this.entries.size >= this.size) this.entries.clear();
    this.entries.set(key, value);
    return value;
  }
}
