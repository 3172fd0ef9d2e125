/**
 * Finding spans by position without scanning a document's every mention for each sentence. A scan per
 * sentence costs O(sentences × mentions): nothing on a news article, but minutes on one file of a few
 * megabytes (a transcript, a live blog, a report), which has tens of thousands of each.
 */

type Range = readonly [number, number];

/** Whether `span` lies wholly inside `range`. */
export function isWithin(span: Range, range: Range): boolean {
  return span[0] >= range[0] && span[1] <= range[1];
}

/**
 * Items with a span (mentions, sorted by start as extraction gives them; a time parser's candidates): the
 * ones inside a range, or either side of a position, found by binary search. Items not sorted by start are
 * scanned one by one instead: the same answer.
 */
export class SpanIndex<T> {
  private readonly sorted: boolean;

  /** `start` and `end` read an item's span (by default its `span`). */
  constructor(
    private readonly items: readonly T[],
    private readonly start: (item: T) => number = (item) => (item as { span: Range }).span[0],
    private readonly end: (item: T) => number = (item) => (item as { span: Range }).span[1],
  ) {
    let sorted = true;
    for (let i = 1; i < items.length && sorted; i++) sorted = start(items[i - 1]!) <= start(items[i]!);
    this.sorted = sorted;
  }

  /** The items wholly inside `range` (start ≥ range start, end ≤ range end), in their order. */
  within(range: Range): T[] {
    const { items, start, end } = this;
    if (!this.sorted) return items.filter((item) => start(item) >= range[0] && end(item) <= range[1]);
    const found: T[] = [];
    for (let i = firstWhere(items, (item) => start(item) >= range[0]); i < items.length && start(items[i]!) <= range[1]; i++) {
      if (end(items[i]!) <= range[1]) found.push(items[i]!);
    }
    return found;
  }

  /** The last item starting before `at`, and the first starting after it. */
  around(at: number): { before: T | undefined; after: T | undefined } {
    const { items, start } = this;
    if (!this.sorted) return { before: items.filter((item) => start(item) < at).pop(), after: items.find((item) => start(item) > at) };
    return { before: items[firstWhere(items, (item) => start(item) >= at) - 1], after: items[firstWhere(items, (item) => start(item) > at)] };
  }
}

/**
 * The first index whose item passes `test` (its length when none does), for a test that fails up to some
 * item and passes from there on, such as "starts at or after 40" over items sorted by start: found by halving.
 */
export function firstWhere<T>(items: readonly T[], test: (item: T) => boolean): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (test(items[middle]!)) high = middle;
    else low = middle + 1;
  }
  return low;
}

/**
 * Ranges (a document's sentences) and the one that holds a span, as `ranges.find` would give it: by binary
 * search when the ranges are sorted and do not overlap, one by one otherwise.
 */
export class RangeIndex<R extends Range = Range> {
  private readonly sortedDisjoint: boolean;

  constructor(private readonly ranges: readonly R[]) {
    let ordered = true;
    for (let i = 0; i < ranges.length && ordered; i++) ordered = ranges[i]![0] <= ranges[i]![1] && (i === 0 || ranges[i - 1]![1] <= ranges[i]![0]);
    this.sortedDisjoint = ordered;
  }

  /** The first range that wholly contains `span`. */
  containing(span: Range): R | undefined {
    const { ranges } = this;
    if (!this.sortedDisjoint) return ranges.find((range) => isWithin(span, range));
    // The last range starting at or before the span holds it if any does; one before it only when the span
    // is empty and sits where the two meet, and then `find` gives the earlier.
    let at = firstWhere(ranges, (range) => range[0] > span[0]) - 1;
    if (at < 0 || !isWithin(span, ranges[at]!)) return undefined;
    while (at > 0 && isWithin(span, ranges[at - 1]!)) at--;
    return ranges[at];
  }
}

/**
 * Which positions of a text spans already cover, to ask whether a new span overlaps any of them (shares a
 * position with one: `a[0] < b[1] && b[0] < a[1]`) at the cost of the new span's length rather than of the
 * number of spans kept. Spans are offsets into a text; `length` is a hint of its size (it grows as needed).
 */
export class Coverage {
  private covered: Uint8Array;
  /** Kept as well for the rare empty spans, which cover no position but still overlap a span around them. */
  private readonly spans: Range[] = [];
  private empty = false;

  constructor(length = 0) {
    this.covered = new Uint8Array(Math.max(16, length));
  }

  add(span: Range): void {
    this.spans.push(span);
    if (span[0] >= span[1]) {
      this.empty = true;
      return;
    }
    if (span[1] > this.covered.length) {
      const grown = new Uint8Array(Math.max(span[1], 2 * this.covered.length));
      grown.set(this.covered);
      this.covered = grown;
    }
    this.covered.fill(1, Math.max(0, span[0]), span[1]);
  }

  overlaps(span: Range): boolean {
    // An empty span, or any span once an empty one is kept: the plain test over every span (neither is
    // made by extraction).
    if (span[0] >= span[1] || this.empty) return this.spans.some(([start, end]) => span[0] < end && start < span[1]);
    const end = Math.min(this.covered.length, span[1]);
    for (let at = Math.max(0, span[0]); at < end; at++) if (this.covered[at] === 1) return true;
    return false;
  }
}
