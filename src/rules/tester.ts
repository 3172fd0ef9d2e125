import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';
import { z } from 'zod';
import { parseDeclaredDate } from '../ingest/metadata.js';
import { parseDocumentText } from '../ingest/read.js';
import type { Document } from '../model/document.js';
import type { Finding, FindingDraft, Severity } from '../model/finding.js';
import type { Lexicon } from '../model/lexicon.js';
import type { Span } from '../model/mention.js';
import { extractDocument } from '../extract/index.js';
import { checkCorpus, checkDocument, triggersOf, type DocumentResult } from '../pipeline.js';
import { buildReport } from '../report/build.js';
import { fingerprintFinding } from '../report/fingerprint.js';
import { VERSION } from '../version.js';
import { instantiateRule, isDefinedRule, type DefinedRule } from './define.js';
import { loadLexicon } from './lexicon.js';
import { BUNDLED_RULES_DIR, inventoryRulesAsync } from './load.js';
import type { Rule } from './types.js';

/**
 * RuleTester, ESLint's in spirit and as strict: `valid` article sets must yield no finding, `invalid` ones
 * exactly the findings listed (in report order), each with a known message id, every placeholder filled,
 * and its sides (document, values, quote) as expected. Cases run the real pipeline: extraction, the rule's
 * `extract`, its `compare`, and the report stage that quotes sentences.
 */

/** An article: its text (a `.txt` may start with ` date 2019-10-16`), or the text with a forced language/date. */
export type ArticleInit = string | { text: string; lang?: 'fr' | 'en'; published?: string };

const Article = z.union([
  z.string(),
  z.strictObject({ text: z.string(), lang: z.enum(['fr', 'en']).optional(), published: z.string().optional() }),
]);
const ExpectedSide = z.strictObject({
  /** The document id: the file name without its extension ("a" for "a.txt"). */
  doc: z.string(),
  values: z.array(z.string()).optional(),
  /** A part of the quoted sentence. */
  quote: z.string().optional(),
  modality: z.enum(['held', 'planned', 'hedged', 'negated']).optional(),
  line: z.number().int().positive().optional(),
});
const ExpectedFinding = z.strictObject({
  messageId: z.string().optional(),
  /** The whole message, or a pattern it matches. */
  message: z.union([z.string(), z.instanceof(RegExp)]).optional(),
  /** The whole hint (what is likely wrong), or a pattern it matches. */
  hint: z.union([z.string(), z.instanceof(RegExp)]).optional(),
  severity: z.enum(['error', 'warning', 'info']).optional(),
  fact: z.union([z.string(), z.instanceof(RegExp)]).optional(),
  sides: z.array(ExpectedSide).min(1),
});
const ValidCase = z.strictObject({
  name: z.string().optional(),
  articles: z.record(z.string(), Article).refine((a) => Object.keys(a).length > 0, 'a case needs at least one article'),
  /** Options for the rule (its `meta.schema`, or a YAML kind's `options:`). */
  options: z.record(z.string(), z.unknown()).optional(),
});
const InvalidCase = ValidCase.extend({
  findings: z.array(ExpectedFinding).min(1, 'an invalid case lists the findings it expects (at least one)'),
});
const Cases = z.strictObject({ valid: z.array(ValidCase), invalid: z.array(InvalidCase) });

export type ValidCase = z.input<typeof ValidCase>;
export type InvalidCase = z.input<typeof InvalidCase>;
export type ExpectedFinding = z.input<typeof ExpectedFinding>;
export type RuleTesterCases = z.input<typeof Cases>;

export interface RuleTesterConfig {
  /** Rule folders to load after the bundled pack (lexicons, and rules named by id); paths or file URLs. */
  rules?: ReadonlyArray<string | URL>;
  /** Leave out the bundled pack (default false). */
  noBundledRules?: boolean;
}

/** A rule under test: a rule id (looked up in the loaded folders), a `defineRule` result, or a built Rule. */
export type RuleUnderTest = string | DefinedRule<string, z.ZodType | undefined> | Rule;

/** A finding as the tester sees it: the report's finding plus the message id the rule used. */
export interface TesterFinding extends Finding {
  messageId?: string;
}

export class RuleTesterError extends Error {
  override name = 'RuleTesterError';
}

export class RuleTester {
  private readonly dirs: string[];
  private lexicon?: Lexicon;
  private readonly loaded = new Map<string, ReturnType<typeof inventoryRulesAsync>>();

  constructor(config: RuleTesterConfig = {}) {
    const dirs = (config.rules ?? []).map((dir) => (dir instanceof URL || dir.startsWith('file:') ? fileURLToPath(dir) : dir));
    this.dirs = [...(config.noBundledRules ? [] : [BUNDLED_RULES_DIR]), ...dirs];
  }

