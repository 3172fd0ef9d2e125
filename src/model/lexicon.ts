import { z } from 'zod';
import { Lang } from './document.js';

const WordMap = z.record(z.string(), z.number());
const Words = z.array(z.string());

/**
 * The words of one language, as data. Every YAML file under `rules/lexicon/<lang>/` is merged into one
 * of these (maps merge key by key, lists concatenate), so a user can add words without touching src/.
 * Keys are matched after `foldWord` (lower case, no accents) unless said otherwise.
 */
export const LocaleLexicon = z.object({
  lang: Lang,
  /** Words followed by a period that do not end a sentence ("M", "oct", "Dr"). Case-sensitive. */
  abbreviations: Words.default([]),
  /** Frequent function words, used to detect the language of an article. */
  stopwords: Words.default([]),
  /** Phrases that split a sentence into clauses (" ainsi que ", "; "). */
  clauseBreaks: Words.default([]),
  months: WordMap.default({}),
  /** 1 = Monday … 7 = Sunday (ISO). */
  weekdays: WordMap.default({}),
  numbers: WordMap.default({}),
  multipliers: WordMap.default({}),
  ordinals: WordMap.default({}),
  /** Extra tables owned by the time grammar (relative words, parts of periods, seasons…). */
  time: z.record(z.string(), z.unknown()).default({}),
  modality: z
    .object({
      planned: Words.default([]),
      hedged: Words.default([]),
      negated: Words.default([]),
      held: Words.default([]),
      /** Present-tense cues ("se tient", "co-chairs"): an undated event told in the present happens at publication. */
      current: Words.default([]),
    })
    .default({ planned: [], hedged: [], negated: [], held: [], current: [] }),
  /** Words that carry no meaning for aligning sentences (articles, auxiliaries, pronouns…). */
  functionWords: Words.default([]),
  /** Classes of counted nouns and verbs: "death" ← died, killed, dead, morts, tués. Keys are the class names. */
  nounClasses: z.record(z.string(), Words).default({}),
  /**
   * How an age is stated, so that "a 20-year-old", "aged 17, 18 and 20", "Vessel, 41," and "un homme de
   * 20 ans" are compared as ages rather than as counts of years.
   */
  ages: z
    .object({
      /** Words right before an age, or before a list of ages ("aged", "âgés de"). */
      before: Words.default([]),
      /** Words that join the ages of a list, besides commas ("and", "et"). */
      joins: Words.default([]),
      /** Words right after an age, joined by a dash or a space ("year-old", "years old"). */
      after: Words.default([]),
      /** Nouns for a person that take an age after a link word and before a unit ("un homme de 20 ans"). */
      persons: Words.default([]),
      /** The link words of that construction ("de"). */
      links: Words.default([]),
      /** The units of that construction ("ans"). */
      units: Words.default([]),
    })
    .default({ before: [], joins: [], after: [], persons: [], links: [], units: [] }),
  /** Words that introduce the publication date inside the text ("ce jour", "today"). */
  todayWords: Words.default([]),
  /** Titles that stand for a person ("roi" → "king"); the person is resolved from context. */
  titles: z.record(z.string(), z.string()).default({}),
  /** Adjectives that stand for a titled person ("royal" → "king" in "two royal visits", "présidentielle"). */
  titleAdjectives: z.record(z.string(), z.string()).default({}),
  /** Honorifics stripped from names and remembered ("M.", "Mme", "Mr", "Dr"). */
  honorifics: Words.default([]),
  /** Capitalised words that never start a name (sentence-initial articles, pronouns…). */
  nameStopwords: Words.default([]),
  /** Head words that make a capitalised sequence an organisation ("Commission", "Ministry"). */
  orgHeads: Words.default([]),
  /** Words that, placed before a capitalised name, mark it as a place ("à", "in", "near"). */
  placeCues: Words.default([]),
  /** Lower-case words inside a name, of a person or an organisation ("de", "van", "ibn", "of"). */
  nameConnectors: Words.default([]),
  /** Of those, the ones that only join organisation names, so they end a person's name ("and", "et"). */
  orgConnectors: Words.default([]),
  /** Determiners before a lower-case title that stands for a person named earlier ("le roi", "the king"). */
  titleDeterminers: Words.default([]),
});
export type LocaleLexicon = z.infer<typeof LocaleLexicon>;

/** A place: its names in every language, and what contains it (a city's country). */
export const PlaceEntry = z.strictObject({
  names: z.array(z.string()).min(1),
  kind: z.enum(['country', 'region', 'city', 'area']).default('city'),
  within: z.array(z.string()).default([]),
});
export type PlaceEntry = z.infer<typeof PlaceEntry>;

/** Names that are the same person or thing in different languages or spellings ("Pékin" = "Beijing"). */
export const AliasEntry = z.strictObject({
  canonical: z.string(),
  aliases: z.array(z.string()).default([]),
  kind: z.enum(['person', 'org', 'other']).default('person'),
});
export type AliasEntry = z.infer<typeof AliasEntry>;

export const Lexicon = z.object({
  locales: z.record(z.string(), LocaleLexicon),
  places: z.record(z.string(), PlaceEntry).default({}),
  aliases: z.array(AliasEntry).default([]),
  /** Word translations used to compare names of series and counted nouns across languages (fr word → en word). */
  translations: z.record(z.string(), z.string()).default({}),
});
export type Lexicon = z.infer<typeof Lexicon>;
