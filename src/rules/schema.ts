import { z } from 'zod';
import { Severity } from '../model/finding.js';
import { VALUE_TYPES } from '../claims/values.js';

/** Words per language. */
export const LangPhrases = z.strictObject({
  fr: z.array(z.string().min(1)).optional(),
  en: z.array(z.string().min(1)).optional(),
});

const RuleId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*(?:\/[a-z0-9][a-z0-9-]*)*$/, 'a rule id is lower-case words joined by - or /, e.g. "event/visit"');

const Common = {
  id: RuleId,
  description: z.string().min(1),
  severity: Severity.default('error'),
  /** Message templates by id; `{{placeholder}}` are filled from the finding's data. */
  messages: z.record(z.string(), z.string()).default({}),
};

/**
 * An event rule: which words announce the event, how an instance is identified, and what is compared.
 * - `series`: numbered instances of a recurring body (the 3rd summit of a council): identity = the
 *   body's name + the ordinal (or, without one, the host place); the date is compared.
 * - `once`: a one-off event named by what it creates (an agreement concluded): identity = the name; the date is compared.
 * - `repeatable`: visits, meetings: single mentions are never compared (two visits are two events); only
 *   complete lists ("two visits, in 2015 and 2017") are compared, as sets.
 */
export const EventRuleFile = z.strictObject({
  ...Common,
  kind: z.literal('event'),
  event: z.strictObject({
    type: z.string().min(1),
    identity: z.enum(['series', 'once', 'repeatable']),
    triggers: LangPhrases,
    /** Head words of the name that identifies the instance: the body of a series, the agreement. */
    names: LangPhrases.optional(),
    /** Words of a name that do not tell two bodies apart (joint, mixed, intergovernmental). */
    genericNameWords: z.array(z.string()).default([]),
    /** The fact in plain words: {{type}}, {{ordinal}}, {{series}}, {{agent}}, {{place}}. */
    label: z.string().min(1),
  }),
});
export type EventRuleFile = z.infer<typeof EventRuleFile>;

/** Spelling variants of one person's name across documents in the same language. */
export const SpellingRuleFile = z.strictObject({
  ...Common,
  kind: z.literal('spelling'),
  severity: Severity.default('info'),
  options: z
    .strictObject({
      /** Only names of at least this many words (given name + surname) are compared. */
      minWords: z.number().int().min(1).default(2),
      /** Also report variants across languages (off: Andrey/Andreï are both correct). */
      acrossLanguages: z.boolean().default(false),
    })
    .default({ minWords: 2, acrossLanguages: false }),
});

/** A weekday written next to a date must be that date's weekday. */
export const WeekdayRuleFile = z.strictObject({ ...Common, kind: z.literal('weekday') });

/** "deux visites, en 2015 et 2017": a count must match the number of items listed with it. */
export const CountListRuleFile = z.strictObject({ ...Common, kind: z.literal('count-list'), severity: Severity.default('warning') });

/** How far apart two numbers may be and still agree. */
export const Tolerance = z.union([
  z.literal('exact'),
  z.strictObject({ relative: z.number().min(0).max(1) }),
  z.strictObject({ absolute: z.number().min(0) }),
]);
export type Tolerance = z.infer<typeof Tolerance>;

/** Regular expressions per language, checked for safety at load (see src/rules/regex.ts). */
export const LangPatterns = z.strictObject({
  fr: z.array(z.string().min(1)).optional(),
  en: z.array(z.string().min(1)).optional(),
});

const QuantityOptions = z.strictObject({
  /** `exact`, `{ relative: 0.1 }` (10 %) or `{ absolute: 2 }`. */
  tolerance: Tolerance.default('exact'),
  /**
   * When two numbers are about the same event: `place` = their sentences (else their articles) name the
   * same place; `corpus` = every number of the rule in the corpus is about one event.
   */
  sameEvent: z.enum(['place', 'corpus']).default('place'),
  /** Most words between the number and the trigger word ("15 people killed": 1). */
  maxWords: z.number().int().min(0).max(6).default(3),
});
export type QuantityOptions = z.infer<typeof QuantityOptions>;

/**
 * A number attached to an event and compared across documents: a death toll ("12 morts", "15 people
 * killed"), a number of arrests, of seats won. Trigger words name what is counted; the nearest number in
 * the same sentence is read, with its hedge ("au moins", "about").
 */
