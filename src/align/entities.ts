import levenshtein from 'fast-levenshtein';
import type { Claim, EntityRef } from '../model/claim.js';

/** Two folded name keys name the same person: equal, or one edit apart on a long enough name. */
export function sameNameKey(a: string, b: string): boolean {
  if (a === b) return true;
  const shorter = Math.min(a.length, b.length);
  if (shorter < 5) return false;
  return levenshtein.get(a, b) <= (shorter >= 8 ? 2 : 1);
}

/** Some person is in both lists. */
export function agentsOverlap(a: readonly EntityRef[], b: readonly EntityRef[]): boolean {
  return a.some((x) => b.some((y) => sameNameKey(x.key, y.key)));
}

/** Two places are compatible when they are the same or one contains the other (Lyon ⊂ France). */
export function placeCompatible(a: EntityRef, b: EntityRef): boolean {
  return a.key === b.key || a.within.includes(b.key) || b.within.includes(a.key);
}

export function placesCompatible(a: readonly EntityRef[], b: readonly EntityRef[]): boolean {
  return a.some((x) => b.some((y) => placeCompatible(x, y)));
}

/**
 * Two names of a body (a commission, a forum, an agreement) are compatible when their head words match,
 * the places they name do not contradict (France–Africa is not France–Arab World), and their other words
 * overlap: one set inside the other, or at least half shared.
 */
export function seriesCompatible(a: NonNullable<Claim['series']>, b: NonNullable<Claim['series']>): boolean {
  if (a.head !== b.head) return false;
  const placesA = a.words.filter((w) => w.startsWith('@'));
  const placesB = b.words.filter((w) => w.startsWith('@'));
  if (placesA.length > 0 && placesB.length > 0 && !subsetEither(placesA, placesB)) return false;
  const wordsA = a.words.filter((w) => !w.startsWith('@') && w !== a.head);
  const wordsB = b.words.filter((w) => !w.startsWith('@') && w !== b.head);
  if (subsetEither(wordsA, wordsB)) return true;
  const shared = wordsA.filter((w) => wordsB.includes(w)).length;
  return shared / new Set([...wordsA, ...wordsB]).size >= 0.5;
}

function subsetEither(a: readonly string[], b: readonly string[]): boolean {
  return a.every((x) => b.includes(x)) || b.every((x) => a.includes(x));
}