  /** Registers one vitest test per case, under `describe(name)`. */
  run(name: string, rule: RuleUnderTest, cases: RuleTesterCases): void {
    const parsed = parseCases(cases);
    describe(name, () => {
      parsed.valid.forEach((testCase, i) => {
        it(`valid #${i + 1}${testCase.name ? `: ${testCase.name}` : ''}`, async () => {
          await this.verifyValid(rule, testCase);
        });
      });
      parsed.invalid.forEach((testCase, i) => {
        it(`invalid #${i + 1}${testCase.name ? `: ${testCase.name}` : ''}`, async () => {
          await this.verifyInvalid(rule, testCase);
        });
      });
    });
  }

  /** Throws RuleTesterError when the case yields any finding. */
  async verifyValid(rule: RuleUnderTest, testCase: ValidCase): Promise<void> {
    const valid = ValidCase.parse(testCase);
    const findings = await this.findings(rule, valid.articles, valid.options);
    if (findings.length > 0) {
      throw new RuleTesterError(`a valid case must yield no finding, but the rule reported ${findings.length}:\n${findings.map(show).join('\n')}`);
    }
  }

  /** Throws RuleTesterError unless the case yields exactly the expected findings. */
  async verifyInvalid(rule: RuleUnderTest, testCase: InvalidCase): Promise<void> {
    const invalid = InvalidCase.parse(testCase);
    const built = await this.build(rule, invalid.options);
    for (const expected of invalid.findings) {
      if (expected.messageId !== undefined && !(expected.messageId in built.meta.messages)) {
        throw new RuleTesterError(`unknown messageId "${expected.messageId}": rule ${built.meta.id} has ${listIds(built)}`);
      }
    }
    const findings = await this.findingsOf(built, invalid.articles);
    if (findings.length === 0) throw new RuleTesterError('an invalid case must yield findings, but the rule reported none');
    if (findings.length !== invalid.findings.length) {
      throw new RuleTesterError(`expected ${invalid.findings.length} finding(s), the rule reported ${findings.length}:\n${findings.map(show).join('\n')}`);
    }
    invalid.findings.forEach((expected, i) => compareFinding(findings[i]!, expected, i));
  }

  /** The findings a rule reports on articles, checked for message ids and placeholders, in report order. */
  async findings(rule: RuleUnderTest, articles: Record<string, ArticleInit>, options?: Record<string, unknown>): Promise<TesterFinding[]> {
    return this.findingsOf(await this.build(rule, options), articles);
  }

  /**
   * Extraction runs as in a real check, with the trigger words of every loaded rule (a count-list rule reads
   * other rules' triggers); then only the rule under test reads claims and compares them.
   */
  private async findingsOf(rule: Rule, articles: Record<string, ArticleInit>): Promise<TesterFinding[]> {
    const lexicon = (this.lexicon ??= loadLexicon(this.dirs));
    const others = (await this.entries(undefined)).filter((e) => e.severity !== 'off' && e.id !== rule.meta.id).map((e) => e.rule);
    const triggers = triggersOf([...others, rule]);
    const documents = Object.entries(articles).map(([name, init]) => toDocument(name, init, lexicon));
    const results = documents.map((input): DocumentResult => {
      const { doc, sentences, mentions } = extractDocument(input, { lexicon, triggers });
      const analysis = { doc, sentences, mentions };
      return { analysis: { doc, sentences }, claims: rule.extract?.(analysis, { lexicon }) ?? [], findings: checkDocument([rule], analysis, { lexicon }) };
    });
    const corpus = checkCorpus(results, { lexicon, rules: [rule] });
    for (const draft of corpus.findings) checkDraft(draft, rule);
    const sentences = new Map<string, Span[]>(results.map((r) => [r.analysis.doc.id, r.analysis.sentences]));
    const report = buildReport({ documents: results.map((r) => r.analysis.doc), sentences, ...corpus, problems: [], version: VERSION });
    const ids = new Map(corpus.findings.map((draft) => [fingerprintFinding(draft), draft.messageId]));
    return report.findings.map((finding) => ({ ...finding, messageId: ids.get(finding.fingerprint) }));
  }

  private async build(rule: RuleUnderTest, options: Record<string, unknown> | undefined): Promise<Rule> {
    if (isDefinedRule(rule)) return instantiateRule(rule, { source: `RuleTester (${rule.meta.id})`, options });
    if (typeof rule !== 'string') {
      if (options) throw new RuleTesterError('options need a rule id or a defineRule() rule, not a built Rule');
      return rule;
    }
    const entry = (await this.entries(options ? { [rule]: options } : undefined)).find((e) => e.id === rule);
    if (!entry) throw new RuleTesterError(`no rule "${rule}" in ${this.dirs.join(', ')}`);
    return entry.rule;
  }

  /** The rules of the tester's folders (with options for one rule, when a case gives them), loaded once. */
  private entries(options: Record<string, Record<string, unknown>> | undefined): ReturnType<typeof inventoryRulesAsync> {
    const key = JSON.stringify(options ?? null);
    let loading = this.loaded.get(key);
    if (!loading) this.loaded.set(key, (loading = inventoryRulesAsync(this.dirs, {}, options ? { options } : {})));
    return loading;
  }
}

