import { z } from 'zod';
import type { LocaleLexicon } from '../../model/lexicon.js';
import { foldWord } from '../../text/fold.js';

const Qualifier = z.enum(['exact', 'about', 'at-least', 'at-most', 'more-than', 'less-than']);
export type Qualifier = z.infer<typeof Qualifier>;

const Words = z.array(z.string()).default([]);

/**
 * The number grammar's own tables, read from `time.quantities` of a locale lexicon
 * (rules/lexicon/<lang>/numbers.yaml): the free-form `time` record is the one place the lexicon
 * contract leaves for tables other than the typed word maps.
 */
export const QuantityTables = z.strictObject({
  decimalSeparator: z.string().length(1),
  groupSeparators: z.array(z.string().length(1)),
  ordinalSuffixes: Words,
  needsMultiplier: Words,
  numberJoiners: Words,
  units: z.record(z.string(), z.string()).default({}),
  scaledUnits: z.record(z.string(), z.strictObject({ unit: z.string(), times: z.number().positive() })).default({}),
  unitsAfterMultiplier: z.record(z.string(), z.string()).default({}),
  unitLinks: Words,
  currencyPrefixes: z.record(z.string(), z.string()).default({}),
  multiplierSuffixes: z.record(z.string(), z.number().positive()).default({}),
  qualifiers: z.record(z.string(), Qualifier).default({}),
  idWords: Words,
  nounSkip: Words,
  notOrdinal: Words,
});
export type QuantityTables = z.infer<typeof QuantityTables>;

/** Folds every key of a word map ("décembre" → "decembre"); later keys win on a clash. */
export function foldKeys<V>(map: Readonly<Record<string, V>>): Map<string, V> {
  const folded = new Map<string, V>();
  for (const [key, value] of Object.entries(map)) folded.set(foldWord(key), value);
  return folded;
}

export function foldList(words: readonly string[]): string[] {
  return words.map((word) => foldWord(word));
}

/** Reads `time.quantities`, with an error that names the file to fix. */
export function quantityTables(lexicon: LocaleLexicon): QuantityTables {
  const raw = lexicon.time['quantities'];
  const parsed = QuantityTables.safeParse(raw ?? {});
  if (!parsed.success) {
    throw new Error(
      `rules/lexicon/${lexicon.lang}/numbers.yaml: invalid "time.quantities" table: ${z.prettifyError(parsed.error)}`,
    );
  }
  return parsed.data;
}