export const QuantityRuleFile = z.strictObject({
  ...Common,
  kind: z.literal('quantity'),
  quantity: z.strictObject({
    /** What is counted, in plain words: "death toll". */
    what: z.string().min(1),
    /** Words next to the number that say what it counts (morts, tués / killed, dead). */
    triggers: LangPhrases,
    /** Regular expressions for what words cannot say; matched on lower-case, accent-free text. */
    patterns: LangPatterns.optional(),
    /** The fact in plain words: {{what}}, {{place}}. Default: "{{what}} in {{place}}", or "{{what}}". */
    label: z.string().min(1).optional(),
  }),
  options: QuantityOptions.default({ tolerance: 'exact', sameEvent: 'place', maxWords: 3 }),
});
export type QuantityRuleFile = z.infer<typeof QuantityRuleFile>;

/** Which claims a reference fact is about; at least one criterion. */
const ReferenceMatch = z
  .strictObject({
    /** The instance of a series: 3 for "the 3rd summit". */
    ordinal: z.number().int().positive().optional(),
    /** Words of the series or agreement name, in either language ("commission", "mixte"). */
    series: z.array(z.string().min(1)).min(1).optional(),
    /** A place named with the event (a lexicon id or a name: "lisbon", "Lisbonne"). */
    place: z.string().min(1).optional(),
    /** A participant's name or surname. */
    agent: z.string().min(1).optional(),
  })
  .refine((m) => Object.values(m).some((v) => v !== undefined), 'a fact must match on at least one of ordinal, series, place, agent');

export const ReferenceFact = z.strictObject({
  match: ReferenceMatch,
  /** The canonical value: a date (2019-10-16, 2019-10, 2019) for an event rule, a number for a quantity rule. */
  value: z.union([z.string().min(1), z.number()]).transform(String),
  /** Where the desk's record comes from, quoted in the finding. */
  source: z.string().min(1).optional(),
});
export type ReferenceFact = z.infer<typeof ReferenceFact>;

/**
 * Canonical facts a newsroom keeps ("the 3rd summit took place on 17 October 2019"): every article's claims
 * read by the named event or quantity rule are checked against them.
 */
export const ReferenceRuleFile = z.strictObject({
  ...Common,
  kind: z.literal('reference'),
  reference: z.strictObject({
    /** The id of the event or quantity rule whose claims are checked (its triggers and names are used). */
    rule: RuleId,
  }),
  facts: z.array(ReferenceFact).default([]),
});
export type ReferenceRuleFile = z.infer<typeof ReferenceRuleFile>;

/** The declarative kinds, by name: the explicit registry a rule file's `kind` is looked up in. */
/**
 * Generic values: weekdays, years, dates, counts, quantities, ordinals and places stated in any sentence,
 * aligned across documents and languages without a rule per story (see docs/rules/generic-values.md).
 */
export const ValuesRuleFile = z.strictObject({
  ...Common,
  kind: z.literal('values'),
  options: z
    .strictObject({
      types: z.array(z.enum(VALUE_TYPES)).default([...VALUE_TYPES]),
      threshold: z.number().min(0).max(1).default(0.35),
      localBonus: z.number().min(0).max(1).default(0.1),
      localWindow: z.number().int().min(1).max(10).default(3),
      maxPostings: z.number().int().min(10).default(100),
      minAgreements: z.number().int().min(1).default(3),
      outlierThreshold: z.number().min(0).max(1).default(0.3),
      minConfidence: z.number().min(0).max(1).default(0.55),
      reportConfidence: z.number().min(0).max(1).default(0.4),
    })
    .prefault({}),
});
export type ValuesRuleFile = z.infer<typeof ValuesRuleFile>;

export const RULE_KIND_SCHEMAS = {
  event: EventRuleFile,
  spelling: SpellingRuleFile,
  weekday: WeekdayRuleFile,
  'count-list': CountListRuleFile,
  quantity: QuantityRuleFile,
  reference: ReferenceRuleFile,
  values: ValuesRuleFile,
} as const;
export type RuleKind = keyof typeof RULE_KIND_SCHEMAS;
export const RULE_KINDS = Object.keys(RULE_KIND_SCHEMAS).sort() as RuleKind[];


export const RuleFile = z.discriminatedUnion('kind', [EventRuleFile, SpellingRuleFile, WeekdayRuleFile, CountListRuleFile, QuantityRuleFile, ReferenceRuleFile, ValuesRuleFile]);
export type RuleFile = z.infer<typeof RuleFile>;

export { RuleId };