function parseCases(cases: RuleTesterCases): z.infer<typeof Cases> {
  const parsed = Cases.safeParse(cases);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new RuleTesterError(`invalid test cases: \`${issue.path.join('.')}\`: ${issue.message}`);
  }
  const seen = new Set<string>();
  for (const testCase of [...parsed.data.valid, ...parsed.data.invalid]) {
    const key = JSON.stringify([testCase.articles, testCase.options ?? null]);
    if (seen.has(key)) throw new RuleTesterError(`duplicate test case: ${Object.keys(testCase.articles).join(', ')} appear twice with the same texts`);
    seen.add(key);
  }
  return parsed.data;
}

function toDocument(name: string, init: ArticleInit, lexicon: Lexicon): Document {
  const article = typeof init === 'string' ? { text: init } : init;
  const path = /\.(?:txt|md)$/.test(name) ? name : `${name}.txt`;
  let doc = parseDocumentText(article.text, path, { lexicon, lang: article.lang });
  if (article.published) {
    const published = parseDeclaredDate(article.published, 'RuleTester');
    if (!published) throw new RuleTesterError(`article ${name}: published "${article.published}" is not a date (YYYY-MM-DD)`);
    doc = { ...doc, published };
  }
  return doc;
}

function listIds(rule: Rule): string {
  const ids = Object.keys(rule.meta.messages);
  return ids.length > 0 ? `messages ${ids.map((id) => `"${id}"`).join(', ')}` : 'no messages';
}

/** Every draft must use a message id of the rule and leave no placeholder unfilled. */
function checkDraft(draft: FindingDraft, rule: Rule): void {
  if (draft.messageId !== undefined && !(draft.messageId in rule.meta.messages)) {
    throw new RuleTesterError(`the rule reported unknown messageId "${draft.messageId}"; it has ${listIds(rule)}`);
  }
  const unfilled = /\{\{\s*\w+\s*\}\}/.exec(draft.message);
  if (unfilled) throw new RuleTesterError(`the message "${draft.message}" has an unfilled placeholder ${unfilled[0]}`);
}

function matches(actual: string, expected: string | RegExp): boolean {
  return typeof expected === 'string' ? actual === expected : expected.test(actual);
}

function compareFinding(actual: TesterFinding, expected: z.infer<typeof ExpectedFinding>, index: number): void {
  const where = `finding #${index + 1} (${show(actual)})`;
  const fail = (what: string) => {
    throw new RuleTesterError(`${where}: ${what}`);
  };
  if (expected.messageId !== undefined && actual.messageId !== expected.messageId) fail(`messageId is "${actual.messageId}", expected "${expected.messageId}"`);
  if (expected.message !== undefined && !matches(actual.message, expected.message)) fail(`message is "${actual.message}", expected ${String(expected.message)}`);
  if (expected.hint !== undefined && !matches(actual.hint ?? '', expected.hint)) fail(`hint is "${actual.hint ?? ''}", expected ${String(expected.hint)}`);
  if (expected.fact !== undefined && !matches(actual.fact, expected.fact)) fail(`fact is "${actual.fact}", expected ${String(expected.fact)}`);
  if (expected.severity !== undefined && actual.severity !== expected.severity) fail(`severity is ${actual.severity}, expected ${expected.severity}`);
  if (actual.sides.length !== expected.sides.length) {
    fail(`cites ${actual.sides.length} side(s) (${actual.sides.map((s) => s.doc).join(', ')}), expected ${expected.sides.length} (${expected.sides.map((s) => s.doc).join(', ')})`);
  }
  expected.sides.forEach((side, i) => {
    const got = actual.sides[i]!;
    const which = `side #${i + 1}`;
    if (got.doc !== side.doc.replace(/\.(?:txt|md)$/, '')) fail(`${which} cites "${got.doc}", expected "${side.doc}"`);
    if (side.values && JSON.stringify(got.values) !== JSON.stringify(side.values)) fail(`${which} values are ${JSON.stringify(got.values)}, expected ${JSON.stringify(side.values)}`);
    if (side.quote !== undefined && !got.quote.includes(side.quote)) fail(`${which} quotes "${got.quote}", which does not contain "${side.quote}"`);
    if (side.modality !== undefined && got.modality !== side.modality) fail(`${which} modality is ${got.modality}, expected ${side.modality}`);
    if (side.line !== undefined && got.line !== side.line) fail(`${which} is on line ${got.line}, expected ${side.line}`);
  });
}

function show(finding: TesterFinding): string {
  const severity: Severity = finding.severity;
  return `  ${severity} ${finding.ruleId}${finding.messageId ? ` [${finding.messageId}]` : ''}: ${finding.message} — ${finding.sides.map((s) => `${s.doc} ${JSON.stringify(s.values)}`).join(' / ')}`;
}
