import { describe, expect, it } from 'vitest';
import { keepLongest, preferClocks } from '../../src/extract/time/refine.js';
import type { Candidate } from '../../src/extract/time/parser.js';
import { tenseOf, type TenseReader } from '../../src/extract/time/tense.js';
import { MAX_SENTENCE_CHARS } from '../../src/text/sentences.js';
import { Coverage, firstWhere, RangeIndex, SpanIndex } from '../../src/text/spans.js';

/**
 * A document's sentences once each scanned all of its mentions, and each new number or time reading all
 * the readings kept before it: quadratic in the document's length, minutes for one file of a few
 * megabytes. These lookups replace those scans; each is checked against the scan it replaces (kept here
 * as the reference) on random inputs, with the edge cases (empty spans, spans that touch) made common.
 */

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}
const below = (next: () => number, n: number) => Math.floor(next() * n);

type Span = [number, number];
const inside = (span: Span, range: Span) => span[0] >= range[0] && span[1] <= range[1];
const overlap = (a: Span, b: Span) => a[0] < b[1] && b[0] < a[1];

/** Random spans over a short text, so that many touch, nest or are empty. */
function spans(next: () => number, count: number, length = 60, maxWidth = 8): Span[] {
  return Array.from({ length: count }, () => {
    const start = below(next, length);
    return [start, start + below(next, maxWidth)] as Span;
  });
}

/** Sentences: sorted ranges that touch or leave gaps, some empty. */
function sentences(next: () => number, count: number): Span[] {
  const out: Span[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    at += below(next, 3);
    const end = at + below(next, 9);
    out.push([at, end]);
    at = end;
  }
  return out;
}

/** Items with spans, sorted by start as extraction gives mentions, and now and then not (the plain filter answers then). */
function mentions(next: () => number, most: number): Array<{ id: number; span: Span }> {
  const items = spans(next, below(next, most)).map((span, id) => ({ id, span }));
  return next() < 0.8 ? items.sort((a, b) => a.span[0] - b.span[0]) : items;
}

describe('SpanIndex', () => {
  it('gives the items inside a range, in their order, as filtering every item did', () => {
    const next = random(1);
    for (let round = 0; round < 300; round++) {
      const sorted = mentions(next, 40);
      const index = new SpanIndex(sorted);
      for (const range of spans(next, 20, 70, 30)) {
        expect(index.within(range)).toEqual(sorted.filter((item) => inside(item.span, range)));
      }
    }
  });

  it('gives the last item starting before a position and the first starting after it', () => {
    const next = random(2);
    for (let round = 0; round < 300; round++) {
      const sorted = mentions(next, 30);
      const index = new SpanIndex(sorted);
      for (let at = -1; at < 70; at++) {
        expect(index.around(at)).toEqual({ before: sorted.filter((m) => m.span[0] < at).pop(), after: sorted.find((m) => m.span[0] > at) });
      }
    }
  });

  it('reads a few items per range, not every item of the document', () => {
    let reads = 0;
    const items = Array.from({ length: 10_000 }, (_, k) => ({ span: [10 * k, 10 * k + 5] as Span }));
    const index = new SpanIndex(
      items,
      (item) => (reads++, item.span[0]),
      (item) => item.span[1],
    );
    reads = 0;
    for (let k = 0; k < 1_000; k++) expect(index.within([100 * k, 100 * k + 20])).toHaveLength(2);
    // A binary search (about 14 reads) and the few items in the range, for each of the 1,000 ranges.
    expect(reads).toBeLessThan(1_000 * 25);
  });

  it('takes other spans through its accessors (a time parser\'s candidates)', () => {
    const items = [
      { start: 0, end: 4 },
      { start: 3, end: 9 },
      { start: 10, end: 12 },
    ];
    const index = new SpanIndex(
      items,
      (c) => c.start,
      (c) => c.end,
    );
    expect(index.within([3, 12])).toEqual([items[1], items[2]]);
  });
});

describe('RangeIndex', () => {
  it('finds the first range holding a span, as find did, sorted or not', () => {
    const next = random(3);
    for (let round = 0; round < 300; round++) {
      const sorted = sentences(next, below(next, 20));
      // Now and then ranges that overlap or are out of order: the plain search answers for them.
      const ranges = next() < 0.8 ? sorted : spans(next, below(next, 20), 60, 15);
      const index = new RangeIndex(ranges);
      for (const span of spans(next, 30, 70, 6)) {
        expect(index.containing(span)).toBe(ranges.find((range) => inside(span, range)));
      }
    }
  });

  it('gives the earlier of two touching sentences for an empty span where they meet', () => {
    const ranges: Span[] = [
      [0, 5],
      [5, 9],
    ];
    expect(new RangeIndex(ranges).containing([5, 5])).toBe(ranges[0]);
    expect(new RangeIndex(ranges).containing([5, 6])).toBe(ranges[1]);
    expect(new RangeIndex(ranges).containing([4, 6])).toBeUndefined();
  });
});

