import { z } from 'zod';
import { fillTemplate } from '../compare/values.js';
import type { Claim, ClaimValue, EntityRef, Modality } from '../model/claim.js';
import { CrosscheckError } from '../model/errors.js';
import { FindingDraft, Severity, type CorroborationDraft, type SideDraft } from '../model/finding.js';
import type { Lexicon } from '../model/lexicon.js';
import type { Mention, MentionKind, Span } from '../model/mention.js';
import { LangPhrases, RuleId } from './schema.js';
import type { CheckResult, CorpusDocument, DocumentAnalysis, Rule, RuleMeta } from './types.js';
import { joinId } from '../util/strings.js';
import { RangeIndex, SpanIndex } from '../text/spans.js';

/**
 * TypeScript rules: `defineRule({ meta, extract?, compare? })`, ESLint-style. `meta` says who the rule is
 * (id, description, severity, message templates with ids, an options schema, trigger words); `extract`
 * reads one document and returns claims; `compare` sees the claims of every document and reports findings
 * with `context.report({ messageId, data, fact, sides })`.
 */

/** Brand shared by every copy of the library (a rule file may import another copy than the CLI's). */
const RULE_BRAND = Symbol.for('crosscheck.rule-definition');

type Phrases = { fr?: readonly string[]; en?: readonly string[] };

export interface RuleDefinitionMeta<MessageId extends string, Schema extends z.ZodType | undefined> {
  /** Lower-case words joined by - or /: "toll/deaths". */
  id: string;
  description: string;
  /** Default "error"; a config file can change it or turn the rule off. */
  severity?: Severity;
  /** Message templates by id; `{{name}}` placeholders are filled from the `data` of a report. */
  messages: Readonly<Record<MessageId, string>>;
  /** A zod schema for the rule's options (given in crosscheck.config `options:` or a RuleTester case). */
  schema?: Schema;
  /** Trigger words per language: found by extraction, shown by `crosscheck extract`, handed to `extract`. */
  triggers?: Phrases;
  /** What the triggers announce (default: the rule id). */
  eventType?: string;
}

/** The options a rule receives: the output of its schema (defaults applied), or nothing. */
export type OptionsOf<Schema> = Schema extends z.ZodType ? z.output<Schema> : Readonly<Record<never, never>>;

/** A value a claim asserts: a mention as read, or written out. */
export type ValueInit = Mention | (Partial<ClaimValue> & { value: string; span: Span });

export interface ClaimInit {
  /** The words that announce the claim (a trigger mention or any span). */
  trigger: Mention | { text: string; span: Span };
  values: ValueInit[];
  /** What is compared ("count", "time", "name"…); default "value". */
  attribute?: string;
  /** Key parts that tell facts apart, for grouping in `compare` ({ event: "earthquake" }). */
  key?: Record<string, string>;
  modality?: Modality;
  places?: Array<Mention | EntityRef>;
  agents?: Array<Mention | EntityRef>;
  /** Default: the sentence that contains the trigger. */
  sentence?: Span;
  eventType?: string;
}

export interface ExtractContext<Options> {
  readonly ruleId: string;
  readonly options: Options;
  readonly lexicon: Lexicon;
  /** This rule's trigger mentions in the document, in text order. */
  readonly triggers: readonly Mention[];
  /** The sentence that contains a span. */
  sentenceOf(span: Span): Span | undefined;
  /** The mentions inside a span (a sentence, say), of one kind if given, in text order. */
  mentionsIn(span: Span, kind?: MentionKind): Mention[];
  /** A claim of this rule with the defaults filled in (id, document, language, sentence, modality "held"). */
  claim(init: ClaimInit): Claim;
}

export interface ReportDescriptor<MessageId extends string> {
  messageId: MessageId;
  data?: Readonly<Record<string, string | number>>;
  /** The fact in plain words ("death toll of the Lisbon fire"). */
  fact: string;
  /** One side per document cited; build them with `context.side(claim)`. */
  sides: SideDraft[];
  hint?: string;
  /** 0..1, default 0.8. */
  confidence?: number;
  /** Default: the rule's configured severity (a finding is never reported above it). */
  severity?: Severity;
}

