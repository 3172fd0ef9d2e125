import { foldWord } from '../../text/fold.js';
import type { TimeWords } from './lexicon.js';
import type { Candidate } from './parser.js';
import { Coverage } from '../../text/spans.js';

/**
 * Refiners: candidates → candidates, run in order after every parser has read the text.
 * Each is pure and small, in the manner of chrono's refiners.
 */
export type Refiner = (candidates: Candidate[], context: RefineContext) => Candidate[];

export interface RefineContext {
  readonly folded: string;
  readonly words: TimeWords;
  /** Absolute offset of the scope, so group ids are offsets into the caller's text. */
  readonly offset: number;
}

/** "18 h 30 heure locale": a clock time beats the duration ("30 heure") that overlaps it, whatever their lengths. */
export const preferClocks: Refiner = (candidates, { folded }) => {
  const clocks = new Coverage(folded.length);
  for (const c of candidates) if (c.spec.type === 'clock') clocks.add([c.start, c.end]);
  return candidates.filter((c) => c.kind !== 'duration' || !clocks.overlaps([c.start, c.end]));
};

/** Overlapping readings: the longest wins; on equal length, the parser listed first (candidates arrive in parser order). */
export const keepLongest: Refiner = (candidates, { folded }) => {
  const ranked = candidates.map((c, order) => ({ c, order }));
  ranked.sort((a, b) => b.c.end - b.c.start - (a.c.end - a.c.start) || a.order - b.order);
  const kept: Candidate[] = [];
  const taken = new Coverage(folded.length);
  for (const { c } of ranked) {
    if (taken.overlaps([c.start, c.end])) continue;
    kept.push(c);
    taken.add([c.start, c.end]);
  }
  return kept.sort((a, b) => a.start - b.start);
};

/**
 * Bare years written as a list ("en 2011 et 2017", "in 2004 and again in 2012") share an `attrs.group` id.
 * A year read only because it followed another ("2017") is dropped when no listed year precedes it.
 */
export const groupYearLists: Refiner = (candidates, { folded, words, offset }) => {
  const out: Candidate[] = [];
  let previous: Candidate | undefined;
  for (const c of candidates) {
    if (!c.bareYear) {
      out.push(c);
      previous = undefined;
      continue;
    }
    const listed = previous !== undefined && onlyJoiners(folded.slice(previous.end, c.start), words);
    if (listed && previous) {
      const group = (previous.attrs['group'] as string | undefined) ?? `years@${offset + previous.start}`;
      previous.attrs['group'] = group;
      c.attrs['group'] = group;
    } else if (c.listMember) {
      continue;
    }
    out.push(c);
    previous = c;
  }
  return out;
};

function onlyJoiners(gap: string, words: TimeWords): boolean {
  const parts = gap.split(/(,)|[^\S\r\n]+/u).filter((part): part is string => part !== undefined && part !== '');
  if (parts.length === 0) return false;
  return parts.every((part) => part === ',' || words.listJoiners.has(foldWord(part)) || words.yearCues.has(foldWord(part)));
}

export const refiners: readonly Refiner[] = [preferClocks, keepLongest, groupYearLists];