describe('Coverage', () => {
  it('says whether a span overlaps any span added, as testing each did', () => {
    const next = random(4);
    for (let round = 0; round < 300; round++) {
      const coverage = new Coverage(next() < 0.5 ? 0 : 64);
      const added: Span[] = [];
      // Empty spans now and then, in both roles (only the plain test answers for them).
      for (const span of spans(next, 40, 90, next() < 0.3 ? 3 : 12)) {
        expect(coverage.overlaps(span)).toBe(added.some((other) => overlap(span, other)));
        if (next() < 0.5) {
          coverage.add(span);
          added.push(span);
        }
      }
    }
  });
});

describe('firstWhere', () => {
  it('finds the first position at or after, and after, a value, as findIndex did', () => {
    const next = random(5);
    for (let round = 0; round < 200; round++) {
      const positions = Array.from({ length: below(next, 20) }, () => below(next, 30)).sort((a, b) => a - b);
      for (let at = -1; at < 32; at++) {
        const atOrAfter = positions.findIndex((p) => p >= at);
        const after = positions.findIndex((p) => p > at);
        expect(firstWhere(positions, (p) => p >= at)).toBe(atOrAfter < 0 ? positions.length : atOrAfter);
        expect(firstWhere(positions, (p) => p > at)).toBe(after < 0 ? positions.length : after);
      }
    }
  });
});

describe('the time grammar with its lookups', () => {
  const candidate = (start: number, end: number, order: number, type = 'date', kind: Candidate['kind'] = 'time'): Candidate =>
    ({ start, end, kind, rule: `r${order}`, spec: { type }, attrs: {} }) as unknown as Candidate;
  const context = { folded: ' '.repeat(40), words: {} as never, offset: 0 };

  it('keepLongest keeps what testing every kept reading did', () => {
    const reference = (candidates: Candidate[]) => {
      const ranked = candidates.map((c, order) => ({ c, order }));
      ranked.sort((a, b) => b.c.end - b.c.start - (a.c.end - a.c.start) || a.order - b.order);
      const kept: Candidate[] = [];
      for (const { c } of ranked) if (!kept.some((k) => c.start < k.end && k.start < c.end)) kept.push(c);
      return kept.sort((a, b) => a.start - b.start);
    };
    const next = random(6);
    for (let round = 0; round < 300; round++) {
      const candidates = spans(next, below(next, 30), 40, 10).map(([start, end], order) => candidate(start, end, order));
      expect(keepLongest(candidates, context)).toEqual(reference(candidates));
    }
  });

  it('preferClocks drops the durations that overlap a clock, as testing every clock did', () => {
    const next = random(7);
    for (let round = 0; round < 300; round++) {
      const candidates = spans(next, below(next, 20), 40, 8).map(([start, end], order) =>
        next() < 0.3 ? candidate(start, end, order, 'clock') : candidate(start, end, order, 'duration', next() < 0.7 ? 'duration' : 'time'),
      );
      const clocks = candidates.filter((c) => c.spec.type === 'clock');
      const reference = candidates.filter((c) => c.kind !== 'duration' || !clocks.some((k) => c.start < k.end && k.start < c.end));
      expect(preferClocks(candidates, context)).toEqual(reference);
    }
  });

  it('tenseOf reads the clause the scan over every break found', () => {
    // A reader that reports the clause it was given, to compare clauses rather than tenses.
    let clause = '';
    const reader: TenseReader = { futureCue: { test: (s: string) => ((clause = s), false) } as RegExp, futureWord: null, clauseBreak: /;/gu };
    const reference = (text: string, start: number, end: number, breaks: number[]) => {
      let from = 0;
      let to = text.length;
      for (const at of breaks) {
        if (at < start) from = at;
        else if (at >= end) {
          to = at;
          break;
        }
      }
      return text.slice(from, to);
    };
    const next = random(8);
    const text = 'abcdefghijklmnopqrstuvwxyz0123456789';
    for (let round = 0; round < 300; round++) {
      const breaks = [...new Set(Array.from({ length: below(next, 8) }, () => below(next, text.length)))].sort((a, b) => a - b);
      const start = below(next, text.length);
      const end = Math.min(text.length, start + below(next, 6));
      tenseOf(text, text, start, end, breaks, reader);
      expect(clause).toBe(reference(text, start, end, breaks));
    }
  });

  it('tenseOf reads at most MAX_SENTENCE_CHARS of a clause on each side of the expression', () => {
    let clause = '';
    const reader: TenseReader = { futureCue: { test: (s: string) => ((clause = s), false) } as RegExp, futureWord: null, clauseBreak: /;/gu };
    const text = `${'a'.repeat(3 * MAX_SENTENCE_CHARS)}2031${'b'.repeat(3 * MAX_SENTENCE_CHARS)}`;
    const start = 3 * MAX_SENTENCE_CHARS;
    tenseOf(text, text, start, start + 4, [], reader);
    expect(clause).toBe(`${'a'.repeat(MAX_SENTENCE_CHARS)}2031${'b'.repeat(MAX_SENTENCE_CHARS)}`);
    // A nearer break still bounds the clause.
    tenseOf(text, text, start, start + 4, [start - 10, start + 14], reader);
    expect(clause).toBe(`${'a'.repeat(10)}2031${'b'.repeat(10)}`);
  });
});