export interface CompareContext<Options, MessageId extends string> {
  readonly ruleId: string;
  readonly options: Options;
  readonly lexicon: Lexicon;
  /** Every document (text, sentences, publication date) by id; mentions are read per article, in `extract` or `checkDocument`. */
  readonly analyses: ReadonlyMap<string, CorpusDocument>;
  /** Claims in groups by key (undefined: left out); groups in key order. Block by key, never compare all pairs. */
  groupBy(claims: readonly Claim[], key: (claim: Claim) => string | undefined): Map<string, Claim[]>;
  /** The side citing a claim's value (default: its first) and quoting its sentence. */
  side(claim: Claim, value?: ClaimValue): SideDraft;
  report(descriptor: ReportDescriptor<MessageId>): void;
  /** Records that documents agree on a fact (listed under "corroborated" in the report). */
  corroborate(fact: string, value: string, sides: SideDraft[]): void;
}

export interface RuleDefinition<MessageId extends string = string, Schema extends z.ZodType | undefined = z.ZodType | undefined> {
  meta: RuleDefinitionMeta<MessageId, Schema>;
  extract?(analysis: DocumentAnalysis, context: ExtractContext<OptionsOf<Schema>>): Claim[];
  compare?(claims: readonly Claim[], context: CompareContext<OptionsOf<Schema>, MessageId>): void;
  /** Another name for `compare`. */
  check?(claims: readonly Claim[], context: CompareContext<OptionsOf<Schema>, MessageId>): void;
  /**
   * Checks one article on its own (a weekday against its date, a count against its list): it sees every
   * mention of the article and reports with `context.report`. Runs with extraction, in workers too.
   */
  checkDocument?(analysis: DocumentAnalysis, context: CompareContext<OptionsOf<Schema>, MessageId>): void;
}

export type DefinedRule<MessageId extends string = string, Schema extends z.ZodType | undefined = z.ZodType | undefined> = RuleDefinition<MessageId, Schema> & {
  readonly [RULE_BRAND]: true;
};

/** Declares a TypeScript rule; typed so that `report({ messageId })` only accepts the ids of `meta.messages`. */
export function defineRule<const MessageId extends string, Schema extends z.ZodType | undefined = undefined>(
  definition: RuleDefinition<MessageId, Schema>,
): DefinedRule<MessageId, Schema> {
  return Object.assign(Object.create(null) as object, definition, { [RULE_BRAND]: true as const }) as DefinedRule<MessageId, Schema>;
}

/** True for what `defineRule` returned (from any copy of the library). */
export function isDefinedRule(value: unknown): value is DefinedRule {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[RULE_BRAND] === true;
}

const ZodSchemaLike = z.custom<z.ZodType>((v) => typeof v === 'object' && v !== null && typeof (v as { safeParse?: unknown }).safeParse === 'function', {
  message: 'expected a zod schema (z.object({...}))',
});
const Template = z.string().refine((t) => !/\{\{(?!\s*\w+\s*\}\})/.test(t), 'a placeholder is written {{name}}');

const DefinitionShape = z.strictObject({
  meta: z.strictObject({
    id: RuleId,
    description: z.string().min(1),
    severity: Severity.default('error'),
    messages: z.record(z.string(), Template).refine((m) => Object.keys(m).length > 0, 'a rule needs at least one message'),
    schema: ZodSchemaLike.optional(),
    triggers: LangPhrases.optional(),
    eventType: z.string().min(1).optional(),
  }),
  extract: z.function().optional(),
  compare: z.function().optional(),
  check: z.function().optional(),
  checkDocument: z.function().optional(),
});

export interface InstantiateOptions {
  /** The file the rule came from, shown by `crosscheck rules list` and in errors. */
  source: string;
  /** Options from the config file or a RuleTester case, validated by `meta.schema`. */
  options?: unknown;
  /** The configured severity, when it differs from `meta.severity`. */
  severity?: Severity;
  /** Where `options` came from, to point errors at it. */
  optionsError?: (issue: z.core.$ZodIssue) => CrosscheckError;
}

/**
 * A definition as the pipeline's Rule: the shape and the options are validated (errors name the file),
 * and `extract`/`compare` get their contexts. Errors thrown inside the rule's code name the rule and file.
 */
export function instantiateRule(definition: unknown, settings: InstantiateOptions): Rule {
  const shape = DefinitionShape.safeParse(definition);
  if (!shape.success) {
    const issue = shape.error.issues[0]!;
    const where = issue.path.length > 0 ? `\`${issue.path.join('.')}\`: ` : '';
    throw new CrosscheckError(`invalid rule definition: ${where}${issue.message}`, { file: settings.source, code: 'config' });
  }
  const def = definition as RuleDefinition<string, z.ZodType | undefined>;
  const meta: RuleMeta = {
    id: shape.data.meta.id,
    kind: 'custom',
    severity: settings.severity ?? shape.data.meta.severity,
    description: shape.data.meta.description,
    source: settings.source,
    messages: { ...shape.data.meta.messages },
  };
  const options = parseOptions(def.meta.schema, settings);
  const compare = def.compare ?? def.check;
  const fail = (phase: string, error: unknown): CrosscheckError =>
    error instanceof CrosscheckError
      ? error
      : new CrosscheckError(`rule ${meta.id}: ${phase} failed: ${error instanceof Error ? error.message : String(error)}`, {
          file: settings.source,
          code: 'config',
          cause: error,
        });
  const rule: Rule = { meta };
  if (def.meta.triggers) rule.triggers = { ruleId: meta.id, eventType: def.meta.eventType ?? meta.id, phrases: def.meta.triggers };
  if (def.extract) {
    const extract = def.extract;
    rule.extract = (analysis, ctx) => {
      try {
        return extract(analysis, extractContext(analysis, meta, options, ctx.lexicon, def.meta.eventType ?? meta.id));
      } catch (error) {
        throw fail(`extract (on ${analysis.doc.id})`, error);
      }
    };
  }
  if (def.checkDocument) {
    const checkOne = def.checkDocument;
    rule.checkDocument = (analysis, ctx) => {
      const result: CheckResult = { findings: [], corroborated: [] };
      try {
        checkOne(analysis, compareContext(meta, options, ctx.lexicon, new Map([[analysis.doc.id, analysis]]), result));
      } catch (error) {
        throw fail(`checkDocument (on ${analysis.doc.id})`, error);
      }
      return result.findings;
    };
  }
  if (compare) {
    rule.check = (claims, analyses, ctx) => {
      const result: CheckResult = { findings: [], corroborated: [] };
      try {
        compare(claims, compareContext(meta, options, ctx.lexicon, analyses, result));
      } catch (error) {
        throw fail('compare', error);
      }
      return result;
    };
  }
  return rule;
}

function parseOptions(schema: z.ZodType | undefined, settings: InstantiateOptions): unknown {
  const given = settings.options;
  if (!schema) {
    if (given !== undefined && !(typeof given === 'object' && given !== null && Object.keys(given).length === 0)) {
      throw new CrosscheckError('options were given, but the rule has no `meta.schema` to accept them', { file: settings.source, code: 'config' });
    }
    return {};
  }
  const parsed = schema.safeParse(given ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  if (settings.optionsError) throw settings.optionsError(issue);
  const where = issue.path.length > 0 ? `\`${issue.path.join('.')}\`: ` : '';
  throw new CrosscheckError(`invalid options: ${where}${issue.message}`, { file: settings.source, code: 'config' });
}

function entityOf(ref: Mention | EntityRef): EntityRef {
  if (!('kind' in ref)) return ref;
  const withinPlaces = Array.isArray(ref.attrs.within) ? (ref.attrs.within as string[]) : [];
  const key = ref.kind === 'person' ? String(ref.attrs.surname ?? ref.value) : ref.value;
  return { text: ref.text, span: ref.span, canonical: ref.value, key, within: withinPlaces };
}

function valueOf(init: ValueInit): ClaimValue {
  if (!('kind' in init && 'attrs' in init)) {
    const number = init.number ?? (Number.isFinite(Number(init.value)) ? Number(init.value) : undefined);
    return { text: init.value, stated: true, ...init, ...(number === undefined ? {} : { number }) } as ClaimValue;
  }
  const value: ClaimValue = { value: init.value, span: init.span, text: init.text, stated: init.stated };
  if (init.kind === 'number' || init.kind === 'ordinal') value.number = Number(init.value);
  if (typeof init.attrs.qualifier === 'string') value.qualifier = init.attrs.qualifier;
  if (typeof init.attrs.unit === 'string') value.unit = init.attrs.unit;
  if (init.kind === 'time' && init.attrs.start) {
    value.time = { value: init.value, precision: init.precision ?? 'day', start: String(init.attrs.start), end: String(init.attrs.end ?? init.attrs.start) };
  }
  return value;
}

function extractContext(analysis: DocumentAnalysis, meta: RuleMeta, options: unknown, lexicon: Lexicon, eventType: string): ExtractContext<never> {
  const { doc, sentences, mentions } = analysis;
  let counter = 0;
  // Made on first use: a rule that asks for neither pays nothing.
  let sentenceIndex: RangeIndex<Span> | undefined;
  let mentionIndex: SpanIndex<Mention> | undefined;
  const sentenceOf = (span: Span) => (sentenceIndex ??= new RangeIndex(sentences)).containing(span);
  return {
    ruleId: meta.id,
    options: options as never,
    lexicon,
    triggers: mentions.filter((m) => m.kind === 'trigger' && m.attrs.rule === meta.id),
    sentenceOf,
    mentionsIn: (span, kind) => {
      const inside = (mentionIndex ??= new SpanIndex(mentions)).within(span);
      return kind === undefined ? inside : inside.filter((m) => m.kind === kind);
    },
    claim(init) {
      const trigger = { text: init.trigger.text, span: init.trigger.span };
      return {
        id: joinId(doc.id, meta.id, counter++),
        doc: doc.id,
        lang: doc.lang,
        ruleId: meta.id,
        eventType: init.eventType ?? eventType,
        attribute: init.attribute ?? 'value',
        values: init.values.map(valueOf),
        exhaustive: false,
        modality: init.modality ?? 'held',
        agents: (init.agents ?? []).map(entityOf),
        places: (init.places ?? []).map(entityOf),
        trigger,
        sentence: init.sentence ?? sentenceOf(trigger.span) ?? trigger.span,
        keyParts: { ...init.key },
      };
    },
  };
}

function compareContext(
  meta: RuleMeta,
  options: unknown,
  lexicon: Lexicon,
  analyses: ReadonlyMap<string, CorpusDocument>,
  result: CheckResult,
): CompareContext<never, string> {
  const side = (claim: Claim, value: ClaimValue | undefined = claim.values[0]): SideDraft => ({
    doc: claim.doc,
    values: value ? [value.value] : [],
    modality: claim.modality,
    span: value?.span ?? claim.trigger.span,
    sentence: claim.sentence,
  });
  return {
    ruleId: meta.id,
    options: options as never,
    lexicon,
    analyses,
    groupBy(claims, key) {
      const groups = new Map<string, Claim[]>();
      for (const claim of claims) {
        const k = key(claim);
        if (k !== undefined) groups.set(k, [...(groups.get(k) ?? []), claim]);
      }
      return new Map([...groups].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
    },
    side,
    report(descriptor) {
      result.findings.push(draftFinding(meta, descriptor, analyses));
    },
    corroborate(fact, value, sides) {
      const draft: CorroborationDraft = { ruleId: meta.id, fact, value, sides };
      if (sides.length >= 2) result.corroborated.push(draft);
    },
  };
}

/** A report as a FindingDraft: the message id must exist and every placeholder be filled. */
function draftFinding(meta: RuleMeta, descriptor: ReportDescriptor<string>, analyses: ReadonlyMap<string, CorpusDocument>): FindingDraft {
  const template = meta.messages[descriptor.messageId];
  if (template === undefined) {
    throw new CrosscheckError(
      `rule ${meta.id} reported unknown messageId \`${descriptor.messageId}\`; its messages are ${Object.keys(meta.messages).map((id) => `\`${id}\``).join(', ')}`,
      { file: meta.source, code: 'config' },
    );
  }
  let message: string;
  try {
    message = fillTemplate(template, descriptor.data ?? {});
  } catch (error) {
    throw new CrosscheckError(`rule ${meta.id}, message \`${descriptor.messageId}\`: ${(error as Error).message} (pass it in \`data\`)`, {
      file: meta.source,
      code: 'config',
    });
  }
  const draft = FindingDraft.safeParse({
    ruleId: meta.id,
    severity: descriptor.severity ?? meta.severity,
    fact: descriptor.fact,
    message,
    hint: descriptor.hint,
    confidence: descriptor.confidence ?? 0.8,
    sides: descriptor.sides,
    messageId: descriptor.messageId,
  });
  if (!draft.success) {
    const issue = draft.error.issues[0]!;
    throw new CrosscheckError(`rule ${meta.id} reported an invalid finding: \`${issue.path.join('.')}\`: ${issue.message}`, { file: meta.source, code: 'config' });
  }
  for (const s of draft.data.sides) {
    const analysis = analyses.get(s.doc);
    if (!analysis) throw new CrosscheckError(`rule ${meta.id} cited an unknown document "${s.doc}"`, { file: meta.source, code: 'config' });
    if (s.span[1] > analysis.doc.text.length || s.span[0] > s.span[1]) {
      throw new CrosscheckError(`rule ${meta.id} cited a span [${s.span.join(', ')}] outside document "${s.doc}"`, { file: meta.source, code: 'config' });
    }
  }
  return draft.data;
}
